-- Audit trail of identity-pool administration: SigV4-signed Cognito Identity management operations and
-- IAM changes, refused ones included. Never holds a secret, a token or a policy document.
CREATE TABLE audit_event (
	id              BIGSERIAL      PRIMARY KEY,
	occurred_at     TIMESTAMPTZ    NOT NULL,
	-- The access key id that signed; when the signature was refused, the one the request claimed.
	actor_key_id    VARCHAR(128),
	actor_verified  BOOLEAN        NOT NULL,
	-- For temporary credentials, the assumed-role ARN (their ASIA key id is not stored anywhere else).
	actor_arn       VARCHAR(2048),
	action          VARCHAR(128)   NOT NULL,
	target          VARCHAR(2048),
	outcome         VARCHAR(128)   NOT NULL,
	source_ip       VARCHAR(64),
	user_agent      VARCHAR(512),
	request_id      VARCHAR(64)    NOT NULL
);

CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at);
