package io.gatehouse.userpool.pool;

import java.time.Instant;
import java.util.List;

import io.gatehouse.userpool.pool.UserPoolSettings.SchemaAttributeType;

/**
 * A user pool as DescribeUserPool shows it: the stored settings and schema plus the computed members.
 *
 * @param estimatedNumberOfUsers the pool's user accounts, counted when the pool is read
 */
public record UserPool(String id, String name, String arn, UserPoolSettings settings,
		List<SchemaAttributeType> schemaAttributes, Instant creationDate, Instant lastModifiedDate,
		int estimatedNumberOfUsers) {
}
