package io.gatehouse.userpool.group;

/**
 * One group of a user, as the token claims need it.
 *
 * @param groupName the group's name ({@code cognito:groups})
 * @param precedence Cognito's {@code Precedence}; null when not set (sorts after every set value)
 * @param roleArn the group's IAM role ARN ({@code cognito:roles}); null when not set
 */
public record GroupMembership(String groupName, Integer precedence, String roleArn) {
}
