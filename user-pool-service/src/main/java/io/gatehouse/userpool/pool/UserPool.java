package io.gatehouse.userpool.pool;

import java.time.Instant;
import java.util.List;

import io.gatehouse.userpool.pool.UserPoolSettings.SchemaAttributeType;

/**
 * A user pool as DescribeUserPool shows it: the stored settings and schema plus the computed members.
 *
 * @param estimatedNumberOfUsers always 0 until user accounts exist in this service
 */
public record UserPool(String id, String name, String arn, UserPoolSettings settings,
		List<SchemaAttributeType> schemaAttributes, Instant creationDate, Instant lastModifiedDate,
		int estimatedNumberOfUsers) {
}
