-- IAM subset: roles with their trust policy and inline policies.
CREATE TABLE role (
	name                 VARCHAR(64)   PRIMARY KEY,
	role_id              VARCHAR(32)   NOT NULL UNIQUE,
	path                 VARCHAR(512)  NOT NULL,
	description          VARCHAR(1000),
	assume_role_policy   TEXT          NOT NULL,
	max_session_duration INTEGER       NOT NULL,
	created_at           TIMESTAMPTZ   NOT NULL,
	-- Bumped on every change of the role or its policies so caches can tell stale entries apart.
	version              BIGINT        NOT NULL DEFAULT 0
);

CREATE TABLE role_policy (
	role_name   VARCHAR(64)  NOT NULL REFERENCES role (name) ON DELETE CASCADE,
	policy_name VARCHAR(128) NOT NULL,
	document    TEXT         NOT NULL,
	PRIMARY KEY (role_name, policy_name)
);

-- OpenID Connect providers registered through IAM CreateOpenIDConnectProvider.
CREATE TABLE oidc_provider (
	arn         VARCHAR(2048) PRIMARY KEY,
	url         VARCHAR(255)  NOT NULL UNIQUE,
	client_ids  TEXT[]        NOT NULL,
	thumbprints TEXT[]        NOT NULL,
	created_at  TIMESTAMPTZ   NOT NULL
);

-- Identity pools. The provider lists, roles, role mappings and principal tag maps are small documents
-- always read and written whole, so they are stored as JSON text.
CREATE TABLE identity_pool (
	id                        VARCHAR(55)  PRIMARY KEY,
	name                      VARCHAR(128) NOT NULL,
	allow_unauthenticated     BOOLEAN      NOT NULL,
	allow_classic_flow        BOOLEAN      NOT NULL,
	developer_provider_name   VARCHAR(100),
	providers                 TEXT         NOT NULL,
	roles                     TEXT         NOT NULL,
	principal_tags            TEXT         NOT NULL,
	tags                      TEXT         NOT NULL,
	created_at                TIMESTAMPTZ  NOT NULL
);

CREATE TABLE identity (
	id                 VARCHAR(55)  PRIMARY KEY,
	pool_id            VARCHAR(55)  NOT NULL REFERENCES identity_pool (id) ON DELETE CASCADE,
	created_at         TIMESTAMPTZ  NOT NULL,
	last_modified_at   TIMESTAMPTZ  NOT NULL
);

CREATE INDEX identity_pool_idx ON identity (pool_id, id);

-- A login (provider, subject) belongs to at most one identity of a pool.
CREATE TABLE identity_login (
	pool_id      VARCHAR(55)  NOT NULL,
	provider     VARCHAR(2048) NOT NULL,
	subject      VARCHAR(255) NOT NULL,
	identity_id  VARCHAR(55)  NOT NULL REFERENCES identity (id) ON DELETE CASCADE,
	created_at   TIMESTAMPTZ  NOT NULL,
	PRIMARY KEY (pool_id, provider, subject)
);

CREATE INDEX identity_login_identity_idx ON identity_login (identity_id);

-- Keys that seal session tokens, encrypted under the master key. Rotated; old keys stay until every
-- credential sealed with them has expired.
CREATE TABLE session_key (
	kid            VARCHAR(32)  PRIMARY KEY,
	key_encrypted  TEXT         NOT NULL,
	created_at     TIMESTAMPTZ  NOT NULL
);

-- Bootstrap admin access key generated on first start when none is configured.
CREATE TABLE admin_key (
	access_key_id     VARCHAR(32)  PRIMARY KEY,
	secret_encrypted  TEXT         NOT NULL,
	created_at        TIMESTAMPTZ  NOT NULL
);
