-- The identity_pool schema is created by Flyway (spring.flyway.schemas). Later migrations add the model.
COMMENT ON SCHEMA identity_pool IS 'Gatehouse identity-pool-service: identity pools, identities, roles';
