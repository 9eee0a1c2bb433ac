package io.gatehouse.userpool.pool;

/** Published when a user pool was deleted (with its clients and users), for caches that hold its parts. */
public record UserPoolDeleted(String userPoolId) {
}
