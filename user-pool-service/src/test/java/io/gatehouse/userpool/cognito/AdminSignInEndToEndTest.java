package io.gatehouse.userpool.cognito;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminRespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

import io.gatehouse.userpool.hostedui.Browser;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.gatehouse.userpool.cognito.TestUserApi.NEW_PASSWORD;
import static io.gatehouse.userpool.cognito.TestUserApi.claims;
import static io.gatehouse.userpool.cognito.TestUserApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Issue 6 end to end through the AWS SDK: an administrator creates a user and puts them in groups; the user
 * signs in with the temporary password (AdminInitiateAuth), answers NEW_PASSWORD_REQUIRED, and gets tokens whose
 * group and role claims are the administrator's groups. Disabled, the same user is refused at every door.
 */
@CognitoApiTest
class AdminSignInEndToEndTest {

	private static final String TEMPORARY = "Temporary-Kestrel-93";

	private static final String ADMIN_ROLE = "arn:aws:iam::000000000000:role/admins";

	private static final String READER_ROLE = "arn:aws:iam::000000000000:role/readers";

	@LocalServerPort
	private int port;

	private CognitoIdentityProviderClient admin;

	private String poolId;

	private String clientId;

	@BeforeEach
	void poolClientAndGroups() {
		this.admin = TestAdmin.sdk(this.port);
		this.poolId = this.admin.createUserPool(TestUserPools.any().build()).userPool().id();
		this.clientId = this.admin.createUserPoolClient(TestAppClients.publicClient(this.poolId)
			.build()
			.toBuilder()
			.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
					ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
			.build()).userPoolClient().clientId();
		this.admin.createGroup((r) -> r.userPoolId(this.poolId).groupName("admins").roleArn(ADMIN_ROLE).precedence(1));
		this.admin.createGroup((r) -> r.userPoolId(this.poolId).groupName("readers").roleArn(READER_ROLE).precedence(5));
		this.admin.createGroup((r) -> r.userPoolId(this.poolId).groupName("others").precedence(0));
	}

	@AfterEach
	void close() {
		this.admin.close();
	}

	@Test
	void adminCreatedUserSetsNewPasswordAndGetsTokensWithTheAdminsGroupsAndRoles() {
		String username = unique("eva");
		this.admin.adminCreateUser((r) -> r.userPoolId(this.poolId)
			.username(username)
			.temporaryPassword(TEMPORARY)
			.messageAction(MessageActionType.SUPPRESS));
		this.admin.adminAddUserToGroup((r) -> r.userPoolId(this.poolId).username(username).groupName("admins"));
		this.admin.adminAddUserToGroup((r) -> r.userPoolId(this.poolId).username(username).groupName("readers"));

		AdminInitiateAuthResponse started = this.admin.adminInitiateAuth((r) -> r.userPoolId(this.poolId)
			.clientId(this.clientId)
			.authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
			.authParameters(Map.of("USERNAME", username, "PASSWORD", TEMPORARY)));
		assertThat(started.challengeName()).isEqualTo(ChallengeNameType.NEW_PASSWORD_REQUIRED);
		assertThat(started.session()).isNotBlank();
		assertThat(started.challengeParameters()).containsEntry("USER_ID_FOR_SRP", username);
		assertThat(started.authenticationResult()).isNull();

		// A password the policy refuses can be corrected with the same session.
		assertThatExceptionOfType(InvalidPasswordException.class).isThrownBy(() -> this.admin
			.adminRespondToAuthChallenge((r) -> r.userPoolId(this.poolId)
				.clientId(this.clientId)
				.challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
				.session(started.session())
				.challengeResponses(Map.of("USERNAME", username, "NEW_PASSWORD", "short"))));
		AdminRespondToAuthChallengeResponse answered = this.admin.adminRespondToAuthChallenge((r) -> r
			.userPoolId(this.poolId)
			.clientId(this.clientId)
			.challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
			.session(started.session())
			.challengeResponses(Map.of("USERNAME", username, "NEW_PASSWORD", NEW_PASSWORD)));
		AuthenticationResultType tokens = answered.authenticationResult();
		assertThat(tokens.accessToken()).isNotBlank();
		assertThat(tokens.refreshToken()).isNotBlank();
		// The session was spent.
		assertThatExceptionOfType(NotAuthorizedException.class).isThrownBy(() -> this.admin
			.adminRespondToAuthChallenge((r) -> r.userPoolId(this.poolId)
				.clientId(this.clientId)
				.challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
				.session(started.session())
				.challengeResponses(Map.of("USERNAME", username, "NEW_PASSWORD", NEW_PASSWORD))));

		JsonNode id = claims(tokens.idToken());
		assertThat(strings(id.path("cognito:groups"))).containsExactlyInAnyOrder("admins", "readers");
		assertThat(strings(id.path("cognito:roles"))).containsExactlyInAnyOrder(ADMIN_ROLE, READER_ROLE);
		assertThat(id.path("cognito:preferred_role").asString()).isEqualTo(ADMIN_ROLE);
		assertThat(id.path("cognito:username").asString()).isEqualTo(username);
		assertThat(id.path("aud").asString()).isEqualTo(this.clientId);
		JsonNode access = claims(tokens.accessToken());
		assertThat(strings(access.path("cognito:groups"))).containsExactlyInAnyOrder("admins", "readers");
		assertThat(access.path("client_id").asString()).isEqualTo(this.clientId);
		assertThat(this.admin.adminGetUser((r) -> r.userPoolId(this.poolId).username(username)).userStatusAsString())
			.isEqualTo("CONFIRMED");

		AuthenticationResultType refreshed = this.admin.adminInitiateAuth((r) -> r.userPoolId(this.poolId)
			.clientId(this.clientId)
			.authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
			.authParameters(Map.of("REFRESH_TOKEN", tokens.refreshToken()))).authenticationResult();
		assertThat(strings(claims(refreshed.idToken()).path("cognito:groups"))).containsExactlyInAnyOrder("admins",
				"readers");
	}

	@Test
	void newPasswordRequiredThroughTheClientDoorToo() {
		String username = unique("finn");
		this.admin.adminCreateUser((r) -> r.userPoolId(this.poolId)
			.username(username)
			.temporaryPassword(TEMPORARY)
			.messageAction(MessageActionType.SUPPRESS));
		try (CognitoIdentityProviderClient app = TestUserApi.anonymous(this.port)) {
			InitiateAuthResponse started = app.initiateAuth((r) -> r.clientId(this.clientId)
				.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
				.authParameters(Map.of("USERNAME", username, "PASSWORD", TEMPORARY)));
			assertThat(started.challengeName()).isEqualTo(ChallengeNameType.NEW_PASSWORD_REQUIRED);
			// Another client cannot continue the flow; the session presented there is spent (single-use).
			String other = this.admin.createUserPoolClient(TestAppClients.publicClient(this.poolId).build())
				.userPoolClient()
				.clientId();
			assertThatExceptionOfType(NotAuthorizedException.class).isThrownBy(() -> app.respondToAuthChallenge((r) -> r
				.clientId(other)
				.challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
				.session(started.session())
				.challengeResponses(Map.of("USERNAME", username, "NEW_PASSWORD", NEW_PASSWORD))));
			InitiateAuthResponse again = app.initiateAuth((r) -> r.clientId(this.clientId)
				.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
				.authParameters(Map.of("USERNAME", username, "PASSWORD", TEMPORARY)));
			AuthenticationResultType tokens = app.respondToAuthChallenge((r) -> r.clientId(this.clientId)
				.challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
				.session(again.session())
				.challengeResponses(Map.of("USERNAME", username, "NEW_PASSWORD", NEW_PASSWORD))).authenticationResult();
			assertThat(app.getUser((r) -> r.accessToken(tokens.accessToken())).username()).isEqualTo(username);
		}
	}

	@Test
	void disabledUserIsRefusedAtTheHostedUiAtInitiateAuthAndAtRefresh() {
		String username = unique("gus");
		this.admin.adminCreateUser((r) -> r.userPoolId(this.poolId).username(username).messageAction(MessageActionType.SUPPRESS));
		this.admin.adminSetUserPassword((r) -> r.userPoolId(this.poolId).username(username).password(NEW_PASSWORD).permanent(true));
		try (CognitoIdentityProviderClient app = TestUserApi.anonymous(this.port);
				Browser browser = new Browser("http://localhost:" + this.port)) {
			AuthenticationResultType tokens = app.initiateAuth((r) -> r.clientId(this.clientId)
				.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
				.authParameters(Map.of("USERNAME", username, "PASSWORD", NEW_PASSWORD))).authenticationResult();

			this.admin.adminDisableUser((r) -> r.userPoolId(this.poolId).username(username));

			HtmlPage login = browser.open("/" + this.poolId + "/login");
			Browser.fill(login, "Username", username);
			Browser.fill(login, "Password", NEW_PASSWORD);
			HtmlPage refused = Browser.submit(login);
			assertThat(refused.getUrl().getPath()).isEqualTo("/" + this.poolId + "/login");
			DomElement alert = refused.querySelector("[role=alert]");
			assertThat((Object) alert).isNotNull();
			assertThat(alert.asNormalizedText()).containsIgnoringCase("disabled");

			assertThatExceptionOfType(NotAuthorizedException.class).isThrownBy(() -> app.initiateAuth((r) -> r
				.clientId(this.clientId)
				.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
				.authParameters(Map.of("USERNAME", username, "PASSWORD", NEW_PASSWORD))))
				.withMessageContaining("User is disabled.");
			assertThatExceptionOfType(NotAuthorizedException.class).isThrownBy(() -> this.admin.adminInitiateAuth((r) -> r
				.userPoolId(this.poolId)
				.clientId(this.clientId)
				.authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
				.authParameters(Map.of("USERNAME", username, "PASSWORD", NEW_PASSWORD))));
			assertThatExceptionOfType(NotAuthorizedException.class).isThrownBy(() -> app.initiateAuth((r) -> r
				.clientId(this.clientId)
				.authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
				.authParameters(Map.of("REFRESH_TOKEN", tokens.refreshToken()))));
			assertThatExceptionOfType(NotAuthorizedException.class)
				.isThrownBy(() -> app.getUser((r) -> r.accessToken(tokens.accessToken())));
			// Every attempt is in the user's auth events, with the client and the address it came from.
			assertThat(this.admin.adminListUserAuthEvents((r) -> r.userPoolId(this.poolId).username(username))
				.authEvents()).anySatisfy((event) -> {
					assertThat(event.eventResponseAsString()).isEqualTo("Fail");
					assertThat(event.eventContextData().ipAddress()).isNotBlank();
				}).anySatisfy((event) -> assertThat(event.eventResponseAsString()).isEqualTo("Pass"));
		}
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new java.util.ArrayList<>();
		array.forEach((item) -> values.add(item.asString()));
		return values;
	}

}
