package io.gatehouse.identitypool.pool;

public record PoolView(String id, PoolDefinition definition) {
}
