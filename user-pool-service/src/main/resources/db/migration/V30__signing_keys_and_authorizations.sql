-- Per-pool RSA signing keys. A pool has at most one CURRENT key (signs) and one NEXT key (published in
-- JWKS, signs after the next rotation); RETIRED keys stay published until publish_until, when every token
-- they signed has expired. The private key is sealed under the master key, bound to its kid and pool.
CREATE TABLE signing_key (
    kid                    varchar(64)  PRIMARY KEY,
    pool_id                varchar(55)  NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    status                 varchar(16)  NOT NULL CHECK (status IN ('NEXT', 'CURRENT', 'RETIRED')),
    public_jwk             text         NOT NULL,
    private_key_ciphertext bytea        NOT NULL,
    created_at             timestamptz  NOT NULL,
    activated_at           timestamptz,
    retired_at             timestamptz,
    publish_until          timestamptz
);

CREATE UNIQUE INDEX signing_key_current_uq ON signing_key (pool_id) WHERE status = 'CURRENT';

CREATE UNIQUE INDEX signing_key_next_uq ON signing_key (pool_id) WHERE status = 'NEXT';

CREATE INDEX signing_key_pool_idx ON signing_key (pool_id, status);

-- One OAuth 2.0 authorization (Spring Authorization Server's OAuth2Authorization): a grant to one client,
-- from a sign-in at the hosted pages, a Cognito API sign-in, or client credentials. It is the refresh
-- token family: every token issued from it, through any number of refreshes, points at it, and revoking
-- it (revoked_at) ends them all.
CREATE TABLE oauth2_authorization (
    id                    varchar(100)  PRIMARY KEY,
    pool_id               varchar(55)   NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    client_id             varchar(128)  NOT NULL REFERENCES app_client (client_id) ON DELETE CASCADE,
    principal_name        varchar(200)  NOT NULL,
    -- The user, for user grants; a deleted user takes their authorizations along.
    user_sub              uuid          REFERENCES user_account (sub) ON DELETE CASCADE,
    username              varchar(128),
    auth_time             timestamptz,
    amr                   text,
    grant_type            varchar(100)  NOT NULL,
    authorized_scopes     text          NOT NULL,
    authorization_request text,
    created_at            timestamptz   NOT NULL,
    revoked_at            timestamptz
);

CREATE INDEX oauth2_authorization_user_idx ON oauth2_authorization (pool_id, user_sub) WHERE user_sub IS NOT NULL;

CREATE INDEX oauth2_authorization_client_idx ON oauth2_authorization (client_id);

-- Every token an authorization issued: codes, access, refresh and ID tokens. Only the SHA-256 of the value
-- is kept; a presented token is found by that hash (primary key), never by scanning. "current" marks the
-- newest token of each type; older ones stay so that a replayed (rotated) refresh token or a reused code is
-- recognized, and so that an older access token can still be introspected until it expires.
CREATE TABLE oauth2_token (
    token_hash       bytea         PRIMARY KEY,
    authorization_id varchar(100)  NOT NULL REFERENCES oauth2_authorization (id) ON DELETE CASCADE,
    token_type       varchar(32)   NOT NULL CHECK (token_type IN ('authorization_code', 'access_token',
                                       'refresh_token', 'id_token')),
    jti              varchar(64),
    issued_at        timestamptz   NOT NULL,
    expires_at       timestamptz,
    scopes           text,
    claims           text,
    is_current       boolean       NOT NULL DEFAULT true,
    invalidated      boolean       NOT NULL DEFAULT false,
    -- For refresh tokens: when a newer refresh token replaced this one. Presenting it afterwards is replay.
    rotated_at       timestamptz
);

CREATE INDEX oauth2_token_authorization_idx ON oauth2_token (authorization_id, token_type) WHERE is_current;

CREATE INDEX oauth2_token_jti_idx ON oauth2_token (jti) WHERE jti IS NOT NULL;

CREATE INDEX oauth2_token_expiry_idx ON oauth2_token (expires_at);
