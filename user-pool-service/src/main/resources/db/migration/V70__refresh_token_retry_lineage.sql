-- Refresh token rotation per app client (RefreshTokenRotation) with a retry grace period: a rotated refresh
-- token presented again within RetryGracePeriodSeconds is a client-side retry, not replay, as long as the
-- client has not yet shown that it holds a newer token. These two columns record the lineage that decides it.

-- For refresh tokens issued by a refresh: the hash of the refresh token that was presented to get this one.
ALTER TABLE oauth2_token ADD COLUMN refreshed_from bytea;

-- The hash of the refresh token most recently used successfully in this family (to obtain a new one).
ALTER TABLE oauth2_authorization ADD COLUMN last_refreshed_with bytea;

-- Clients created before RefreshTokenRotation was honoured always rotated without a grace period: write that
-- down, so that DescribeUserPoolClient shows what is in force.
UPDATE app_client
SET settings = settings || '{"RefreshTokenRotation": {"Feature": "ENABLED", "RetryGracePeriodSeconds": 0}}'::jsonb
WHERE settings -> 'RefreshTokenRotation' IS NULL;

UPDATE app_client
SET settings = jsonb_set(settings, '{RefreshTokenRotation,RetryGracePeriodSeconds}', '0'::jsonb)
WHERE settings #>> '{RefreshTokenRotation,Feature}' = 'ENABLED'
  AND settings #> '{RefreshTokenRotation,RetryGracePeriodSeconds}' IS NULL;
