package io.gatehouse.userpool.cognito;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListGroupsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersInGroupResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

import io.gatehouse.userpool.group.GroupMembership;
import io.gatehouse.userpool.group.UserGroups;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Groups and memberships through the AWS SDK, and the {@link UserGroups} view the tokens are built from. */
@CognitoApiTest
class GroupAdminApiTest {

	private static final String ADMIN_ROLE = "arn:aws:iam::000000000000:role/admins";

	private static final String READER_ROLE = "arn:aws:iam::000000000000:role/readers";

	@LocalServerPort
	private int port;

	@Autowired
	private UserGroups userGroups;

	private CognitoIdentityProviderClient admin;

	private String poolId;

	@BeforeEach
	void createPool() {
		this.admin = TestAdmin.sdk(this.port);
		this.poolId = this.admin.createUserPool(TestUserPools.any().build()).userPool().id();
	}

	@AfterEach
	void close() {
		this.admin.close();
	}

	@Test
	void createGroupThenGetGroupReturnsItAndUpdateChangesOnlyTheGivenMembers() {
		GroupType created = this.admin.createGroup((r) -> r.userPoolId(this.poolId)
			.groupName("admins")
			.description("Administrators")
			.roleArn(ADMIN_ROLE)
			.precedence(1)).group();

		assertThat(created.groupName()).isEqualTo("admins");
		assertThat(created.userPoolId()).isEqualTo(this.poolId);
		assertThat(created.roleArn()).isEqualTo(ADMIN_ROLE);
		assertThat(created.precedence()).isEqualTo(1);
		assertThat(created.creationDate()).isNotNull();
		assertThat(this.admin.getGroup((r) -> r.userPoolId(this.poolId).groupName("admins")).group())
			.isEqualTo(created);

		GroupType updated = this.admin.updateGroup((r) -> r.userPoolId(this.poolId).groupName("admins").precedence(5))
			.group();

		assertThat(updated.precedence()).isEqualTo(5);
		assertThat(updated.description()).isEqualTo("Administrators");
		assertThat(updated.roleArn()).isEqualTo(ADMIN_ROLE);
	}

	@Test
	void createGroupWhenNameTakenThenGroupExists() {
		this.admin.createGroup((r) -> r.userPoolId(this.poolId).groupName("ops"));

		assertThatExceptionOfType(GroupExistsException.class)
			.isThrownBy(() -> this.admin.createGroup((r) -> r.userPoolId(this.poolId).groupName("ops")));
	}

	@Test
	void getGroupWhenMissingOrDeletedThenResourceNotFound() {
		this.admin.createGroup((r) -> r.userPoolId(this.poolId).groupName("temp"));
		this.admin.deleteGroup((r) -> r.userPoolId(this.poolId).groupName("temp"));

		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> this.admin.getGroup((r) -> r.userPoolId(this.poolId).groupName("temp")));
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> this.admin.deleteGroup((r) -> r.userPoolId(this.poolId).groupName("temp")));
	}

	@Test
	void listGroupsThenEveryGroupOnceAcrossPages() {
		for (int i = 0; i < 7; i++) {
			String name = "g" + i;
			this.admin.createGroup((r) -> r.userPoolId(this.poolId).groupName(name));
		}
		List<String> names = new ArrayList<>();
		String token = null;
		int pages = 0;
		do {
			String next = token;
			ListGroupsResponse page = this.admin.listGroups((r) -> r.userPoolId(this.poolId).limit(3).nextToken(next));
			page.groups().forEach((group) -> names.add(group.groupName()));
			token = page.nextToken();
			pages++;
		}
		while (token != null);

		assertThat(names).containsExactly("g0", "g1", "g2", "g3", "g4", "g5", "g6");
		assertThat(pages).isEqualTo(3);
	}

	@Test
	void adminAddUserToGroupThenMembershipListedBothWaysAndInTokenOrder() {
		this.admin.createGroup((r) -> r.userPoolId(this.poolId).groupName("readers").roleArn(READER_ROLE).precedence(10));
		this.admin.createGroup((r) -> r.userPoolId(this.poolId).groupName("admins").roleArn(ADMIN_ROLE).precedence(1));
		this.admin.createGroup((r) -> r.userPoolId(this.poolId).groupName("unranked"));
		UserType user = createUser("gina");
		for (String group : List.of("readers", "admins", "unranked")) {
			this.admin.adminAddUserToGroup((r) -> r.userPoolId(this.poolId).username("gina").groupName(group));
		}
		// Adding twice is not an error.
		this.admin.adminAddUserToGroup((r) -> r.userPoolId(this.poolId).username("gina").groupName("admins"));

		assertThat(this.admin.adminListGroupsForUser((r) -> r.userPoolId(this.poolId).username("gina"))
			.groups()
			.stream()
			.map(GroupType::groupName)).containsExactly("admins", "readers", "unranked");
		ListUsersInGroupResponse members = this.admin
			.listUsersInGroup((r) -> r.userPoolId(this.poolId).groupName("admins"));
		assertThat(members.users()).singleElement().satisfies((member) -> {
			assertThat(member.username()).isEqualTo("gina");
			assertThat(member.attributes()).anySatisfy((a) -> assertThat(a.name()).isEqualTo("sub"));
		});
		String sub = user.attributes().stream().filter((a) -> a.name().equals("sub")).findFirst().orElseThrow().value();
		assertThat(this.userGroups.groupsOf(this.poolId, java.util.UUID.fromString(sub))).containsExactly(
				new GroupMembership("admins", 1, ADMIN_ROLE), new GroupMembership("readers", 10, READER_ROLE),
				new GroupMembership("unranked", null, null));

		this.admin.adminRemoveUserFromGroup((r) -> r.userPoolId(this.poolId).username("gina").groupName("admins"));

		assertThat(this.admin.listUsersInGroup((r) -> r.userPoolId(this.poolId).groupName("admins")).users()).isEmpty();
		assertThat(this.userGroups.groupsOf(this.poolId, java.util.UUID.fromString(sub)))
			.extracting(GroupMembership::groupName)
			.containsExactly("readers", "unranked");
	}

	@Test
	void listUsersInGroupThenEveryMemberOnceAcrossPages() {
		this.admin.createGroup((r) -> r.userPoolId(this.poolId).groupName("many"));
		for (int i = 0; i < 5; i++) {
			String name = "member" + i;
			createUser(name);
			this.admin.adminAddUserToGroup((r) -> r.userPoolId(this.poolId).username(name).groupName("many"));
		}
		List<String> names = new ArrayList<>();
		String token = null;
		do {
			String next = token;
			ListUsersInGroupResponse page = this.admin
				.listUsersInGroup((r) -> r.userPoolId(this.poolId).groupName("many").limit(2).nextToken(next));
			page.users().forEach((member) -> names.add(member.username()));
			token = page.nextToken();
		}
		while (token != null);

		assertThat(names).containsExactlyInAnyOrder("member0", "member1", "member2", "member3", "member4");
	}

	@Test
	void adminAddUserToGroupWhenUserOrGroupUnknownThenUserNotFoundOrResourceNotFound() {
		this.admin.createGroup((r) -> r.userPoolId(this.poolId).groupName("team"));
		createUser("hal");

		assertThatExceptionOfType(UserNotFoundException.class).isThrownBy(() -> this.admin
			.adminAddUserToGroup((r) -> r.userPoolId(this.poolId).username("nobody").groupName("team")));
		assertThatExceptionOfType(ResourceNotFoundException.class).isThrownBy(() -> this.admin
			.adminAddUserToGroup((r) -> r.userPoolId(this.poolId).username("hal").groupName("nope")));
	}

	@Test
	void deleteUserPoolThenItsGroupsAreGone() {
		this.admin.createGroup((r) -> r.userPoolId(this.poolId).groupName("doomed"));
		this.admin.deleteUserPool((r) -> r.userPoolId(this.poolId));

		CognitoIdentityProviderException ex = org.assertj.core.api.Assertions.catchThrowableOfType(
				CognitoIdentityProviderException.class,
				() -> this.admin.getGroup((r) -> r.userPoolId(this.poolId).groupName("doomed")));
		assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
	}

	private UserType createUser(String username) {
		return this.admin.adminCreateUser((r) -> r.userPoolId(this.poolId)
			.username(username)
			.messageAction(MessageActionType.SUPPRESS)).user();
	}

}
