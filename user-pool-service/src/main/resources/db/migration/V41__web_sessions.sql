-- Web sessions of the hosted pages (Spring Session JDBC), so that any instance serves any browser. The
-- layout is Spring Session's own PostgreSQL schema under Gatehouse's names; the service reads it through
-- spring.session.jdbc.table-name=user_pool.web_session (the attributes table name is derived from it).
-- PRINCIPAL_NAME is the user's sub, so every session of a user can be ended (password reset, sign-out).
CREATE TABLE web_session (
    primary_id             char(36)      NOT NULL,
    session_id             char(36)      NOT NULL,
    creation_time          bigint        NOT NULL,
    last_access_time       bigint        NOT NULL,
    max_inactive_interval  integer       NOT NULL,
    expiry_time            bigint        NOT NULL,
    principal_name         varchar(100),
    CONSTRAINT web_session_pk PRIMARY KEY (primary_id)
);

CREATE UNIQUE INDEX web_session_ix1 ON web_session (session_id);
CREATE INDEX web_session_ix2 ON web_session (expiry_time);
CREATE INDEX web_session_ix3 ON web_session (principal_name);

CREATE TABLE web_session_attributes (
    session_primary_id  char(36)      NOT NULL,
    attribute_name      varchar(200)  NOT NULL,
    attribute_bytes     bytea         NOT NULL,
    CONSTRAINT web_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT web_session_attributes_fk FOREIGN KEY (session_primary_id) REFERENCES web_session (primary_id)
        ON DELETE CASCADE
);
