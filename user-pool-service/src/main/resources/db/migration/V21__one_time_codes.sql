-- Every one-time code the product sends (sign-up confirmation, forgot password, attribute verification,
-- email/SMS OTP): one mechanism. Only an HMAC of the code is stored, keyed by a key derived from the
-- master key, because six digits hashed without a key are brute-forced offline in microseconds.
-- At most one live code per user and purpose; older rows stay for the attempt window so that attempts
-- across codes can be capped, then are purged.
CREATE TABLE one_time_code (
    id             uuid         PRIMARY KEY,
    pool_id        varchar(55)  NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    user_sub       uuid         NOT NULL REFERENCES user_account (sub) ON DELETE CASCADE,
    purpose        varchar(64)  NOT NULL,
    code_hash      bytea        NOT NULL,
    created_at     timestamptz  NOT NULL,
    expires_at     timestamptz  NOT NULL,
    attempts       integer      NOT NULL DEFAULT 0,
    max_attempts   integer      NOT NULL,
    consumed_at    timestamptz,
    superseded_at  timestamptz
);

CREATE UNIQUE INDEX one_time_code_live_uq ON one_time_code (user_sub, purpose)
    WHERE consumed_at IS NULL AND superseded_at IS NULL;

CREATE INDEX one_time_code_window_idx ON one_time_code (user_sub, purpose, created_at);

CREATE INDEX one_time_code_pool_idx ON one_time_code (pool_id);
