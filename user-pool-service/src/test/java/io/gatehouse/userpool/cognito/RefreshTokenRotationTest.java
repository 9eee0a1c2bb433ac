package io.gatehouse.userpool.cognito;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.FeatureType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetTokensFromRefreshTokenResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RefreshTokenRotationType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

import io.gatehouse.userpool.Concurrently;
import io.gatehouse.userpool.ShiftedClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static io.gatehouse.userpool.cognito.TestUserApi.PASSWORD;
import static io.gatehouse.userpool.cognito.TestUserApi.secretHash;
import static io.gatehouse.userpool.cognito.TestUserApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The app client's {@code RefreshTokenRotation}, through the AWS SDK: {@code DISABLED} keeps one refresh token
 * working, {@code ENABLED} rotates it on every use and treats a rotated token as replay, except as a retry
 * within {@code RetryGracePeriodSeconds}. The service runs on a {@link ShiftedClock}, so a test skips over a
 * grace period instead of waiting for it.
 */
@CognitoApiTest
@Import(RefreshTokenRotationTest.Clock.class)
class RefreshTokenRotationTest {

	private static final List<ExplicitAuthFlowsType> FLOWS = List.of(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
			ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH);

	@LocalServerPort
	private int port;

	@Autowired
	private ShiftedClock clock;

	private CognitoIdentityProviderClient admin;

	private CognitoIdentityProviderClient app;

	private String poolId;

	@BeforeEach
	void createPool() {
		this.admin = TestAdmin.sdk(this.port);
		this.app = TestUserApi.anonymous(this.port);
		this.poolId = this.admin.createUserPool(TestUserPools.any().build()).userPool().id();
	}

	@AfterEach
	void close() {
		this.app.close();
		this.admin.close();
	}

	@Test
	void describeUserPoolClientShowsTheRotationInForce() {
		UserPoolClientType unset = client(null);
		assertThat(unset.refreshTokenRotation().feature()).isEqualTo(FeatureType.ENABLED);
		assertThat(unset.refreshTokenRotation().retryGracePeriodSeconds()).isZero();
		assertThat(describe(unset.clientId()).refreshTokenRotation()).isEqualTo(unset.refreshTokenRotation());

		UserPoolClientType enabled = client(rotation(FeatureType.ENABLED, null));
		assertThat(describe(enabled.clientId()).refreshTokenRotation().retryGracePeriodSeconds()).isZero();

		UserPoolClientType disabled = client(rotation(FeatureType.DISABLED, null));
		assertThat(describe(disabled.clientId()).refreshTokenRotation().feature()).isEqualTo(FeatureType.DISABLED);

		UserPoolClientType graced = client(rotation(FeatureType.ENABLED, 30));
		assertThat(describe(graced.clientId()).refreshTokenRotation().retryGracePeriodSeconds()).isEqualTo(30);
	}

	@Test
	void refreshWhenRotationDisabledThenNoNewRefreshTokenAndTheSameOneWorksAgainAndAgain() throws Exception {
		String clientId = client(rotation(FeatureType.DISABLED, null)).clientId();
		AuthenticationResultType signedIn = signIn(clientId, user());
		String refreshToken = signedIn.refreshToken();
		assertThat(refreshToken).isNotBlank();

		AuthenticationResultType viaInitiateAuth = initiateAuthRefresh(clientId, refreshToken);
		assertThat(viaInitiateAuth.refreshToken()).as("no new refresh token").isNull();
		assertThat(viaInitiateAuth.accessToken()).isNotEqualTo(signedIn.accessToken());
		assertThat(viaInitiateAuth.idToken()).isNotBlank();
		Set<String> accessTokens = new HashSet<>(Set.of(signedIn.accessToken(), viaInitiateAuth.accessToken()));
		for (int i = 0; i < 3; i++) {
			AuthenticationResultType refreshed = refresh(clientId, refreshToken);
			assertThat(refreshed.refreshToken()).isNull();
			assertThat(refreshed.idToken()).isNotBlank();
			accessTokens.add(refreshed.accessToken());
		}
		assertThat(accessTokens).as("a new access token each time").hasSize(5);

		List<Object> results = Concurrently.run(8, () -> refresh(clientId, refreshToken));
		assertThat(results).allSatisfy((result) -> assertThat(result).isInstanceOf(AuthenticationResultType.class));
		assertThat(results).allSatisfy((result) -> assertThat(((AuthenticationResultType) result).refreshToken()).isNull());
		assertThat(refresh(clientId, refreshToken).accessToken()).as("still valid after concurrent use").isNotBlank();

		this.app.revokeToken((r) -> r.clientId(clientId).token(refreshToken));
		assertRefused(clientId, refreshToken);
		assertThatExceptionOfType(NotAuthorizedException.class)
			.isThrownBy(() -> initiateAuthRefresh(clientId, refreshToken));
	}

	@Test
	void refreshWhenRotationDisabledThenGlobalSignOutEndsTheRefreshToken() {
		String clientId = client(rotation(FeatureType.DISABLED, null)).clientId();
		AuthenticationResultType signedIn = signIn(clientId, user());
		AuthenticationResultType refreshed = refresh(clientId, signedIn.refreshToken());

		this.app.globalSignOut((r) -> r.accessToken(refreshed.accessToken()));

		assertRefused(clientId, signedIn.refreshToken());
	}

	@Test
	void refreshWhenRotationEnabledWithoutGracePeriodThenRotatesAndReplayRevokesTheFamily() {
		String clientId = client(null).clientId();
		AuthenticationResultType signedIn = signIn(clientId, user());

		AuthenticationResultType first = initiateAuthRefresh(clientId, signedIn.refreshToken());
		assertThat(first.refreshToken()).as("REFRESH_TOKEN_AUTH returns the rotated token")
			.isNotBlank()
			.isNotEqualTo(signedIn.refreshToken());
		AuthenticationResultType second = refresh(clientId, first.refreshToken());
		assertThat(second.refreshToken()).isNotBlank().isNotIn(signedIn.refreshToken(), first.refreshToken());

		assertRefused(clientId, signedIn.refreshToken());
		assertRefused(clientId, second.refreshToken());
	}

	@Test
	void refreshWhenRotationEnabledWithoutGracePeriodAndPresentedConcurrentlyThenExactlyOneSucceeds()
			throws Exception {
		String clientId = client(rotation(FeatureType.ENABLED, 0)).clientId();
		String refreshToken = signIn(clientId, user()).refreshToken();

		List<Object> results = Concurrently.run(8, () -> refresh(clientId, refreshToken));

		assertThat(results).filteredOn(AuthenticationResultType.class::isInstance).hasSize(1);
		assertThat(results).filteredOn(NotAuthorizedException.class::isInstance).hasSize(7);
	}

	@Test
	void refreshWhenRotatedTokenIsRetriedWithinTheGracePeriodThenItSucceedsAndTheFamilySurvives() {
		String clientId = client(rotation(FeatureType.ENABLED, 30)).clientId();
		String original = signIn(clientId, user()).refreshToken();
		String lost = refresh(clientId, original).refreshToken();

		this.clock.advance(Duration.ofSeconds(20));
		AuthenticationResultType retried = refresh(clientId, original);

		assertThat(retried.refreshToken()).isNotBlank().isNotIn(original, lost);
		assertThat(retried.accessToken()).isNotBlank();
		AuthenticationResultType next = refresh(clientId, retried.refreshToken());
		assertThat(next.refreshToken()).isNotBlank();
		assertThat(refresh(clientId, next.refreshToken()).refreshToken()).as("the family is alive").isNotBlank();
	}

	@Test
	void refreshWhenTheLostResponseArrivesAfterAllThenItsSuccessorWorksAndTheRetrysBecomesReplay() {
		String clientId = client(rotation(FeatureType.ENABLED, 30)).clientId();
		String original = signIn(clientId, user()).refreshToken();
		String late = refresh(clientId, original).refreshToken();
		String retried = refresh(clientId, original).refreshToken();

		// The successor of the lost response was superseded by the retry's, but counts as rotated just now.
		String next = refresh(clientId, late).refreshToken();

		assertThat(next).isNotBlank();
		assertThat(refresh(clientId, next).refreshToken()).isNotBlank();
		assertRefused(clientId, retried);
		assertRefused(clientId, next);
	}

	@Test
	void refreshWhenRotatedTokenIsPresentedAfterTheGracePeriodThenTheFamilyIsRevoked() {
		String clientId = client(rotation(FeatureType.ENABLED, 30)).clientId();
		String original = signIn(clientId, user()).refreshToken();
		String successor = refresh(clientId, original).refreshToken();

		this.clock.advance(Duration.ofSeconds(31));

		assertRefused(clientId, original);
		assertRefused(clientId, successor);
	}

	@Test
	void refreshWhenANewerTokenWasUsedThenAnOlderOneIsReplayEvenWithinTheGracePeriod() {
		String clientId = client(rotation(FeatureType.ENABLED, 60)).clientId();
		String original = signIn(clientId, user()).refreshToken();
		String successor = refresh(clientId, original).refreshToken();
		String newest = refresh(clientId, successor).refreshToken();

		assertRefused(clientId, original);
		assertRefused(clientId, newest);
	}

	@Test
	void refreshWithinTheGracePeriodWhenPresentedConcurrentlyThenAllSucceedAndTheFamilySurvives() throws Exception {
		String clientId = client(rotation(FeatureType.ENABLED, 30)).clientId();
		String refreshToken = signIn(clientId, user()).refreshToken();

		List<Object> results = Concurrently.run(8, () -> refresh(clientId, refreshToken));

		assertThat(results).allSatisfy((result) -> assertThat(result).isInstanceOf(AuthenticationResultType.class));
		Set<String> successors = new HashSet<>();
		results.forEach((result) -> successors.add(((AuthenticationResultType) result).refreshToken()));
		assertThat(successors).hasSize(8).doesNotContainNull();
		String kept = successors.iterator().next();
		assertThat(refresh(clientId, kept).refreshToken()).as("the family is alive").isNotBlank();
	}

	@Test
	void refreshOfAConfidentialClientWithinTheGracePeriodWorksWithItsSecretHash() {
		UserPoolClientType client = this.admin.createUserPoolClient(TestAppClients.confidential(this.poolId)
			.build()
			.toBuilder()
			.explicitAuthFlows(FLOWS)
			.refreshTokenRotation(rotation(FeatureType.ENABLED, 30))
			.build()).userPoolClient();
		String username = user();
		String hash = secretHash(client.clientSecret(), username, client.clientId());
		String original = this.app.initiateAuth((r) -> r.clientId(client.clientId())
			.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
			.authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD, "SECRET_HASH", hash)))
			.authenticationResult()
			.refreshToken();
		Map<String, String> parameters = Map.of("REFRESH_TOKEN", original, "SECRET_HASH", hash);

		String first = this.app.initiateAuth((r) -> r.clientId(client.clientId())
			.authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
			.authParameters(parameters)).authenticationResult().refreshToken();
		String retried = this.app.initiateAuth((r) -> r.clientId(client.clientId())
			.authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
			.authParameters(parameters)).authenticationResult().refreshToken();

		assertThat(retried).isNotBlank().isNotIn(original, first);
		assertThat(this.app.getTokensFromRefreshToken((r) -> r.clientId(client.clientId())
			.clientSecret(client.clientSecret())
			.refreshToken(retried)).authenticationResult().refreshToken()).isNotBlank();
	}

	@Test
	void updateUserPoolClientChangesRotationForTheNextRefresh() {
		String clientId = client(null).clientId();
		String rotated = refresh(clientId, signIn(clientId, user()).refreshToken()).refreshToken();

		update(clientId, rotation(FeatureType.DISABLED, null));
		assertThat(refresh(clientId, rotated).refreshToken()).isNull();
		assertThat(refresh(clientId, rotated).refreshToken()).as("reused, not replayed").isNull();

		update(clientId, rotation(FeatureType.ENABLED, 0));
		String newest = refresh(clientId, rotated).refreshToken();
		assertThat(newest).isNotBlank().isNotEqualTo(rotated);
		assertRefused(clientId, rotated);
		assertRefused(clientId, newest);
	}

	private UserPoolClientType client(RefreshTokenRotationType rotation) {
		CreateUserPoolClientRequest.Builder request = TestAppClients.publicClient(this.poolId)
			.build()
			.toBuilder()
			.explicitAuthFlows(FLOWS);
		if (rotation != null) {
			request.refreshTokenRotation(rotation);
		}
		return this.admin.createUserPoolClient(request.build()).userPoolClient();
	}

	private UserPoolClientType describe(String clientId) {
		return this.admin.describeUserPoolClient((r) -> r.userPoolId(this.poolId).clientId(clientId)).userPoolClient();
	}

	private void update(String clientId, RefreshTokenRotationType rotation) {
		this.admin.updateUserPoolClient((r) -> r.userPoolId(this.poolId)
			.clientId(clientId)
			.explicitAuthFlows(FLOWS)
			.refreshTokenRotation(rotation));
	}

	private static RefreshTokenRotationType rotation(FeatureType feature, Integer retryGracePeriodSeconds) {
		return RefreshTokenRotationType.builder().feature(feature).retryGracePeriodSeconds(retryGracePeriodSeconds).build();
	}

	/** A confirmed user with a permanent password. */
	private String user() {
		String username = unique("rita");
		this.admin.adminCreateUser((r) -> r.userPoolId(this.poolId).username(username).messageAction(MessageActionType.SUPPRESS));
		this.admin.adminSetUserPassword((r) -> r.userPoolId(this.poolId).username(username).password(PASSWORD).permanent(true));
		return username;
	}

	private AuthenticationResultType signIn(String clientId, String username) {
		return this.app.initiateAuth((r) -> r.clientId(clientId)
			.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
			.authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD))).authenticationResult();
	}

	private AuthenticationResultType initiateAuthRefresh(String clientId, String refreshToken) {
		return this.app.initiateAuth((r) -> r.clientId(clientId)
			.authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
			.authParameters(Map.of("REFRESH_TOKEN", refreshToken))).authenticationResult();
	}

	private AuthenticationResultType refresh(String clientId, String refreshToken) {
		GetTokensFromRefreshTokenResponse response = this.app
			.getTokensFromRefreshToken((r) -> r.clientId(clientId).refreshToken(refreshToken));
		return response.authenticationResult();
	}

	private void assertRefused(String clientId, String refreshToken) {
		assertThatExceptionOfType(NotAuthorizedException.class).isThrownBy(() -> refresh(clientId, refreshToken));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clock {

		@Bean
		ShiftedClock clock() {
			return new ShiftedClock();
		}

	}

}
