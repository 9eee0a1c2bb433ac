package io.gatehouse.userpool.cognito;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

import io.gatehouse.userpool.config.GatehouseProperties;
import io.gatehouse.userpool.signing.SigningKeys;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.gatehouse.userpool.cognito.TestUserApi.PASSWORD;
import static io.gatehouse.userpool.cognito.TestUserApi.claims;
import static io.gatehouse.userpool.cognito.TestUserApi.secretHash;
import static io.gatehouse.userpool.cognito.TestUserApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Who the user API refuses: a confidential client's callers without its SecretHash, tokens of another pool or
 * forged ones, tokens of disabled and deleted users.
 */
@CognitoApiTest
class UserApiRefusalTest {

	@LocalServerPort
	private int port;

	@Autowired
	private SigningKeys signingKeys;

	@Autowired
	private GatehouseProperties gatehouse;

	private CognitoIdentityProviderClient admin;

	private CognitoIdentityProviderClient app;

	@BeforeEach
	void clients() {
		this.admin = TestAdmin.sdk(this.port);
		this.app = TestUserApi.anonymous(this.port);
	}

	@AfterEach
	void close() {
		this.admin.close();
		this.app.close();
	}

	@Test
	void clientWithSecretRefusesCallsWithoutTheRightSecretHash() {
		String poolId = pool();
		UserPoolClientType client = this.admin.createUserPoolClient(TestAppClients.confidential(poolId)
			.build()
			.toBuilder()
			.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
			.build()).userPoolClient();
		String username = unique("sec");
		String good = secretHash(client.clientSecret(), username, client.clientId());
		String wrong = secretHash("another-secret", username, client.clientId());

		assertThatExceptionOfType(NotAuthorizedException.class).isThrownBy(() -> this.app
			.signUp((r) -> r.clientId(client.clientId()).username(username).password(PASSWORD)));
		assertThatExceptionOfType(NotAuthorizedException.class).isThrownBy(() -> this.app
			.signUp((r) -> r.clientId(client.clientId()).username(username).password(PASSWORD).secretHash(wrong)));
		assertThatExceptionOfType(NotAuthorizedException.class).isThrownBy(() -> this.app.signUp((r) -> r
			.clientId(client.clientId())
			.username(username)
			.password(PASSWORD)
			.secretHash(secretHash(client.clientSecret(), "someone-else", client.clientId()))));
		this.app.signUp((r) -> r.clientId(client.clientId()).username(username).password(PASSWORD).secretHash(good));
		this.admin.adminConfirmSignUp((r) -> r.userPoolId(poolId).username(username));

		assertThatExceptionOfType(NotAuthorizedException.class).isThrownBy(() -> this.app.initiateAuth((r) -> r
			.clientId(client.clientId())
			.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
			.authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD))));
		assertThatExceptionOfType(NotAuthorizedException.class).isThrownBy(() -> this.app.initiateAuth((r) -> r
			.clientId(client.clientId())
			.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
			.authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD, "SECRET_HASH", wrong))));
		assertThatExceptionOfType(NotAuthorizedException.class).isThrownBy(() -> this.app
			.forgotPassword((r) -> r.clientId(client.clientId()).username(username)));
		AuthenticationResultType tokens = this.app.initiateAuth((r) -> r.clientId(client.clientId())
			.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
			.authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD, "SECRET_HASH", good)))
			.authenticationResult();

		assertThatExceptionOfType(NotAuthorizedException.class).isThrownBy(() -> this.app.initiateAuth((r) -> r
			.clientId(client.clientId())
			.authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
			.authParameters(Map.of("REFRESH_TOKEN", tokens.refreshToken()))));
		assertThatExceptionOfType(NotAuthorizedException.class).isThrownBy(() -> this.app.initiateAuth((r) -> r
			.clientId(client.clientId())
			.authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
			.authParameters(Map.of("REFRESH_TOKEN", tokens.refreshToken(), "SECRET_HASH", wrong))));
		assertThatExceptionOfType(NotAuthorizedException.class).isThrownBy(() -> this.app.getTokensFromRefreshToken(
				(r) -> r.clientId(client.clientId()).refreshToken(tokens.refreshToken()).clientSecret("wrong")));
		// The refused attempts spent nothing: the right hash (over the sub, as for email-username pools) still works.
		String sub = claims(tokens.accessToken()).path("sub").asString();
		AuthenticationResultType refreshed = this.app.initiateAuth((r) -> r.clientId(client.clientId())
			.authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
			.authParameters(Map.of("REFRESH_TOKEN", tokens.refreshToken(), "SECRET_HASH",
					secretHash(client.clientSecret(), sub, client.clientId()))))
			.authenticationResult();
		assertThat(refreshed.accessToken()).isNotBlank();
		assertThat(this.app.getTokensFromRefreshToken((r) -> r.clientId(client.clientId())
			.refreshToken(refreshed.refreshToken())
			.clientSecret(client.clientSecret())).authenticationResult().accessToken()).isNotBlank();
	}

	@Test
	void tokenOfPoolAIsRefusedAtPoolB() throws Exception {
		String poolA = pool();
		String poolB = pool();
		String clientA = client(poolA);
		createUser(poolB, "same-name");
		AuthenticationResultType tokensA = signIn(clientA, createUser(poolA, "same-name"));
		assertThat(this.app.getUser((r) -> r.accessToken(tokensA.accessToken())).username()).isEqualTo("same-name");

		// Pool A's key, pool B's issuer: the key is not one of pool B's.
		JWTClaimsSet claimsA = SignedJWT.parse(tokensA.accessToken()).getJWTClaimsSet();
		JWTClaimsSet forB = new JWTClaimsSet.Builder(claimsA)
			.issuer(io.gatehouse.userpool.token.PoolAuthorizationServerContext.issuer(this.gatehouse.publicBaseUrl(), poolB))
			.build();
		RSAKey keyA = this.signingKeys.signingKey(poolA);
		assertRefused(sign(forB, keyA));
		// Pool B's issuer in pool A's signed token: the signature breaks.
		String[] parts = tokensA.accessToken().split("\\.");
		String payloadB = java.util.Base64.getUrlEncoder().withoutPadding()
			.encodeToString(forB.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertRefused(parts[0] + "." + payloadB + "." + parts[2]);
		// alg none, HMAC keyed with the public key, an ID token, an expired token.
		assertRefused(parts[0].replaceFirst(".*", java.util.Base64.getUrlEncoder().withoutPadding()
			.encodeToString("{\"alg\":\"none\"}".getBytes())) + "." + parts[1] + ".");
		SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keyA.getKeyID()).build(), claimsA);
		hmac.sign(new MACSigner(keyA.toPublicJWK().toRSAPublicKey().getEncoded()));
		assertRefused(hmac.serialize());
		assertRefused(tokensA.idToken());
		assertRefused(sign(new JWTClaimsSet.Builder(claimsA).expirationTime(Date.from(Instant.now().minusSeconds(5))).build(),
				keyA));
		// A token without the self-service scope.
		assertRefused(sign(new JWTClaimsSet.Builder(claimsA).claim("scope", "openid email").build(), keyA));
		// A forged token (right key, new jti) is not one the pool issued.
		assertRefused(sign(new JWTClaimsSet.Builder(claimsA).jwtID(UUID.randomUUID().toString()).build(), keyA));
	}

	@Test
	void tokenOfDisabledOrDeletedUserIsRefused() {
		String poolId = pool();
		String clientId = client(poolId);
		AuthenticationResultType disabled = signIn(clientId, createUser(poolId, unique("dis")));
		String deletedName = createUser(poolId, unique("del"));
		AuthenticationResultType deleted = signIn(clientId, deletedName);

		this.admin.adminDisableUser((r) -> r.userPoolId(poolId).username(claims(disabled.accessToken()).path("username").asString()));
		this.admin.adminDeleteUser((r) -> r.userPoolId(poolId).username(deletedName));

		assertRefused(disabled.accessToken());
		assertRefused(deleted.accessToken());
		assertThatExceptionOfType(NotAuthorizedException.class).isThrownBy(() -> this.app
			.globalSignOut((r) -> r.accessToken(disabled.accessToken())));
		assertThatExceptionOfType(NotAuthorizedException.class).isThrownBy(() -> this.app.getTokensFromRefreshToken(
				(r) -> r.clientId(clientId).refreshToken(disabled.refreshToken())));
		assertThatExceptionOfType(NotAuthorizedException.class).isThrownBy(() -> this.app.getTokensFromRefreshToken(
				(r) -> r.clientId(clientId).refreshToken(deleted.refreshToken())));
	}

	@Test
	void userExistenceIsToldOnlyToLegacyClients() {
		String poolId = pool();
		String enabled = client(poolId);
		String legacy = this.admin.createUserPoolClient(TestAppClients.publicClient(poolId)
			.build()
			.toBuilder()
			.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH)
			.preventUserExistenceErrors(PreventUserExistenceErrorTypes.LEGACY)
			.build()).userPoolClient().clientId();
		String known = createUser(poolId, unique("known"));

		assertThatExceptionOfType(UserNotFoundException.class).isThrownBy(() -> signIn(legacy, "nobody-here"));
		assertThatExceptionOfType(NotAuthorizedException.class).isThrownBy(() -> signIn(enabled, "nobody-here"))
			.withMessageContaining("Incorrect username or password.");
		assertThatExceptionOfType(UserNotFoundException.class)
			.isThrownBy(() -> this.app.forgotPassword((r) -> r.clientId(legacy).username("nobody-here")));
		assertThat(this.app.forgotPassword((r) -> r.clientId(enabled).username("nobody-here")).codeDeliveryDetails())
			.isNotNull();
		assertThatExceptionOfType(CodeMismatchException.class).isThrownBy(() -> this.app
			.confirmSignUp((r) -> r.clientId(enabled).username("nobody-here").confirmationCode("123456")));
		assertThatExceptionOfType(NotAuthorizedException.class).isThrownBy(() -> this.app.initiateAuth((r) -> r
			.clientId(enabled)
			.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
			.authParameters(Map.of("USERNAME", known, "PASSWORD", "Wrong-Password-123"))))
			.withMessageContaining("Incorrect username or password.");
	}

	private void assertRefused(String accessToken) {
		assertThatExceptionOfType(NotAuthorizedException.class)
			.isThrownBy(() -> this.app.getUser((r) -> r.accessToken(accessToken)));
	}

	private static String sign(JWTClaimsSet claims, RSAKey key) throws Exception {
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private String pool() {
		return this.admin.createUserPool(TestUserPools.any().build()).userPool().id();
	}

	private String client(String poolId) {
		return this.admin.createUserPoolClient(TestAppClients.publicClient(poolId)
			.build()
			.toBuilder()
			.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
			.build()).userPoolClient().clientId();
	}

	private String createUser(String poolId, String username) {
		this.admin.adminCreateUser((r) -> r.userPoolId(poolId).username(username).messageAction(MessageActionType.SUPPRESS));
		this.admin.adminSetUserPassword((r) -> r.userPoolId(poolId).username(username).password(PASSWORD).permanent(true));
		return username;
	}

	private AuthenticationResultType signIn(String clientId, String username) {
		return this.app.initiateAuth((r) -> r.clientId(clientId)
			.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
			.authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD))).authenticationResult();
	}

}
