-- The user_pool schema is created by Flyway (spring.flyway.schemas). Later migrations add the model.
COMMENT ON SCHEMA user_pool IS 'Gatehouse user-pool-service: pools, clients, users, tokens, audit';
