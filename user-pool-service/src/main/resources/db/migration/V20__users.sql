-- Users of a user pool. Uniqueness is the database's job so that concurrent sign-ups cannot create
-- duplicates: the username (by its normalized key) and every attribute that currently is a sign-in name
-- (email or phone as username attribute or verified alias; preferred_username as alias). The sign_in_*
-- columns are set by the service only while the attribute is a sign-in name and are NULL otherwise.
CREATE TABLE user_account (
    sub                           uuid          PRIMARY KEY,
    pool_id                       varchar(55)   NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    username                      varchar(128)  NOT NULL,
    -- NFC, and lower-cased when the pool's usernames are case-insensitive (lower-casing can lengthen).
    username_key                  varchar(512)  NOT NULL,
    sign_in_email                 varchar(2048),
    sign_in_phone                 varchar(32),
    sign_in_preferred_username    varchar(8192),
    attributes                    jsonb         NOT NULL,
    status                        varchar(32)   NOT NULL CHECK (status IN ('UNCONFIRMED', 'CONFIRMED',
                                      'FORCE_CHANGE_PASSWORD', 'RESET_REQUIRED', 'EXTERNAL_PROVIDER')),
    enabled                       boolean       NOT NULL DEFAULT true,
    password_hash                 varchar(512),
    password_changed_at           timestamptz,
    temporary_password_expires_at timestamptz,
    -- Sign-in throttling, changed only by single UPDATE ... RETURNING statements (SignInThrottle).
    failed_sign_in_count          integer       NOT NULL DEFAULT 0,
    last_failed_sign_in_at        timestamptz,
    locked_until                  timestamptz,
    created_at                    timestamptz   NOT NULL,
    updated_at                    timestamptz   NOT NULL
);

CREATE UNIQUE INDEX user_account_username_uq ON user_account (pool_id, username_key);

CREATE UNIQUE INDEX user_account_sign_in_email_uq ON user_account (pool_id, lower(sign_in_email))
    WHERE sign_in_email IS NOT NULL;

CREATE UNIQUE INDEX user_account_sign_in_phone_uq ON user_account (pool_id, sign_in_phone)
    WHERE sign_in_phone IS NOT NULL;

CREATE UNIQUE INDEX user_account_sign_in_preferred_username_uq ON user_account (pool_id, sign_in_preferred_username)
    WHERE sign_in_preferred_username IS NOT NULL;

-- ListUsers pages through a pool in creation order.
CREATE INDEX user_account_pool_created_idx ON user_account (pool_id, created_at, sub);
