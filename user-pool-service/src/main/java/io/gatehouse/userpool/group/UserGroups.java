package io.gatehouse.userpool.group;

import java.util.List;
import java.util.UUID;

/**
 * The groups a user belongs to, as tokens show them ({@code cognito:groups}, {@code cognito:roles},
 * {@code cognito:preferred_role}). Implemented by the groups feature; the token pipeline only reads it.
 */
public interface UserGroups {

	/** The user's groups in ascending precedence (lowest value first; ties by name); empty if none. */
	List<GroupMembership> groupsOf(String poolId, UUID sub);

}
