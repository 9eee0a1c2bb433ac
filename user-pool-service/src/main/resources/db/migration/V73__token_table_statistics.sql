-- oauth2_token grows by three rows per refresh and is only ever read by exact keys (its primary key, the
-- family's authorization_id, an access token's jti, an expiry cutoff under a LIMIT), for which coarse statistics
-- plan the same. ANALYZE samples 300 rows per unit of the largest statistics target: 30,000 rows at the default
-- of 100, which under refresh load took 0.5-0.6 s of CPU each time auto-analyze ran, about once a minute, and
-- left a burst of slow refreshes behind. A target of 10 samples 3,000 rows (0.04-0.05 s on the same table).
-- A column added later gets the default again; TokenTableStatisticsTest says so.
ALTER TABLE oauth2_token
    ALTER COLUMN token_hash       SET STATISTICS 10,
    ALTER COLUMN authorization_id SET STATISTICS 10,
    ALTER COLUMN token_type       SET STATISTICS 10,
    ALTER COLUMN jti              SET STATISTICS 10,
    ALTER COLUMN issued_at        SET STATISTICS 10,
    ALTER COLUMN expires_at       SET STATISTICS 10,
    ALTER COLUMN scopes           SET STATISTICS 10,
    ALTER COLUMN claims           SET STATISTICS 10,
    ALTER COLUMN invalidated      SET STATISTICS 10,
    ALTER COLUMN rotated_at       SET STATISTICS 10,
    ALTER COLUMN refreshed_from   SET STATISTICS 10;
