package io.gatehouse.userpool.group;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.userpool.pool.InvalidSettingException;
import io.gatehouse.userpool.pool.Page;
import io.gatehouse.userpool.pool.PageToken;
import io.gatehouse.userpool.pool.UserPoolService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Groups and memberships: CreateGroup, GetGroup, UpdateGroup, DeleteGroup, ListGroups, AdminAddUserToGroup,
 * AdminRemoveUserFromGroup, AdminListGroupsForUser, ListUsersInGroup, and the {@link UserGroups} the token
 * pipeline reads for {@code cognito:groups}, {@code cognito:roles} and {@code cognito:preferred_role}.
 * Listings are keyset pages on primary-key or index order, so a page costs the same wherever it starts.
 * Members are users by {@code sub}; callers resolve usernames first.
 */
@Service
public class GroupService implements UserGroups {

	private static final String GROUPS = "groups";

	private static final String USER_GROUPS = "user-groups";

	private static final String MEMBERS = "group-members";

	private static final String COLUMNS = "pool_id, group_name, description, role_arn, precedence, created_at, updated_at";

	private final JdbcClient jdbc;

	private final UserPoolService pools;

	private final Clock clock;

	GroupService(JdbcClient jdbc, UserPoolService pools, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.pools = pools;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * @throws GroupExistsException when the pool has a group of that name
	 * @throws io.gatehouse.userpool.pool.UserPoolNotFoundException when the pool does not exist
	 */
	@Transactional
	public Group create(GroupChange group) {
		this.pools.requireExists(group.userPoolId());
		OffsetDateTime now = now();
		Optional<Group> created = this.jdbc
			.sql("INSERT INTO user_pool.user_group (" + COLUMNS + ") VALUES (:poolId, :name, :description, :roleArn,"
					+ " :precedence, :now, :now) ON CONFLICT DO NOTHING RETURNING " + COLUMNS)
			.param("poolId", group.userPoolId())
			.param("name", group.groupName())
			.param("description", group.description())
			.param("roleArn", group.roleArn())
			.param("precedence", group.precedence())
			.param("now", now)
			.query(GroupService::group)
			.optional();
		return created.orElseThrow(GroupExistsException::new);
	}

	@Transactional(readOnly = true)
	public Group get(String poolId, String groupName) {
		this.pools.requireExists(poolId);
		return find(poolId, groupName).orElseThrow(GroupNotFoundException::new);
	}

	/** Changes the members given; a null member keeps its value. */
	@Transactional
	public Group update(GroupChange change) {
		this.pools.requireExists(change.userPoolId());
		return this.jdbc
			.sql("UPDATE user_pool.user_group SET description = COALESCE(:description, description),"
					+ " role_arn = COALESCE(:roleArn, role_arn), precedence = COALESCE(:precedence, precedence),"
					+ " updated_at = :now WHERE pool_id = :poolId AND group_name = :name RETURNING " + COLUMNS)
			.param("poolId", change.userPoolId())
			.param("name", change.groupName())
			.param("description", change.description())
			.param("roleArn", change.roleArn())
			.param("precedence", change.precedence())
			.param("now", now())
			.query(GroupService::group)
			.optional()
			.orElseThrow(GroupNotFoundException::new);
	}

	/** Deletes a group and its memberships. */
	@Transactional
	public void delete(String poolId, String groupName) {
		this.pools.requireExists(poolId);
		int deleted = this.jdbc.sql("DELETE FROM user_pool.user_group WHERE pool_id = :poolId AND group_name = :name")
			.param("poolId", poolId)
			.param("name", groupName)
			.update();
		if (deleted == 0) {
			throw new GroupNotFoundException();
		}
	}

	/** ListGroups: the pool's groups by name. */
	@Transactional(readOnly = true)
	public Page<Group> list(String poolId, int limit, String nextToken) {
		this.pools.requireExists(poolId);
		Optional<String> after = PageToken.decode(GROUPS, nextToken);
		List<Group> rows = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM user_pool.user_group WHERE pool_id = :poolId"
					+ (after.isPresent() ? " AND group_name > :after" : "") + " ORDER BY group_name LIMIT :limit")
			.param("poolId", poolId)
			.param("after", after.orElse(null))
			.param("limit", limit + 1)
			.query(GroupService::group)
			.list();
		return page(rows, limit, GROUPS, Group::groupName);
	}

	/** AdminAddUserToGroup: adding a member twice is not an error. */
	@Transactional
	public void addUser(String poolId, String groupName, UUID sub) {
		requireGroup(poolId, groupName);
		this.jdbc
			.sql("INSERT INTO user_pool.user_group_member (pool_id, group_name, user_sub, added_at)"
					+ " VALUES (:poolId, :name, :sub, :now) ON CONFLICT DO NOTHING")
			.param("poolId", poolId)
			.param("name", groupName)
			.param("sub", sub)
			.param("now", now())
			.update();
	}

	/** AdminRemoveUserFromGroup: removing a user who is not a member is not an error. */
	@Transactional
	public void removeUser(String poolId, String groupName, UUID sub) {
		requireGroup(poolId, groupName);
		this.jdbc
			.sql("DELETE FROM user_pool.user_group_member WHERE pool_id = :poolId AND group_name = :name"
					+ " AND user_sub = :sub")
			.param("poolId", poolId)
			.param("name", groupName)
			.param("sub", sub)
			.update();
	}

	/** AdminListGroupsForUser: the user's groups by name. */
	@Transactional(readOnly = true)
	public Page<Group> groupsOfUser(String poolId, UUID sub, int limit, String nextToken) {
		Optional<String> after = PageToken.decode(USER_GROUPS, nextToken);
		List<Group> rows = this.jdbc
			.sql("SELECT g.pool_id, g.group_name, g.description, g.role_arn, g.precedence, g.created_at, g.updated_at"
					+ " FROM user_pool.user_group_member m JOIN user_pool.user_group g"
					+ " ON g.pool_id = m.pool_id AND g.group_name = m.group_name"
					+ " WHERE m.user_sub = :sub AND m.pool_id = :poolId"
					+ (after.isPresent() ? " AND m.group_name > :after" : "") + " ORDER BY m.group_name LIMIT :limit")
			.param("poolId", poolId)
			.param("sub", sub)
			.param("after", after.orElse(null))
			.param("limit", limit + 1)
			.query(GroupService::group)
			.list();
		return page(rows, limit, USER_GROUPS, Group::groupName);
	}

	/** ListUsersInGroup: the members' subs in sub order. */
	@Transactional(readOnly = true)
	public Page<UUID> members(String poolId, String groupName, int limit, String nextToken) {
		requireGroup(poolId, groupName);
		Optional<UUID> after = PageToken.decode(MEMBERS, nextToken).map(GroupService::uuid);
		List<UUID> rows = this.jdbc
			.sql("SELECT user_sub FROM user_pool.user_group_member WHERE pool_id = :poolId AND group_name = :name"
					+ (after.isPresent() ? " AND user_sub > :after" : "") + " ORDER BY user_sub LIMIT :limit")
			.param("poolId", poolId)
			.param("name", groupName)
			.param("after", after.orElse(null))
			.param("limit", limit + 1)
			.query(UUID.class)
			.list();
		return page(rows, limit, MEMBERS, UUID::toString);
	}

	// One statement: no transaction of its own (each refresh reads this; a transaction was two more round trips).
	@Override
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public List<GroupMembership> groupsOf(String poolId, UUID sub) {
		return this.jdbc
			.sql("SELECT * FROM " + membershipArrays(":poolId", ":sub"))
			.param("poolId", poolId)
			.param("sub", sub)
			.query((rs, row) -> memberships(rs))
			.single();
	}

	/**
	 * A subquery (to alias, or to join {@code LATERAL}) with one row: the groups of the user that the SQL expressions
	 * {@code poolId} and {@code sub} name, as three arrays in claim order (precedence, unset last, then name), read
	 * by {@link #memberships}. The token store reads a refresh's groups with its token family through it.
	 */
	public static String membershipArrays(String poolId, String sub) {
		String order = " ORDER BY g.precedence ASC NULLS LAST, g.group_name";
		return "(SELECT array_agg(g.group_name" + order + ") AS group_names, array_agg(g.precedence" + order
				+ ") AS group_precedences, array_agg(g.role_arn" + order + ") AS group_roles"
				+ " FROM user_pool.user_group_member m JOIN user_pool.user_group g"
				+ " ON g.pool_id = m.pool_id AND g.group_name = m.group_name"
				+ " WHERE m.pool_id = " + poolId + " AND m.user_sub = " + sub + ") memberships";
	}

	/** The groups in a row with the columns of {@link #membershipArrays}; empty when the user is in none. */
	public static List<GroupMembership> memberships(ResultSet rs) throws SQLException {
		Array names = rs.getArray("group_names");
		if (names == null) {
			return List.of();
		}
		Object[] name = (Object[]) names.getArray();
		Object[] precedence = (Object[]) rs.getArray("group_precedences").getArray();
		Object[] role = (Object[]) rs.getArray("group_roles").getArray();
		List<GroupMembership> groups = new ArrayList<>(name.length);
		for (int i = 0; i < name.length; i++) {
			groups.add(new GroupMembership((String) name[i], (Integer) precedence[i], (String) role[i]));
		}
		return List.copyOf(groups);
	}

	private void requireGroup(String poolId, String groupName) {
		this.pools.requireExists(poolId);
		if (find(poolId, groupName).isEmpty()) {
			throw new GroupNotFoundException();
		}
	}

	private Optional<Group> find(String poolId, String groupName) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM user_pool.user_group WHERE pool_id = :poolId AND group_name = :name")
			.param("poolId", poolId)
			.param("name", groupName)
			.query(GroupService::group)
			.optional();
	}

	private static <T> Page<T> page(List<T> rows, int limit, String listing, java.util.function.Function<T, String> key) {
		if (rows.size() <= limit) {
			return new Page<>(List.copyOf(rows), null);
		}
		List<T> items = List.copyOf(rows.subList(0, limit));
		return new Page<>(items, PageToken.encode(listing, key.apply(items.get(items.size() - 1))));
	}

	private static UUID uuid(String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidSettingException("Invalid NextToken.");
		}
	}

	private static Group group(ResultSet rs, int row) throws SQLException {
		return new Group(rs.getString("pool_id"), rs.getString("group_name"), rs.getString("description"),
				rs.getString("role_arn"), (Integer) rs.getObject("precedence"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

	private OffsetDateTime now() {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		return OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
	}

}
