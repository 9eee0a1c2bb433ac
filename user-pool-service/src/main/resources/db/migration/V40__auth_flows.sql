-- Sign-in flows waiting for the user's answer to a challenge (NEW_PASSWORD_REQUIRED now; MFA, passkeys and
-- custom challenges later). Kept here rather than in a node's memory so that any instance can continue a
-- flow another one started. The opaque Session value handed to the client is 256 random bits; only its
-- SHA-256 is stored, so a database reader cannot continue anyone's flow. A flow is bound to its pool,
-- client and user, is claimed by one conditional UPDATE (single use, even under concurrent answers) and
-- expires after a few minutes.
CREATE TABLE auth_flow (
    id            uuid          PRIMARY KEY,
    session_hash  bytea         NOT NULL,
    pool_id       varchar(55)   NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    -- NULL: the hosted pages, signed in to without an OAuth request (no client yet).
    client_id     varchar(128),
    user_sub      uuid          NOT NULL REFERENCES user_account (sub) ON DELETE CASCADE,
    challenge     varchar(32)   NOT NULL,
    -- What the flow has proven so far (authentication methods), as JSON.
    progress      jsonb         NOT NULL,
    door          varchar(32)   NOT NULL,
    -- Answers tried with this session; a wrong or unusable answer may be retried a few times.
    attempts      integer       NOT NULL DEFAULT 0,
    created_at    timestamptz   NOT NULL,
    expires_at    timestamptz   NOT NULL,
    consumed_at   timestamptz
);

CREATE UNIQUE INDEX auth_flow_session_uq ON auth_flow (session_hash);

CREATE INDEX auth_flow_expires_idx ON auth_flow (expires_at);

CREATE INDEX auth_flow_user_idx ON auth_flow (user_sub);
