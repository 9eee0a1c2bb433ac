package io.gatehouse.userpool.group;

/**
 * CreateGroup or UpdateGroup. For an update, a null member leaves the current value as it is.
 */
public record GroupChange(String userPoolId, String groupName, String description, String roleArn,
		Integer precedence) {
}
