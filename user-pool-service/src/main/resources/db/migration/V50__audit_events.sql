-- The audit log: every admin operation (accepted or refused) and every authentication result, from any
-- door. Rows hold who, what, when and from where, never a secret: no passwords, codes, secrets or tokens.
-- No foreign keys: events outlive the pools and users they name, until retention prunes them.
CREATE TABLE audit_event (
    id           uuid          PRIMARY KEY,
    occurred_at  timestamptz   NOT NULL,
    category     varchar(16)   NOT NULL CHECK (category IN ('ADMIN', 'AUTHENTICATION')),
    pool_id      varchar(55),
    actor_type   varchar(16)   NOT NULL CHECK (actor_type IN ('ADMIN_KEY', 'USER', 'NONE')),
    -- An admin access key id (for refused calls, the key id the request claimed), or a user's sub.
    actor        varchar(128),
    -- The operation (AdminCreateUser...) or the authentication event type (SignIn, ForgotPassword...).
    action       varchar(64)   NOT NULL,
    -- What was acted on, as named in the request: a username, group name or client id.
    target       varchar(128),
    target_sub   uuid,
    outcome      varchar(16)   NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE', 'REFUSED', 'IN_PROGRESS')),
    -- The AWS error type of a failed admin call, or why an authentication failed.
    reason       varchar(64),
    client_id    varchar(128),
    source_ip    varchar(64),
    user_agent   varchar(512),
    request_id   varchar(64),
    -- Challenge results of an authentication: [{"ChallengeName":"Password","ChallengeResponse":"Success"}].
    challenges   jsonb
);

-- Retention prunes by time.
CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at);

-- AdminListUserAuthEvents: one user's authentication events, newest first, in keyset pages.
CREATE INDEX audit_event_user_auth_idx ON audit_event (pool_id, target_sub, occurred_at DESC, id DESC)
    WHERE category = 'AUTHENTICATION';
