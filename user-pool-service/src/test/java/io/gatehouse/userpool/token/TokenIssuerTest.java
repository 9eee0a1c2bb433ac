package io.gatehouse.userpool.token;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.userpool.auth.PoolUserAuthentication;
import io.gatehouse.userpool.oidc.OidcFixtures;
import io.gatehouse.userpool.oidc.OidcTest;
import io.gatehouse.userpool.pool.UserPoolService;
import io.gatehouse.userpool.user.TestUsers;
import io.gatehouse.userpool.user.User;
import io.gatehouse.userpool.user.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The Cognito API doors mint, refresh and end tokens on the same pipeline and records as the OAuth endpoints. */
@OidcTest
class TokenIssuerTest {

	private static final Set<String> COGNITO_SCOPES = Set.of("openid", "email", "phone", "profile",
			"aws.cognito.signin.user.admin");

	@LocalServerPort
	private int port;

	@Autowired
	private TokenIssuer tokens;

	@Autowired
	private UserService users;

	@Autowired
	private UserPoolService pools;

	private CognitoIdentityProviderClient cognito;

	@BeforeEach
	void setUp() {
		this.cognito = CognitoIdentityProviderClient.builder()
			.endpointOverride(URI.create("http://localhost:" + this.port))
			.region(Region.of("local-1"))
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials
				.create(OidcFixtures.ACCESS_KEY_ID, OidcFixtures.SECRET_ACCESS_KEY)))
			.httpClient(UrlConnectionHttpClient.create())
			.build();
	}

	@AfterEach
	void tearDown() {
		this.cognito.close();
	}

	@Test
	void issueThenCognitoShapedTokensFromThePoolsIssuerRecordedForRefreshAndRevocation() throws Exception {
		String pool = pool();
		String client = client(pool);
		User user = user(pool);

		IssuedTokens issued = this.tokens.issue(signedIn(pool, user), client, COGNITO_SCOPES);

		var access = SignedJWT.parse(issued.accessToken()).getJWTClaimsSet();
		var id = SignedJWT.parse(issued.idToken()).getJWTClaimsSet();
		assertThat(access.getIssuer()).isEqualTo("https://id.gatehouse.test/" + pool);
		assertThat(access.getStringClaim("token_use")).isEqualTo("access");
		assertThat(access.getStringClaim("scope").split(" ")).contains("aws.cognito.signin.user.admin");
		assertThat(access.getStringClaim("client_id")).isEqualTo(client);
		assertThat(id.getAudience()).containsExactly(client);
		assertThat(id.getStringClaim("token_use")).isEqualTo("id");
		assertThat(id.getStringClaim("origin_jti")).isEqualTo(access.getStringClaim("origin_jti"));
		assertThat(issued.refreshToken()).isNotBlank();
		assertThat(issued.expiresIn().toMinutes()).isEqualTo(60);
		assertThat(this.tokens.isAccessTokenActive(pool, access.getJWTID())).isTrue();
	}

	@Test
	void refreshThenRotatesAndReplayRevokesTheFamily() throws Exception {
		String pool = pool();
		String client = client(pool);
		IssuedTokens first = this.tokens.issue(signedIn(pool, user(pool)), client, COGNITO_SCOPES);

		IssuedTokens second = this.tokens.refresh(pool, client, first.refreshToken());

		assertThat(second.refreshToken()).isNotNull().isNotEqualTo(first.refreshToken());
		assertThat(second.idToken()).isNotNull();
		assertThatExceptionOfType(InvalidRefreshTokenException.class)
			.isThrownBy(() -> this.tokens.refresh(pool, client, first.refreshToken()))
			.withMessage("Invalid Refresh Token");
		assertThatExceptionOfType(InvalidRefreshTokenException.class)
			.isThrownBy(() -> this.tokens.refresh(pool, client, second.refreshToken()));
		String jti = SignedJWT.parse(second.accessToken()).getJWTClaimsSet().getJWTID();
		assertThat(this.tokens.isAccessTokenActive(pool, jti)).isFalse();
	}

	@Test
	void refreshWhenOtherPoolOtherClientOrDisabledUserThenInvalid() {
		String pool = pool();
		String otherPool = pool();
		String client = client(pool);
		String otherClient = client(pool);
		User user = user(pool);
		IssuedTokens issued = this.tokens.issue(signedIn(pool, user), client, COGNITO_SCOPES);

		assertThatExceptionOfType(InvalidRefreshTokenException.class)
			.isThrownBy(() -> this.tokens.refresh(otherPool, client, issued.refreshToken()));
		assertThatExceptionOfType(InvalidRefreshTokenException.class)
			.isThrownBy(() -> this.tokens.refresh(pool, otherClient, issued.refreshToken()));
		this.users.setEnabled(pool, user.sub(), false);
		assertThatExceptionOfType(InvalidRefreshTokenException.class)
			.isThrownBy(() -> this.tokens.refresh(pool, client, issued.refreshToken()))
			.withMessage("User is disabled.");
	}

	@Test
	void issueWhenClientOfAnotherPoolThenRefused() {
		String pool = pool();
		String otherClient = client(pool());

		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.tokens.issue(signedIn(pool, user(pool)), otherClient, COGNITO_SCOPES));
	}

	@Test
	void revokeAndRevokeAllThenTokensInactive() throws Exception {
		String pool = pool();
		String client = client(pool);
		User user = user(pool);
		IssuedTokens one = this.tokens.issue(signedIn(pool, user), client, COGNITO_SCOPES);
		IssuedTokens two = this.tokens.issue(signedIn(pool, user), client, COGNITO_SCOPES);
		IssuedTokens three = this.tokens.issue(signedIn(pool, user), client, COGNITO_SCOPES);

		this.tokens.revoke(pool, client, one.refreshToken());
		this.tokens.revoke(pool, client, "unknown-token");

		assertThat(active(pool, one)).isFalse();
		assertThat(active(pool, two)).isTrue();
		this.tokens.revokeAll(pool, user.sub());
		assertThat(active(pool, two)).isFalse();
		assertThat(active(pool, three)).isFalse();
		assertThatExceptionOfType(InvalidRefreshTokenException.class)
			.isThrownBy(() -> this.tokens.refresh(pool, client, three.refreshToken()));
		assertThat(this.tokens.isAccessTokenActive(pool, "no-such-jti")).isFalse();
	}

	private boolean active(String pool, IssuedTokens issued) throws Exception {
		return this.tokens.isAccessTokenActive(pool, SignedJWT.parse(issued.accessToken()).getJWTClaimsSet().getJWTID());
	}

	private String pool() {
		return this.cognito.createUserPool((r) -> r.poolName("issuer-" + System.nanoTime())).userPool().id();
	}

	private String client(String pool) {
		return this.cognito
			.createUserPoolClient((r) -> r.userPoolId(pool)
				.clientName("door")
				.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
						ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
			.userPoolClient()
			.clientId();
	}

	private User user(String pool) {
		return TestUsers.confirmed().withVerifiedEmail("u" + System.nanoTime() + "@example.com")
			.createIn(this.users, this.pools.userSettings(pool));
	}

	private static PoolUserAuthentication signedIn(String pool, User user) {
		return new PoolUserAuthentication(pool, user.sub(), user.username(), Instant.now(), List.of("pwd"));
	}

}
