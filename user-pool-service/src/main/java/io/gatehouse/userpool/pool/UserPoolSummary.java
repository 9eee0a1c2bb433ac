package io.gatehouse.userpool.pool;

import java.time.Instant;

/** One entry of ListUserPools ({@code UserPoolDescriptionType}). */
public record UserPoolSummary(String id, String name, Instant creationDate, Instant lastModifiedDate) {
}
