package io.gatehouse.userpool.cognito;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every user, group and search operation with missing members, wrong types, out-of-range values and unknown
 * names: a 400 with the AWS error type in body and header, never a 500 or an internal detail.
 */
@CognitoApiTest
class UserAdminBadInputTest {

	private static final String INVALID = "InvalidParameterException";

	private static final String NOT_FOUND = "ResourceNotFoundException";

	private static final String NO_USER = "UserNotFoundException";

	private static final String MISSING_POOL = "local-1_Missing00";

	@LocalServerPort
	private int port;

	private String poolId;

	@BeforeEach
	void createPoolUserAndGroup() {
		try (CognitoIdentityProviderClient cognito = TestAdmin.sdk(this.port)) {
			this.poolId = cognito.createUserPool(TestUserPools.any().build()).userPool().id();
			cognito.adminCreateUser((r) -> r.userPoolId(this.poolId).username("alice").messageAction(MessageActionType.SUPPRESS));
			cognito.createGroup((r) -> r.userPoolId(this.poolId).groupName("team"));
		}
	}

	static Stream<Arguments> badRequests() {
		String user = "\"UserPoolId\":\"$POOL\",\"Username\":\"alice\"";
		String ghost = "\"UserPoolId\":\"$POOL\",\"Username\":\"ghost\"";
		String missingPool = "\"UserPoolId\":\"" + MISSING_POOL + "\",\"Username\":\"alice\"";
		Stream.Builder<Arguments> cases = Stream.builder();
		for (String operation : new String[] { "AdminGetUser", "AdminDeleteUser", "AdminEnableUser", "AdminDisableUser",
				"AdminResetUserPassword", "AdminConfirmSignUp", "AdminUserGlobalSignOut", "AdminListUserAuthEvents" }) {
			cases.add(arguments(operation, "{}", INVALID));
			cases.add(arguments(operation, "{\"UserPoolId\":\"$POOL\"}", INVALID));
			cases.add(arguments(operation, "{\"UserPoolId\":\"$POOL\",\"Username\":42}", INVALID));
			cases.add(arguments(operation, "{\"UserPoolId\":\"$POOL\",\"Username\":\"has space\"}", INVALID));
			cases.add(arguments(operation, "{\"UserPoolId\":\"$POOL\",\"Username\":\"" + "u".repeat(129) + "\"}", INVALID));
			cases.add(arguments(operation, "{\"UserPoolId\":\"bad pool\",\"Username\":\"alice\"}", INVALID));
			cases.add(arguments(operation, "{" + user + ",\"Extra\":1}", INVALID));
			cases.add(arguments(operation, "{" + missingPool + "}", NOT_FOUND));
			cases.add(arguments(operation, "{" + ghost + "}", NO_USER));
		}
		return Stream.concat(cases.build(), Stream.of(
				// AdminCreateUser
				arguments("AdminCreateUser", "{\"UserPoolId\":\"$POOL\"}", INVALID),
				arguments("AdminCreateUser", "{\"UserPoolId\":\"$POOL\",\"Username\":\"bob\",\"MessageAction\":\"SHOUT\"}", INVALID),
				arguments("AdminCreateUser", "{\"UserPoolId\":\"$POOL\",\"Username\":\"bob\",\"DesiredDeliveryMediums\":[\"PIGEON\"]}", INVALID),
				arguments("AdminCreateUser", "{\"UserPoolId\":\"$POOL\",\"Username\":\"bob\",\"DesiredDeliveryMediums\":\"EMAIL\"}", INVALID),
				arguments("AdminCreateUser", "{\"UserPoolId\":\"$POOL\",\"Username\":\"bob\",\"UserAttributes\":{\"email\":\"x\"}}", INVALID),
				arguments("AdminCreateUser", "{\"UserPoolId\":\"$POOL\",\"Username\":\"bob\",\"UserAttributes\":[{\"Value\":\"x\"}]}", INVALID),
				arguments("AdminCreateUser", "{\"UserPoolId\":\"$POOL\",\"Username\":\"bob\",\"UserAttributes\":[{\"Name\":\"email\",\"Value\":1}]}", INVALID),
				arguments("AdminCreateUser", "{\"UserPoolId\":\"$POOL\",\"Username\":\"bob\",\"UserAttributes\":[{\"Name\":\"email\",\"Value\":\"a@b.c\"},{\"Name\":\"email\",\"Value\":\"d@e.f\"}]}", INVALID),
				arguments("AdminCreateUser", "{\"UserPoolId\":\"$POOL\",\"Username\":\"bob\",\"UserAttributes\":[{\"Name\":\"email\",\"Value\":\"not an email\"}]}", INVALID),
				arguments("AdminCreateUser", "{\"UserPoolId\":\"$POOL\",\"Username\":\"bob\",\"UserAttributes\":[{\"Name\":\"custom:none\",\"Value\":\"x\"}]}", INVALID),
				arguments("AdminCreateUser", "{\"UserPoolId\":\"$POOL\",\"Username\":\"bob\",\"TemporaryPassword\":\"" + "p".repeat(257) + "\"}", INVALID),
				arguments("AdminCreateUser", "{\"UserPoolId\":\"$POOL\",\"Username\":\"bob\",\"TemporaryPassword\":\"weak\"}", "InvalidPasswordException"),
				arguments("AdminCreateUser", "{\"UserPoolId\":\"$POOL\",\"Username\":\"bob\",\"ForceAliasCreation\":\"yes\"}", INVALID),
				arguments("AdminCreateUser", "{\"UserPoolId\":\"$POOL\",\"Username\":\"bob\",\"ClientMetadata\":[1]}", INVALID),
				arguments("AdminCreateUser", "{\"UserPoolId\":\"$POOL\",\"Username\":\"alice\",\"MessageAction\":\"SUPPRESS\"}", "UsernameExistsException"),
				arguments("AdminCreateUser", "{\"UserPoolId\":\"" + MISSING_POOL + "\",\"Username\":\"bob\"}", NOT_FOUND),
				// Attributes and passwords
				arguments("AdminUpdateUserAttributes", "{" + user + "}", INVALID),
				arguments("AdminUpdateUserAttributes", "{" + user + ",\"UserAttributes\":[{\"Name\":\"sub\",\"Value\":\"x\"}]}", INVALID),
				arguments("AdminUpdateUserAttributes", "{" + ghost + ",\"UserAttributes\":[]}", NO_USER),
				arguments("AdminDeleteUserAttributes", "{" + user + "}", INVALID),
				arguments("AdminDeleteUserAttributes", "{" + user + ",\"UserAttributeNames\":[\"sub\"]}", INVALID),
				arguments("AdminDeleteUserAttributes", "{" + user + ",\"UserAttributeNames\":[7]}", INVALID),
				arguments("AdminSetUserPassword", "{" + user + "}", INVALID),
				arguments("AdminSetUserPassword", "{" + user + ",\"Password\":\"short\"}", "InvalidPasswordException"),
				arguments("AdminSetUserPassword", "{" + user + ",\"Password\":\"Kestrel-Lantern-93\",\"Permanent\":\"true\"}", INVALID),
				arguments("AdminSetUserPassword", "{" + ghost + ",\"Password\":\"Kestrel-Lantern-93\"}", NO_USER),
				arguments("AdminResetUserPassword", "{" + user + "}", INVALID),
				arguments("AdminConfirmSignUp", "{" + user + "}", "NotAuthorizedException"),
				arguments("AdminListUserAuthEvents", "{" + user + ",\"MaxResults\":61}", INVALID),
				arguments("AdminListUserAuthEvents", "{" + user + ",\"MaxResults\":-1}", INVALID),
				arguments("AdminListUserAuthEvents", "{" + user + ",\"NextToken\":\"bm9wZQ\"}", INVALID),
				// ListUsers
				arguments("ListUsers", "{}", INVALID),
				arguments("ListUsers", "{\"UserPoolId\":\"" + MISSING_POOL + "\"}", NOT_FOUND),
				arguments("ListUsers", "{\"UserPoolId\":\"$POOL\",\"Limit\":61}", INVALID),
				arguments("ListUsers", "{\"UserPoolId\":\"$POOL\",\"Limit\":\"10\"}", INVALID),
				arguments("ListUsers", "{\"UserPoolId\":\"$POOL\",\"Filter\":\"email = x\"}", INVALID),
				arguments("ListUsers", "{\"UserPoolId\":\"$POOL\",\"Filter\":\"email = \\\"" + "x".repeat(300) + "\\\"\"}", INVALID),
				arguments("ListUsers", "{\"UserPoolId\":\"$POOL\",\"PaginationToken\":\"\"}", INVALID),
				arguments("ListUsers", "{\"UserPoolId\":\"$POOL\",\"PaginationToken\":\"!!!\"}", INVALID),
				arguments("ListUsers", "{\"UserPoolId\":\"$POOL\",\"AttributesToGet\":\"email\"}", INVALID),
				// Groups
				arguments("CreateGroup", "{\"UserPoolId\":\"$POOL\"}", INVALID),
				arguments("CreateGroup", "{\"UserPoolId\":\"$POOL\",\"GroupName\":\"with space\"}", INVALID),
				arguments("CreateGroup", "{\"UserPoolId\":\"$POOL\",\"GroupName\":\"g\",\"Precedence\":-1}", INVALID),
				arguments("CreateGroup", "{\"UserPoolId\":\"$POOL\",\"GroupName\":\"g\",\"Precedence\":\"1\"}", INVALID),
				arguments("CreateGroup", "{\"UserPoolId\":\"$POOL\",\"GroupName\":\"g\",\"RoleArn\":\"not-an-arn-but-long-enough\"}", INVALID),
				arguments("CreateGroup", "{\"UserPoolId\":\"$POOL\",\"GroupName\":\"g\",\"Description\":\"" + "d".repeat(2049) + "\"}", INVALID),
				arguments("CreateGroup", "{\"UserPoolId\":\"$POOL\",\"GroupName\":\"team\"}", "GroupExistsException"),
				arguments("CreateGroup", "{\"UserPoolId\":\"" + MISSING_POOL + "\",\"GroupName\":\"g\"}", NOT_FOUND),
				arguments("GetGroup", "{\"UserPoolId\":\"$POOL\"}", INVALID),
				arguments("GetGroup", "{\"UserPoolId\":\"$POOL\",\"GroupName\":\"nope\"}", NOT_FOUND),
				arguments("UpdateGroup", "{\"UserPoolId\":\"$POOL\",\"GroupName\":\"nope\"}", NOT_FOUND),
				arguments("UpdateGroup", "{\"UserPoolId\":\"$POOL\",\"GroupName\":\"team\",\"Precedence\":1.5}", INVALID),
				arguments("DeleteGroup", "{\"UserPoolId\":\"$POOL\",\"GroupName\":\"nope\"}", NOT_FOUND),
				arguments("ListGroups", "{}", INVALID),
				arguments("ListGroups", "{\"UserPoolId\":\"$POOL\",\"Limit\":100}", INVALID),
				arguments("ListGroups", "{\"UserPoolId\":\"$POOL\",\"NextToken\":\"bm9wZQ\"}", INVALID),
				arguments("ListGroups", "{\"UserPoolId\":\"" + MISSING_POOL + "\"}", NOT_FOUND),
				arguments("AdminAddUserToGroup", "{" + user + "}", INVALID),
				arguments("AdminAddUserToGroup", "{" + user + ",\"GroupName\":\"nope\"}", NOT_FOUND),
				arguments("AdminAddUserToGroup", "{" + ghost + ",\"GroupName\":\"team\"}", NO_USER),
				arguments("AdminRemoveUserFromGroup", "{" + ghost + ",\"GroupName\":\"team\"}", NO_USER),
				arguments("AdminRemoveUserFromGroup", "{" + user + ",\"GroupName\":[\"team\"]}", INVALID),
				arguments("AdminListGroupsForUser", "{" + ghost + "}", NO_USER),
				arguments("AdminListGroupsForUser", "{" + user + ",\"Limit\":0,\"NextToken\":\"@@\"}", INVALID),
				arguments("ListUsersInGroup", "{\"UserPoolId\":\"$POOL\",\"GroupName\":\"nope\"}", NOT_FOUND),
				arguments("ListUsersInGroup", "{\"UserPoolId\":\"$POOL\",\"GroupName\":\"team\",\"NextToken\":\"bm9wZQ\"}", INVALID)));
	}

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@MethodSource("badRequests")
	void operationWhenInputIsBadThenAwsErrorWithoutInternals(String operation, String body, String expectedType) {
		CognitoHttp.Response response = new CognitoHttp(this.port).call(operation, body.replace("$POOL", this.poolId));

		assertThat(response.status()).as(response.raw()).isEqualTo(400);
		assertThat(response.type()).as(response.raw()).isEqualTo(expectedType);
		assertThat(response.errorTypeHeader()).isEqualTo(expectedType);
		assertThat(response.message()).isNotBlank();
		assertThat(response.body().propertyNames()).containsExactlyInAnyOrder("__type", "message");
		assertThat(response.raw()).doesNotContain("java.", "jackson", "springframework", "io.gatehouse", "hibernate",
				"\tat ", "Exception:", "SQL");
	}

}
