-- Gatehouse database layout, run once by the PostgreSQL superuser when the cluster is created
-- (docker-compose mounts deploy/postgres/ and runs it through 10-gatehouse.sh).
-- Each service logs in as its own role, which owns its own schema and can touch nothing else.
-- psql variables: user_pool_password, identity_pool_password.

CREATE ROLE user_pool_service LOGIN PASSWORD :'user_pool_password';
CREATE ROLE identity_pool_service LOGIN PASSWORD :'identity_pool_password';

REVOKE ALL ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON DATABASE gatehouse FROM PUBLIC;
GRANT CONNECT ON DATABASE gatehouse TO user_pool_service, identity_pool_service;

CREATE SCHEMA user_pool AUTHORIZATION user_pool_service;
CREATE SCHEMA identity_pool AUTHORIZATION identity_pool_service;
