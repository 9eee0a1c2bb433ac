package io.gatehouse.userpool.cognito;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

import io.gatehouse.userpool.Concurrently;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.gatehouse.userpool.cognito.TestUserApi.NEW_PASSWORD;
import static io.gatehouse.userpool.cognito.TestUserApi.PASSWORD;
import static io.gatehouse.userpool.cognito.TestUserApi.attribute;
import static io.gatehouse.userpool.cognito.TestUserApi.attributes;
import static io.gatehouse.userpool.cognito.TestUserApi.claims;
import static io.gatehouse.userpool.cognito.TestUserApi.latestCode;
import static io.gatehouse.userpool.cognito.TestUserApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The app-facing Cognito API through the AWS SDK for Java v2, unchanged but for {@code endpointOverride}: the
 * whole life of a self-registered user, as a web or mobile app drives it.
 */
@CognitoApiTest
class UserApiTest {

	@LocalServerPort
	private int port;

	private CognitoIdentityProviderClient admin;

	private String poolId;

	private String clientId;

	@BeforeEach
	void createPoolAndClient() {
		this.admin = TestAdmin.sdk(this.port);
		this.poolId = this.admin.createUserPool(TestUserPools.any()
			.build()
			.toBuilder()
			.autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
			.userAttributeUpdateSettings((settings) -> settings
				.attributesRequireVerificationBeforeUpdateWithStrings("email"))
			.build()).userPool().id();
		this.clientId = this.admin.createUserPoolClient(TestAppClients.publicClient(this.poolId)
			.build()
			.toBuilder()
			.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
					ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
			.build()).userPoolClient().clientId();
	}

	@AfterEach
	void close() {
		this.admin.close();
	}

	@Test
	void signUpConfirmSignInSelfServiceRefreshThenGlobalSignOutEndsEverythingAtOnce() {
		try (CognitoIdentityProviderClient app = TestUserApi.anonymous(this.port)) {
			String username = unique("ada");
			String email = username + "@example.com";

			SignUpResponse signedUp = app.signUp((r) -> r.clientId(this.clientId)
				.username(username)
				.password(PASSWORD)
				.userAttributes(attribute("email", email))
				.validationData(attribute("origin", "test"))
				.clientMetadata(Map.of("source", "test")));
			assertThat(signedUp.userConfirmed()).isFalse();
			assertThat(signedUp.userSub()).hasSize(36);
			assertThat(signedUp.codeDeliveryDetails().deliveryMedium()).isEqualTo(DeliveryMediumType.EMAIL);
			assertThat(signedUp.codeDeliveryDetails().attributeName()).isEqualTo("email");
			assertThatExceptionOfType(UserNotConfirmedException.class).isThrownBy(() -> signIn(app, username, PASSWORD));

			app.confirmSignUp((r) -> r.clientId(this.clientId).username(username).confirmationCode(latestCode(email)));
			AuthenticationResultType tokens = signIn(app, username, PASSWORD);
			assertThat(tokens.tokenType()).isEqualTo("Bearer");
			assertThat(tokens.expiresIn()).isPositive();
			assertThat(claims(tokens.accessToken()).path("token_use").asString()).isEqualTo("access");
			assertThat(claims(tokens.accessToken()).path("scope").asString()).contains("aws.cognito.signin.user.admin");
			assertThat(claims(tokens.idToken()).path("sub").asString()).isEqualTo(signedUp.userSub());
			assertThat(claims(tokens.idToken()).path("email").asString()).isEqualTo(email);

			GetUserResponse user = app.getUser((r) -> r.accessToken(tokens.accessToken()));
			assertThat(user.username()).isEqualTo(username);
			assertThat(attributes(user.userAttributes())).containsEntry("email", email)
				.containsEntry("email_verified", "true")
				.containsEntry("sub", signedUp.userSub());

			// The pool verifies a new email before it takes effect: the old one stays until the code is confirmed.
			String newEmail = unique("ada-new") + "@example.com";
			List<CodeDeliveryDetailsType> sent = app.updateUserAttributes((r) -> r.accessToken(tokens.accessToken())
				.userAttributes(attribute("given_name", "Ada"), attribute("email", newEmail))).codeDeliveryDetailsList();
			assertThat(sent).singleElement().satisfies((details) -> assertThat(details.attributeName()).isEqualTo("email"));
			assertThat(attributes(app.getUser((r) -> r.accessToken(tokens.accessToken())).userAttributes()))
				.containsEntry("given_name", "Ada")
				.containsEntry("email", email);
			app.verifyUserAttribute((r) -> r.accessToken(tokens.accessToken())
				.attributeName("email")
				.code(latestCode(newEmail)));
			assertThat(attributes(app.getUser((r) -> r.accessToken(tokens.accessToken())).userAttributes()))
				.containsEntry("email", newEmail)
				.containsEntry("email_verified", "true");

			app.deleteUserAttributes((r) -> r.accessToken(tokens.accessToken()).userAttributeNames("given_name"));
			assertThat(attributes(app.getUser((r) -> r.accessToken(tokens.accessToken())).userAttributes()))
				.doesNotContainKey("given_name");

			app.changePassword((r) -> r.accessToken(tokens.accessToken())
				.previousPassword(PASSWORD)
				.proposedPassword(NEW_PASSWORD));
			assertThatExceptionOfType(NotAuthorizedException.class).isThrownBy(() -> signIn(app, username, PASSWORD));
			assertThat(signIn(app, username, NEW_PASSWORD).accessToken()).isNotBlank();

			AuthenticationResultType refreshed = app.initiateAuth((r) -> r.clientId(this.clientId)
				.authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
				.authParameters(Map.of("REFRESH_TOKEN", tokens.refreshToken()))).authenticationResult();
			assertThat(refreshed.accessToken()).isNotEqualTo(tokens.accessToken());
			assertThat(claims(refreshed.idToken()).path("email").asString()).isEqualTo(newEmail);
			String refreshToken = (refreshed.refreshToken() != null) ? refreshed.refreshToken() : tokens.refreshToken();
			AuthenticationResultType again = app.getTokensFromRefreshToken((r) -> r.clientId(this.clientId)
				.refreshToken(refreshToken)).authenticationResult();
			assertThat(again.accessToken()).isNotBlank();

			app.globalSignOut((r) -> r.accessToken(again.accessToken()));

			String latestRefresh = (again.refreshToken() != null) ? again.refreshToken() : refreshToken;
			assertThatExceptionOfType(NotAuthorizedException.class).isThrownBy(() -> app.initiateAuth((r) -> r
				.clientId(this.clientId)
				.authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
				.authParameters(Map.of("REFRESH_TOKEN", latestRefresh))));
			assertThatExceptionOfType(NotAuthorizedException.class)
				.isThrownBy(() -> app.getUser((r) -> r.accessToken(again.accessToken())));
			assertThatExceptionOfType(NotAuthorizedException.class)
				.isThrownBy(() -> app.getUser((r) -> r.accessToken(tokens.accessToken())));
		}
	}

	@Test
	void authorizationHeaderOfAnSdkWithStrayCredentialsIsIgnored() throws Exception {
		try (CognitoIdentityProviderClient app = TestUserApi.withStrayCredentials(this.port)) {
			String username = unique("bo");
			String email = username + "@example.com";
			app.signUp((r) -> r.clientId(this.clientId).username(username).password(PASSWORD)
				.userAttributes(attribute("email", email)));
			app.confirmSignUp((r) -> r.clientId(this.clientId).username(username).confirmationCode(latestCode(email)));
			AuthenticationResultType tokens = signIn(app, username, PASSWORD);
			assertThat(app.getUser((r) -> r.accessToken(tokens.accessToken())).username()).isEqualTo(username);

			// And a request that carries a (bogus) SigV4 Authorization header for certain.
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/"))
					.header("Content-Type", "application/x-amz-json-1.1")
					.header("X-Amz-Target", "AWSCognitoIdentityProviderService.GetUser")
					.header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAUNKNOWN/20240101/local-1/cognito-idp/"
							+ "aws4_request, SignedHeaders=host, Signature=0000")
					.POST(HttpRequest.BodyPublishers.ofString("{\"AccessToken\":\"" + tokens.accessToken() + "\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("\"Username\":\"" + username + "\"");
		}
	}

	@Test
	void forgotPasswordThenConfirmSetsThePasswordAndRevokesRefreshTokens() {
		try (CognitoIdentityProviderClient app = TestUserApi.anonymous(this.port)) {
			String username = unique("cy");
			String email = username + "@example.com";
			app.signUp((r) -> r.clientId(this.clientId).username(username).password(PASSWORD)
				.userAttributes(attribute("email", email)));
			app.resendConfirmationCode((r) -> r.clientId(this.clientId).username(username));
			app.confirmSignUp((r) -> r.clientId(this.clientId).username(username).confirmationCode(latestCode(email)));
			AuthenticationResultType tokens = signIn(app, username, PASSWORD);

			CodeDeliveryDetailsType delivery = app.forgotPassword((r) -> r.clientId(this.clientId).username(username))
				.codeDeliveryDetails();
			assertThat(delivery.deliveryMedium()).isEqualTo(DeliveryMediumType.EMAIL);
			app.confirmForgotPassword((r) -> r.clientId(this.clientId)
				.username(username)
				.confirmationCode(latestCode(email))
				.password(NEW_PASSWORD));

			assertThat(signIn(app, username, NEW_PASSWORD).accessToken()).isNotBlank();
			assertThatExceptionOfType(NotAuthorizedException.class).isThrownBy(() -> app.getTokensFromRefreshToken(
					(r) -> r.clientId(this.clientId).refreshToken(tokens.refreshToken())));
			assertThatExceptionOfType(NotAuthorizedException.class)
				.isThrownBy(() -> app.getUser((r) -> r.accessToken(tokens.accessToken())));
		}
	}

	@Test
	void revokeTokenEndsTheRefreshTokenAndDeleteUserEndsTheAccount() {
		try (CognitoIdentityProviderClient app = TestUserApi.anonymous(this.port)) {
			String username = unique("dee");
			String email = username + "@example.com";
			app.signUp((r) -> r.clientId(this.clientId).username(username).password(PASSWORD)
				.userAttributes(attribute("email", email)));
			app.confirmSignUp((r) -> r.clientId(this.clientId).username(username).confirmationCode(latestCode(email)));
			AuthenticationResultType first = signIn(app, username, PASSWORD);
			AuthenticationResultType second = signIn(app, username, PASSWORD);

			app.revokeToken((r) -> r.clientId(this.clientId).token(first.refreshToken()));
			assertThatExceptionOfType(NotAuthorizedException.class).isThrownBy(
					() -> app.getTokensFromRefreshToken((r) -> r.clientId(this.clientId).refreshToken(first.refreshToken())));
			assertThatExceptionOfType(NotAuthorizedException.class)
				.isThrownBy(() -> app.getUser((r) -> r.accessToken(first.accessToken())));
			assertThat(app.getUser((r) -> r.accessToken(second.accessToken())).username()).isEqualTo(username);

			app.deleteUser((r) -> r.accessToken(second.accessToken()));
			assertThatExceptionOfType(NotAuthorizedException.class)
				.isThrownBy(() -> app.getUser((r) -> r.accessToken(second.accessToken())));
			assertThatExceptionOfType(NotAuthorizedException.class).isThrownBy(() -> signIn(app, username, PASSWORD));
		}
	}

	@Test
	void initiateAuthWhenFlowNotInExplicitAuthFlowsThenInvalidParameter() {
		String adminOnly = this.admin.createUserPoolClient(TestAppClients.publicClient(this.poolId)
			.build()
			.toBuilder()
			.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH)
			.build()).userPoolClient().clientId();
		try (CognitoIdentityProviderClient app = TestUserApi.anonymous(this.port)) {
			assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> app.initiateAuth((r) -> r
				.clientId(adminOnly)
				.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
				.authParameters(Map.of("USERNAME", "anyone", "PASSWORD", PASSWORD))))
				.withMessageContaining("USER_PASSWORD_AUTH flow not enabled for this client");
			assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> app.initiateAuth((r) -> r
				.clientId(adminOnly)
				.authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
				.authParameters(Map.of("REFRESH_TOKEN", "x"))));
		}
	}

	@Test
	void concurrentSignUpOfOneUsernameCreatesExactlyOneUser() throws Exception {
		String username = unique("twin");
		AtomicInteger counter = new AtomicInteger();
		List<Object> results;
		try (CognitoIdentityProviderClient app = TestUserApi.anonymous(this.port)) {
			results = Concurrently.run(8, () -> app.signUp((r) -> r.clientId(this.clientId)
				.username(username)
				.password(PASSWORD)
				.userAttributes(attribute("email", username + "-" + counter.incrementAndGet() + "@example.com"))));
		}
		assertThat(results).filteredOn(SignUpResponse.class::isInstance).hasSize(1);
		assertThat(results).filteredOn(UsernameExistsException.class::isInstance).hasSize(7);
		assertThat(this.admin.listUsers((r) -> r.userPoolId(this.poolId).filter("username = \"" + username + "\""))
			.users()).hasSize(1);
	}

	@Test
	void concurrentSignUpOfOneEmailInAnEmailUsernamePoolCreatesExactlyOneUser() throws Exception {
		String emailPool = this.admin.createUserPool(TestUserPools.named("email").withEmailSignIn().build())
			.userPool()
			.id();
		String emailClient = this.admin.createUserPoolClient(TestAppClients.publicClient(emailPool).build())
			.userPoolClient()
			.clientId();
		String email = unique("twin") + "@example.com";
		List<Object> results;
		try (CognitoIdentityProviderClient app = TestUserApi.anonymous(this.port)) {
			results = Concurrently.run(8, () -> app.signUp((r) -> r.clientId(emailClient)
				.username(email)
				.password(PASSWORD)
				.userAttributes(attribute("email", email))));
		}
		assertThat(results).filteredOn(SignUpResponse.class::isInstance).hasSize(1);
		assertThat(results).filteredOn(UsernameExistsException.class::isInstance).hasSize(7);
		assertThat(this.admin.listUsers((r) -> r.userPoolId(emailPool).filter("email = \"" + email + "\"")).users())
			.hasSize(1);
	}

	private AuthenticationResultType signIn(CognitoIdentityProviderClient app, String username, String password) {
		return app.initiateAuth((r) -> r.clientId(this.clientId)
			.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
			.authParameters(Map.of("USERNAME", username, "PASSWORD", password))).authenticationResult();
	}

}
