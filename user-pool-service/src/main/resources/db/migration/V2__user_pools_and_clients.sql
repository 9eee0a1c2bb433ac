-- User pools and their app clients. Most Cognito settings are a nested document (UserPoolType,
-- UserPoolClientType); they are kept as jsonb next to the columns that are queried or constrained.
CREATE TABLE user_pool (
    id                  varchar(55)  PRIMARY KEY,
    name                varchar(128) NOT NULL,
    settings            jsonb        NOT NULL,
    deletion_protection boolean      NOT NULL DEFAULT false,
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL
);

CREATE INDEX user_pool_created_idx ON user_pool (created_at, id);

CREATE TABLE app_client (
    client_id   varchar(128) PRIMARY KEY,
    pool_id     varchar(55)  NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    client_name varchar(128) NOT NULL,
    settings    jsonb        NOT NULL,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL
);

CREATE INDEX app_client_pool_idx ON app_client (pool_id, created_at, client_id);
