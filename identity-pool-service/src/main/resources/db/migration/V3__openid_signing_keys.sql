-- RS256 keys that sign the identity pool's own OpenID tokens (GetOpenIdToken). The private key is
-- encrypted under the master key; the public JWK is published at /.well-known/jwks.json. A new key is
-- created ahead of use so relying parties can fetch it before the first token it signs; a superseded key
-- stays published until every token it signed has expired.
CREATE TABLE openid_signing_key (
	kid                    VARCHAR(64)  PRIMARY KEY,
	private_key_encrypted  TEXT         NOT NULL,
	public_jwk             TEXT         NOT NULL,
	created_at             TIMESTAMPTZ  NOT NULL
);
