-- A family's current tokens are named by the authorization instead of flagged on each token row. The flag
-- (is_current, with a partial index over it) made every refresh rewrite the three superseded token rows as new
-- row versions with new entries in every index of oauth2_token; the pointers change one authorization row,
-- which carries no index over them, so PostgreSQL updates it in place (HOT). A pointer whose token was pruned
-- simply finds nothing.
ALTER TABLE oauth2_authorization
    ADD COLUMN current_code    bytea,
    ADD COLUMN current_access  bytea,
    ADD COLUMN current_refresh bytea,
    ADD COLUMN current_id      bytea;

UPDATE oauth2_authorization a SET
    current_code    = (SELECT t.token_hash FROM oauth2_token t WHERE t.authorization_id = a.id AND t.is_current
                       AND t.token_type = 'authorization_code' ORDER BY t.issued_at DESC LIMIT 1),
    current_access  = (SELECT t.token_hash FROM oauth2_token t WHERE t.authorization_id = a.id AND t.is_current
                       AND t.token_type = 'access_token' ORDER BY t.issued_at DESC LIMIT 1),
    current_refresh = (SELECT t.token_hash FROM oauth2_token t WHERE t.authorization_id = a.id AND t.is_current
                       AND t.token_type = 'refresh_token' ORDER BY t.issued_at DESC LIMIT 1),
    current_id      = (SELECT t.token_hash FROM oauth2_token t WHERE t.authorization_id = a.id AND t.is_current
                       AND t.token_type = 'id_token' ORDER BY t.issued_at DESC LIMIT 1);

DROP INDEX oauth2_token_authorization_idx;
ALTER TABLE oauth2_token DROP COLUMN is_current;

-- Only access tokens are looked up by jti (the self-service operations' "not revoked" check); ID tokens carry
-- a jti too, and no longer add an entry per refresh to an index nothing reads them by.
DROP INDEX oauth2_token_jti_idx;
CREATE INDEX oauth2_token_access_jti_idx ON oauth2_token (jti) WHERE token_type = 'access_token';

-- Both tables are updated in place on every refresh (the presented refresh token's rotated_at, the family's
-- pointers and last_refreshed_with): room on each page keeps those updates on the page (HOT).
ALTER TABLE oauth2_authorization SET (fillfactor = 80);
ALTER TABLE oauth2_token SET (fillfactor = 90);
