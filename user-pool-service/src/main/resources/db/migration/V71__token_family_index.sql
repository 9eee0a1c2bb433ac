-- Revoking a family (logout, replay, GlobalSignOut, password reset) and deleting an authorization reach all of
-- its tokens, current or not; the partial index on current tokens does not serve them, so without this
-- index each revocation scanned every token of every user.
CREATE INDEX oauth2_token_family_idx ON oauth2_token (authorization_id);
