package io.gatehouse.userpool.group;

import java.time.Instant;

/**
 * A group of a user pool, Cognito's {@code GroupType}.
 *
 * @param precedence lower values take priority for {@code cognito:preferred_role}; null when not set
 * @param roleArn the IAM role for members ({@code cognito:roles}); null when not set
 */
public record Group(String userPoolId, String groupName, String description, String roleArn, Integer precedence,
		Instant creationDate, Instant lastModifiedDate) {
}
