package io.gatehouse.userpool.oidc;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
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
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

import io.gatehouse.userpool.signing.SigningKeys;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST {issuer}/token-status}: active only for an ID token of the pool asked, whose sign-in was not
 * revoked and whose user is still there and enabled; a plain yes or no for anything else, and a 400 (never a
 * 500) for input that is not a question at all.
 */
@OidcTest
class TokenStatusTest {

	private static final String PASSWORD = "Correct-Horse-Battery-7";

	@LocalServerPort
	private int port;

	@Autowired
	private SigningKeys signingKeys;

	private final HttpClient http = HttpClient.newHttpClient();

	private OidcFixtures fixtures;

	private CognitoIdentityProviderClient app;

	@BeforeEach
	void clients() {
		this.fixtures = new OidcFixtures(this.port);
		this.app = CognitoIdentityProviderClient.builder()
			.endpointOverride(URI.create("http://localhost:" + this.port))
			.region(Region.of("local-1"))
			.credentialsProvider(AnonymousCredentialsProvider.create())
			.httpClient(UrlConnectionHttpClient.create())
			.overrideConfiguration((config) -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
			.build();
	}

	@AfterEach
	void close() {
		this.app.close();
		this.fixtures.close();
	}

	@Test
	void tokenStatusWhenFreshIdTokenThenActiveAndOtherTokensOfTheSignInAreNot() throws Exception {
		SignIn alice = signIn(pool(), "alice");

		HttpResponse<String> answer = status(alice.poolId(), alice.tokens().idToken());
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo("{\"active\":true}");
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
		// The question is about ID tokens: the access and refresh tokens of the same sign-in are not answered yes.
		assertInactive(alice.poolId(), alice.tokens().accessToken());
		assertInactive(alice.poolId(), alice.tokens().refreshToken());
		// Refreshed ID tokens belong to the same sign-in.
		String refreshed = this.app.initiateAuth((r) -> r.clientId(alice.clientId())
			.authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
			.authParameters(Map.of("REFRESH_TOKEN", alice.tokens().refreshToken()))).authenticationResult().idToken();
		assertActive(alice.poolId(), refreshed);
	}

	@Test
	void tokenStatusWhenUserSignedOutGloballyThenInactiveButOtherUsersStayActive() throws Exception {
		String poolId = pool();
		SignIn alice = signIn(poolId, "alice");
		SignIn bob = signIn(poolId, "bob");
		assertActive(poolId, alice.tokens().idToken());

		this.app.globalSignOut((r) -> r.accessToken(alice.tokens().accessToken()));

		assertInactive(poolId, alice.tokens().idToken());
		assertActive(poolId, bob.tokens().idToken());
		// A new sign-in after the sign-out is a new family, and active.
		assertActive(poolId, signIn(alice, "alice").idToken());
	}

	@Test
	void tokenStatusWhenSignedOutByAdminOrTokenRevokedThenInactive() throws Exception {
		String poolId = pool();
		SignIn alice = signIn(poolId, "alice");
		SignIn bob = signIn(poolId, "bob");
		assertActive(poolId, alice.tokens().idToken());
		assertActive(poolId, bob.tokens().idToken());

		this.fixtures.cognito().adminUserGlobalSignOut((r) -> r.userPoolId(poolId).username("alice"));
		this.app.revokeToken((r) -> r.clientId(bob.clientId()).token(bob.tokens().refreshToken()));

		assertInactive(poolId, alice.tokens().idToken());
		assertInactive(poolId, bob.tokens().idToken());
	}

	@Test
	void tokenStatusWhenUserDisabledThenInactive() throws Exception {
		SignIn alice = signIn(pool(), "alice");
		assertActive(alice.poolId(), alice.tokens().idToken());

		this.fixtures.cognito().adminDisableUser((r) -> r.userPoolId(alice.poolId()).username("alice"));

		assertInactive(alice.poolId(), alice.tokens().idToken());
	}

	@Test
	void tokenStatusWhenUserDeletedThenInactive() throws Exception {
		SignIn alice = signIn(pool(), "alice");
		assertActive(alice.poolId(), alice.tokens().idToken());

		this.fixtures.cognito().adminDeleteUser((r) -> r.userPoolId(alice.poolId()).username("alice"));

		assertInactive(alice.poolId(), alice.tokens().idToken());
	}

	@Test
	void tokenStatusWhenAnotherPoolsTokenThenInactive() throws Exception {
		SignIn alice = signIn(pool(), "alice");
		String otherPool = pool();

		// Active at its own pool, not at another's.
		assertActive(alice.poolId(), alice.tokens().idToken());
		assertInactive(otherPool, alice.tokens().idToken());
		// Pool A's key under pool B's issuer: not one of pool B's keys.
		JWTClaimsSet claims = SignedJWT.parse(alice.tokens().idToken()).getJWTClaimsSet();
		RSAKey keyA = this.signingKeys.signingKey(alice.poolId());
		assertInactive(otherPool,
				sign(new JWTClaimsSet.Builder(claims).issuer(OidcFixtures.issuer(otherPool)).build(), keyA));
		// A pool that does not exist has no active tokens.
		assertInactive("local-1_NoSuchPool", alice.tokens().idToken());
	}

	@Test
	void tokenStatusWhenForgedOrGarbageThenInactive() throws Exception {
		SignIn alice = signIn(pool(), "alice");
		String poolId = alice.poolId();
		String idToken = alice.tokens().idToken();
		JWTClaimsSet claims = SignedJWT.parse(idToken).getJWTClaimsSet();
		RSAKey key = this.signingKeys.signingKey(poolId);
		String[] parts = idToken.split("\\.");

		// The pool's own key over claims the pool never issued: a sign-in that does not exist, another user, another
		// client, an access-token use, an expired token.
		assertInactive(poolId, sign(new JWTClaimsSet.Builder(claims).claim("origin_jti", UUID.randomUUID().toString()).build(), key));
		assertInactive(poolId, sign(new JWTClaimsSet.Builder(claims).subject(UUID.randomUUID().toString()).build(), key));
		assertInactive(poolId, sign(new JWTClaimsSet.Builder(claims).audience("someotherclient00000000000").build(), key));
		assertInactive(poolId, sign(new JWTClaimsSet.Builder(claims).claim("token_use", "access").build(), key));
		assertInactive(poolId, sign(new JWTClaimsSet.Builder(claims)
			.expirationTime(Date.from(Instant.now().minusSeconds(5))).build(), key));
		assertInactive(poolId, sign(new JWTClaimsSet.Builder(claims).subject("not-a-uuid").build(), key));
		assertInactive(poolId, sign(new JWTClaimsSet.Builder(claims).claim("origin_jti", "x".repeat(500)).build(), key));
		// Changed claims under the original signature; alg none; HMAC keyed with the public key; a foreign key.
		String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(new JWTClaimsSet.Builder(claims)
			.subject(UUID.randomUUID().toString()).build().toString().getBytes(StandardCharsets.UTF_8));
		assertInactive(poolId, parts[0] + "." + tampered + "." + parts[2]);
		assertInactive(poolId, Base64.getUrlEncoder().withoutPadding()
			.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".");
		SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(), claims);
		hmac.sign(new MACSigner(key.toPublicJWK().toRSAPublicKey().getEncoded()));
		assertInactive(poolId, hmac.serialize());
		RSAKey foreign = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
		assertInactive(poolId, sign(claims, foreign));
		// Not a JWT at all, or far too long.
		assertInactive(poolId, "not-a-jwt");
		assertInactive(poolId, "a.b.c");
		assertInactive(poolId, "x".repeat(20_000));
		// Still active after all that: nothing above touched the real sign-in.
		assertActive(poolId, idToken);
	}

	@Test
	void tokenStatusWhenBadRequestThenClientErrorNeverServerError() throws Exception {
		String poolId = pool();
		String form = "application/x-www-form-urlencoded";

		assertBadRequest(post(poolId, form, ""));
		assertBadRequest(post(poolId, form, "token="));
		assertBadRequest(post(poolId, form, "token_type_hint=id_token"));
		assertBadRequest(post(poolId, form, "token=a.b.c&token=d.e.f"));
		assertBadRequest(post(poolId, form, "token=%zz"));
		assertBadRequest(post(poolId, "application/json", "{\"token\":\"a.b.c\"}"));
		assertBadRequest(post(poolId, "text/plain;;;", "token=a.b.c"));
		assertBadRequest(post(poolId, form, "token=" + "x".repeat(40_000)));
		assertThat(post(poolId, form + "; charset=UTF-8", "token_type_hint=id_token&token=a.b.c&extra=1"))
			.satisfies((r) -> assertThat(r.body()).isEqualTo("{\"active\":false}"));
		// Not a pool id at all in the path, or a GET: refused, not a server error.
		assertThat(post("..%2F..", form, "token=a.b.c").statusCode()).isBetween(200, 499);
		HttpResponse<String> get = this.http.send(HttpRequest.newBuilder(endpoint(poolId)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(get.statusCode()).isBetween(400, 499);
	}

	private void assertActive(String poolId, String token) throws Exception {
		HttpResponse<String> answer = status(poolId, token);
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo("{\"active\":true}");
	}

	private void assertInactive(String poolId, String token) throws Exception {
		HttpResponse<String> answer = status(poolId, token);
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo("{\"active\":false}");
	}

	private static void assertBadRequest(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"error\":\"invalid_request\"").doesNotContain("Exception");
	}

	private HttpResponse<String> status(String poolId, String token) throws Exception {
		return post(poolId, "application/x-www-form-urlencoded",
				"token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
	}

	private HttpResponse<String> post(String poolId, String contentType, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(endpoint(poolId))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI endpoint(String poolId) {
		return URI.create("http://localhost:" + this.port + "/" + poolId + "/token-status");
	}

	private String pool() {
		return this.fixtures.pool();
	}

	private SignIn signIn(String poolId, String username) {
		String clientId = this.fixtures.publicClient(poolId)
			.authFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
			.create()
			.clientId();
		this.fixtures.cognito().adminCreateUser((r) -> r.userPoolId(poolId)
			.username(username)
			.messageAction(MessageActionType.SUPPRESS));
		this.fixtures.cognito().adminSetUserPassword((r) -> r.userPoolId(poolId)
			.username(username)
			.password(PASSWORD)
			.permanent(true));
		SignIn signIn = new SignIn(poolId, clientId, null);
		return new SignIn(poolId, clientId, signIn(signIn, username));
	}

	private AuthenticationResultType signIn(SignIn at, String username) {
		return this.app.initiateAuth((r) -> r.clientId(at.clientId())
			.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
			.authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD))).authenticationResult();
	}

	private static String sign(JWTClaimsSet claims, RSAKey key) throws Exception {
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private record SignIn(String poolId, String clientId, AuthenticationResultType tokens) {
	}

}
