-- Admin access keys for SigV4-signed admin calls. The secret is needed in clear to recompute a
-- signature, so it is sealed with the master key (AES-GCM), never hashed.
CREATE TABLE admin_access_key (
    access_key_id     varchar(128) PRIMARY KEY,
    secret_ciphertext text         NOT NULL,
    origin            varchar(16)  NOT NULL CHECK (origin IN ('CONFIGURED', 'GENERATED')),
    created_at        timestamptz  NOT NULL
);

-- App client secrets: sealed under the master key so DescribeUserPoolClient can return them as
-- Cognito does, plus an HMAC-SHA256 keyed hash so a token request is verified in microseconds
-- without decrypting anything.
ALTER TABLE app_client
    ADD COLUMN client_secret_ciphertext text,
    ADD COLUMN client_secret_hash       bytea,
    ADD CONSTRAINT app_client_secret_pair CHECK ((client_secret_ciphertext IS NULL) = (client_secret_hash IS NULL));

-- Pages of ListUserPools / ListUserPoolClients are keyset pages ordered by id.
CREATE INDEX app_client_pool_client_idx ON app_client (pool_id, client_id);

-- The key of that keyed hash: one row, generated on first use, sealed under the master key.
CREATE TABLE client_secret_hash_key (
    id             smallint    PRIMARY KEY CHECK (id = 1),
    key_ciphertext text        NOT NULL,
    created_at     timestamptz NOT NULL
);

-- A pool's schema (standard and custom: attributes) is fixed at creation, apart from later
-- AddCustomAttributes; it is kept apart from the settings UpdateUserPool replaces.
ALTER TABLE user_pool ADD COLUMN schema_attributes jsonb NOT NULL DEFAULT '[]'::jsonb;
