-- The demo pool and client the development start seeds once (gatehouse.demo.enabled). One row at most; it
-- goes with the pool, so deleting the demo pool makes the next start seed a fresh one.
CREATE TABLE demo_seed (
    id          varchar(16)   PRIMARY KEY CHECK (id = 'demo'),
    pool_id     varchar(55)   NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    client_id   varchar(128)  NOT NULL,
    created_at  timestamptz   NOT NULL
);
