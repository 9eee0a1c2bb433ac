#!/bin/sh
# docker-entrypoint-initdb.d hook: creates the per-service roles and schemas (see schemas.sql).
set -eu
: "${USER_POOL_DB_PASSWORD:?set USER_POOL_DB_PASSWORD}"
: "${IDENTITY_POOL_DB_PASSWORD:?set IDENTITY_POOL_DB_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v user_pool_password="$USER_POOL_DB_PASSWORD" \
  -v identity_pool_password="$IDENTITY_POOL_DB_PASSWORD" \
  -f /gatehouse/schemas.sql
