package io.gatehouse.userpool.cognito;

import java.util.List;
import java.util.UUID;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.gatehouse.userpool.group.GroupChange;
import io.gatehouse.userpool.group.GroupService;
import io.gatehouse.userpool.pool.Page;
import io.gatehouse.userpool.useradmin.UserAdministration;
import io.gatehouse.userpool.user.UserService;

import org.springframework.stereotype.Component;

/**
 * CreateGroup, GetGroup, UpdateGroup, DeleteGroup, ListGroups, AdminAddUserToGroup, AdminRemoveUserFromGroup,
 * AdminListGroupsForUser, ListUsersInGroup.
 */
@Component
final class GroupOperations implements CognitoOperation.Group {

	/** Cognito's {@code QueryLimitType}: 0 to 60; 0 or absent means the most, 60. */
	static final int MAX_LIMIT = 60;

	private final GroupService groups;

	private final UserAdministration administration;

	private final UserService users;

	private final WireResponses responses;

	GroupOperations(GroupService groups, UserAdministration administration, UserService users,
			WireResponses responses) {
		this.groups = groups;
		this.administration = administration;
		this.users = users;
		this.responses = responses;
	}

	@Override
	public List<CognitoOperation> operations() {
		return List.of(admin("CreateGroup", this::create), admin("GetGroup", this::get),
				admin("UpdateGroup", this::update), admin("DeleteGroup", this::delete), admin("ListGroups", this::list),
				admin("AdminAddUserToGroup", this::addUser), admin("AdminRemoveUserFromGroup", this::removeUser),
				admin("AdminListGroupsForUser", this::groupsForUser), admin("ListUsersInGroup", this::usersInGroup));
	}

	private ObjectNode create(WireRequest request) {
		GroupChange group = change(request);
		return this.responses.wrap("Group", this.responses.group(this.groups.create(group)));
	}

	private ObjectNode get(WireRequest request) {
		String groupName = request.required("GroupName", WireShape.GROUP_NAME);
		String poolId = request.required("UserPoolId", WireShape.POOL_ID);
		request.end();
		return this.responses.wrap("Group", this.responses.group(this.groups.get(poolId, groupName)));
	}

	private ObjectNode update(WireRequest request) {
		GroupChange change = change(request);
		return this.responses.wrap("Group", this.responses.group(this.groups.update(change)));
	}

	private static GroupChange change(WireRequest request) {
		String groupName = request.required("GroupName", WireShape.GROUP_NAME);
		String poolId = request.required("UserPoolId", WireShape.POOL_ID);
		String description = request.string("Description", WireShape.DESCRIPTION);
		String roleArn = request.string("RoleArn", WireShape.ARN);
		Integer precedence = request.integer("Precedence", 0, Integer.MAX_VALUE);
		request.end();
		return new GroupChange(poolId, groupName, description, roleArn, precedence);
	}

	private ObjectNode delete(WireRequest request) {
		String groupName = request.required("GroupName", WireShape.GROUP_NAME);
		String poolId = request.required("UserPoolId", WireShape.POOL_ID);
		request.end();
		this.groups.delete(poolId, groupName);
		return this.responses.empty();
	}

	private ObjectNode list(WireRequest request) {
		String poolId = request.required("UserPoolId", WireShape.POOL_ID);
		int limit = limit(request.integer("Limit", 0, MAX_LIMIT));
		String nextToken = request.string("NextToken", WireShape.PAGINATION_TOKEN);
		request.end();
		return this.responses.groupPage(this.groups.list(poolId, limit, nextToken));
	}

	private ObjectNode addUser(WireRequest request) {
		String poolId = request.required("UserPoolId", WireShape.POOL_ID);
		String username = request.required("Username", WireShape.USERNAME);
		String groupName = request.required("GroupName", WireShape.GROUP_NAME);
		request.end();
		this.groups.get(poolId, groupName);
		this.groups.addUser(poolId, groupName, this.administration.sub(poolId, username));
		return this.responses.empty();
	}

	private ObjectNode removeUser(WireRequest request) {
		String poolId = request.required("UserPoolId", WireShape.POOL_ID);
		String username = request.required("Username", WireShape.USERNAME);
		String groupName = request.required("GroupName", WireShape.GROUP_NAME);
		request.end();
		this.groups.get(poolId, groupName);
		this.groups.removeUser(poolId, groupName, this.administration.sub(poolId, username));
		return this.responses.empty();
	}

	private ObjectNode groupsForUser(WireRequest request) {
		String username = request.required("Username", WireShape.USERNAME);
		String poolId = request.required("UserPoolId", WireShape.POOL_ID);
		int limit = limit(request.integer("Limit", 0, MAX_LIMIT));
		String nextToken = request.string("NextToken", WireShape.PAGINATION_TOKEN);
		request.end();
		UUID sub = this.administration.sub(poolId, username);
		return this.responses.groupPage(this.groups.groupsOfUser(poolId, sub, limit, nextToken));
	}

	private ObjectNode usersInGroup(WireRequest request) {
		String poolId = request.required("UserPoolId", WireShape.POOL_ID);
		String groupName = request.required("GroupName", WireShape.GROUP_NAME);
		int limit = limit(request.integer("Limit", 0, MAX_LIMIT));
		String nextToken = request.string("NextToken", WireShape.PAGINATION_TOKEN);
		request.end();
		Page<UUID> members = this.groups.members(poolId, groupName, limit, nextToken);
		ObjectNode node = this.responses.empty();
		ArrayNode users = node.putArray("Users");
		this.users.findAllBySub(poolId, members.items()).forEach((user) -> users.add(this.responses.user(user, null)));
		if (members.nextToken() != null) {
			node.put("NextToken", members.nextToken());
		}
		return node;
	}

	static int limit(Integer limit) {
		return (limit == null || limit == 0) ? MAX_LIMIT : limit;
	}

	private static CognitoOperation admin(String name, CognitoOperation.Handler handler) {
		return new CognitoOperation(name, CognitoOperation.Authentication.ADMIN_SIGV4, handler);
	}

}
