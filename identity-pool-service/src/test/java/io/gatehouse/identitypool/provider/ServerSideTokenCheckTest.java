package io.gatehouse.identitypool.provider;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gatehouse.identitypool.GatehouseTest;
import io.gatehouse.identitypool.TestGatehouse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityProvider;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentity.model.ExternalServiceException;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentity.model.TooManyRequestsException;
import software.amazon.awssdk.services.iam.IamClient;

import static io.gatehouse.identitypool.TestGatehouse.roleArn;
import static io.gatehouse.identitypool.TestGatehouse.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code ServerSideTokenCheck=true}: a user pool's ID token is confirmed with the user pool that issued it
 * ({@code POST {issuer}/token-status}) before GetId, GetCredentialsForIdentity or GetOpenIdToken succeed; a
 * revoked token is refused, and a user pool that cannot answer refuses the login (ExternalServiceException,
 * nothing created), never lets it through. Without the flag the user pool is never asked.
 * <p>
 * The user pool here is a stand-in on the JDK's HTTP server (discovery, JWKS and the token-status answer the
 * test chooses), so every answer a real one could give, and some it should not, can be played.
 */
@GatehouseTest
class ServerSideTokenCheckTest {

	static final String CHECKED_CLIENT = "checked-client";

	static final String UNCHECKED_CLIENT = "unchecked-client";

	@LocalServerPort
	int port;

	CognitoIdentityClient cognito;

	CognitoIdentityClient app;

	IamClient iam;

	StubUserPool userPool;

	@BeforeEach
	void start() throws Exception {
		this.cognito = TestGatehouse.cognito(this.port);
		this.app = TestGatehouse.anonymousCognito(this.port);
		this.iam = TestGatehouse.iam(this.port);
		this.userPool = new StubUserPool();
	}

	@AfterEach
	void stop() {
		this.userPool.stop();
	}

	@Test
	void getIdAndCredentialsWhenUserPoolSaysActiveThenServedAndTheUserPoolWasAskedEachTime() {
		String poolId = pool(true);
		String token = this.userPool.idToken("alice", CHECKED_CLIENT);
		Map<String, String> logins = Map.of(this.userPool.providerName(), token);

		String identityId = this.app.getId((r) -> r.identityPoolId(poolId).logins(logins)).identityId();
		Credentials credentials = this.app.getCredentialsForIdentity((r) -> r.identityId(identityId).logins(logins))
			.credentials();
		String openIdToken = this.app.getOpenIdToken((r) -> r.identityId(identityId).logins(logins)).token();

		assertThat(credentials.accessKeyId()).startsWith("ASIA");
		assertThat(openIdToken).isNotBlank();
		assertThat(this.userPool.questions()).as("one question per call, with the token form-encoded")
			.containsExactly(token, token, token);
	}

	@Test
	void getIdWhenUserPoolSaysRevokedThenNotAuthorizedAndNothingCreated() {
		String poolId = pool(true);
		this.userPool.answer(Answer.INACTIVE);
		Map<String, String> logins = Map.of(this.userPool.providerName(), this.userPool.idToken("bob", CHECKED_CLIENT));

		assertThatExceptionOfType(NotAuthorizedException.class)
			.isThrownBy(() -> this.app.getId((r) -> r.identityPoolId(poolId).logins(logins)))
			.withMessageContaining("Token is revoked")
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(400));
		assertNoIdentities(poolId);
	}

	@Test
	void credentialsAndOpenIdTokenWhenTokenRevokedAfterGetIdThenNotAuthorized() {
		String poolId = pool(true);
		Map<String, String> logins = Map.of(this.userPool.providerName(), this.userPool.idToken("carol", CHECKED_CLIENT));
		String identityId = this.app.getId((r) -> r.identityPoolId(poolId).logins(logins)).identityId();

		this.userPool.answer(Answer.INACTIVE);

		assertThatExceptionOfType(NotAuthorizedException.class)
			.isThrownBy(() -> this.app.getCredentialsForIdentity((r) -> r.identityId(identityId).logins(logins)))
			.withMessageContaining("Token is revoked");
		assertThatExceptionOfType(NotAuthorizedException.class)
			.isThrownBy(() -> this.app.getOpenIdToken((r) -> r.identityId(identityId).logins(logins)))
			.withMessageContaining("Token is revoked");
	}

	@Test
	void getIdWhenUserPoolUnreachableThenExternalServiceExceptionAndNothingCreated() {
		String poolId = pool(true);
		// The keys are learned first (and kept): only the token-status question finds nobody there.
		String first = this.app.getId((r) -> r.identityPoolId(poolId)
			.logins(Map.of(this.userPool.providerName(), this.userPool.idToken("dave", CHECKED_CLIENT)))).identityId();
		String token = this.userPool.idToken("erin", CHECKED_CLIENT);
		this.userPool.stop();

		assertThatExceptionOfType(ExternalServiceException.class)
			.isThrownBy(() -> this.app.getId((r) -> r.identityPoolId(poolId)
				.logins(Map.of(this.userPool.providerName(), token))))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(400))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(token));
		assertThat(this.cognito.listIdentities((r) -> r.identityPoolId(poolId).maxResults(60)).identities())
			.singleElement()
			.satisfies((identity) -> assertThat(identity.identityId()).isEqualTo(first));
	}

	@Test
	void getIdWhenUserPoolTooSlowThenExternalServiceExceptionWithinTheTimeout() {
		String poolId = pool(true);
		this.userPool.answer(Answer.SLOW);
		Map<String, String> logins = Map.of(this.userPool.providerName(), this.userPool.idToken("frank", CHECKED_CLIENT));

		Instant started = Instant.now();
		assertThatExceptionOfType(ExternalServiceException.class)
			.isThrownBy(() -> this.app.getId((r) -> r.identityPoolId(poolId).logins(logins)));
		assertThat(Duration.between(started, Instant.now())).as("the default 2 s timeout, not the user pool's 6 s")
			.isLessThan(Duration.ofMillis(4500));
		assertNoIdentities(poolId);
	}

	@Test
	void getIdWhenUserPoolAnswersNonsenseThenExternalServiceExceptionAndWhenItThrottlesThenTooManyRequests() {
		String poolId = pool(true);
		Map<String, String> logins = Map.of(this.userPool.providerName(), this.userPool.idToken("grace", CHECKED_CLIENT));

		for (Answer nonsense : List.of(Answer.SERVER_ERROR, Answer.NOT_JSON, Answer.NO_ACTIVE, Answer.HUGE,
				Answer.REDIRECT)) {
			this.userPool.answer(nonsense);
			assertThatExceptionOfType(ExternalServiceException.class).as(nonsense.name())
				.isThrownBy(() -> this.app.getId((r) -> r.identityPoolId(poolId).logins(logins)));
		}
		this.userPool.answer(Answer.THROTTLED);
		assertThatExceptionOfType(TooManyRequestsException.class)
			.isThrownBy(() -> this.app.getId((r) -> r.identityPoolId(poolId).logins(logins)));
		assertNoIdentities(poolId);
	}

	@Test
	void getIdWhenFlagIsFalseThenTheUserPoolIsNeverAskedAndARevokedTokenStillPasses() {
		String poolId = pool(false);
		this.userPool.answer(Answer.INACTIVE);
		Map<String, String> logins = Map.of(this.userPool.providerName(), this.userPool.idToken("heidi", CHECKED_CLIENT));

		String identityId = this.app.getId((r) -> r.identityPoolId(poolId).logins(logins)).identityId();
		this.app.getCredentialsForIdentity((r) -> r.identityId(identityId).logins(logins));

		assertThat(this.userPool.questions()).isEmpty();
	}

	@Test
	void getIdWhenOnlyAnotherClientOfTheSameUserPoolIsCheckedThenThisClientsTokenIsNotAsked() {
		String poolId = this.cognito.createIdentityPool((r) -> r.identityPoolName(unique("sstc"))
			.allowUnauthenticatedIdentities(false)
			.cognitoIdentityProviders(provider(CHECKED_CLIENT, true), provider(UNCHECKED_CLIENT, false))).identityPoolId();
		this.userPool.answer(Answer.INACTIVE);

		this.app.getId((r) -> r.identityPoolId(poolId)
			.logins(Map.of(this.userPool.providerName(), this.userPool.idToken("ivan", UNCHECKED_CLIENT))));
		assertThat(this.userPool.questions()).isEmpty();
		assertThatExceptionOfType(NotAuthorizedException.class).isThrownBy(() -> this.app.getId((r) -> r
			.identityPoolId(poolId)
			.logins(Map.of(this.userPool.providerName(), this.userPool.idToken("judy", CHECKED_CLIENT)))));
		assertThat(this.userPool.questions()).hasSize(1);
	}

	@Test
	void getIdWhenTokenFailsLocalVerificationThenTheUserPoolIsNotAsked() throws Exception {
		String poolId = pool(true);
		RSAKey attacker = new RSAKeyGenerator(2048).keyID(this.userPool.keyId()).generate();

		assertThatExceptionOfType(NotAuthorizedException.class).isThrownBy(() -> this.app.getId((r) -> r
			.identityPoolId(poolId)
			.logins(Map.of(this.userPool.providerName(), this.userPool.idToken("mallory", CHECKED_CLIENT, attacker)))))
			.withMessageContaining("signature");
		assertThat(this.userPool.questions()).isEmpty();
	}

	private void assertNoIdentities(String poolId) {
		assertThat(this.cognito.listIdentities((r) -> r.identityPoolId(poolId).maxResults(60)).identities()).isEmpty();
	}

	/** An identity pool trusting the stand-in user pool's {@link #CHECKED_CLIENT}, with roles for both kinds. */
	private String pool(boolean serverSideTokenCheck) {
		String poolId = this.cognito.createIdentityPool((r) -> r.identityPoolName(unique("sstc"))
			.allowUnauthenticatedIdentities(false)
			.cognitoIdentityProviders(provider(CHECKED_CLIENT, serverSideTokenCheck))).identityPoolId();
		String role = unique("sstc-member");
		this.iam.createRole((r) -> r.roleName(role).assumeRolePolicyDocument(TestGatehouse.trustPolicy(poolId, "authenticated")));
		this.cognito.setIdentityPoolRoles((r) -> r.identityPoolId(poolId).roles(Map.of("authenticated", roleArn(role))));
		return poolId;
	}

	private CognitoIdentityProvider provider(String clientId, boolean serverSideTokenCheck) {
		return CognitoIdentityProvider.builder()
			.providerName(this.userPool.providerName())
			.clientId(clientId)
			.serverSideTokenCheck(serverSideTokenCheck)
			.build();
	}

	enum Answer {

		ACTIVE, INACTIVE, SLOW, SERVER_ERROR, NOT_JSON, NO_ACTIVE, HUGE, REDIRECT, THROTTLED

	}

	/**
	 * What a user pool shows an identity pool: discovery, JWKS and {@code POST /token-status}, on 127.0.0.1 (a
	 * plain-http host by default), issuer {@code http://127.0.0.1:{port}/local-1_Stub}.
	 */
	static final class StubUserPool {

		private final HttpServer server;

		private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newCachedThreadPool();

		private final RSAKey key;

		private final String issuer;

		private final List<String> questions = new CopyOnWriteArrayList<>();

		private volatile Answer answer = Answer.ACTIVE;

		private boolean stopped;

		StubUserPool() throws Exception {
			this.key = new RSAKeyGenerator(2048).keyID(unique("kid")).generate();
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			this.server.setExecutor(this.threads);
			this.issuer = "http://127.0.0.1:" + this.server.getAddress().getPort() + "/local-1_Stub";
			this.server.createContext("/local-1_Stub/.well-known/openid-configuration", (exchange) -> respond(exchange,
					200, "{\"issuer\":\"" + this.issuer + "\",\"jwks_uri\":\"" + this.issuer + "/.well-known/jwks.json\"}"));
			this.server.createContext("/local-1_Stub/.well-known/jwks.json",
					(exchange) -> respond(exchange, 200, new JWKSet(this.key.toPublicJWK()).toString(true)));
			this.server.createContext("/local-1_Stub/token-status", this::tokenStatus);
			this.server.start();
		}

		private void tokenStatus(HttpExchange exchange) throws IOException {
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			if (!"POST".equals(exchange.getRequestMethod()) || !exchange.getRequestHeaders()
				.getFirst("Content-Type")
				.startsWith("application/x-www-form-urlencoded") || !body.startsWith("token=")) {
				respond(exchange, 400, "{\"error\":\"invalid_request\"}");
				return;
			}
			this.questions.add(URLDecoder.decode(body.substring("token=".length()), StandardCharsets.UTF_8));
			switch (this.answer) {
				case ACTIVE -> respond(exchange, 200, "{\"active\":true}");
				case INACTIVE -> respond(exchange, 200, "{\"active\":false}");
				case SLOW -> {
					sleep(Duration.ofSeconds(6));
					respond(exchange, 200, "{\"active\":true}");
				}
				case SERVER_ERROR -> respond(exchange, 500, "{\"active\":true}");
				case NOT_JSON -> respond(exchange, 200, "<html>active</html>");
				case NO_ACTIVE -> respond(exchange, 200, "{\"active\":\"true\"}");
				case HUGE -> respond(exchange, 200, "{\"active\":true,\"padding\":\"" + "x".repeat(100_000) + "\"}");
				case REDIRECT -> {
					exchange.getResponseHeaders().add("Location", this.issuer + "/elsewhere");
					respond(exchange, 302, "");
				}
				case THROTTLED -> respond(exchange, 429, "{\"error\":\"temporarily_unavailable\"}");
			}
		}

		String providerName() {
			return this.issuer.substring("http://".length());
		}

		String keyId() {
			return this.key.getKeyID();
		}

		void answer(Answer answer) {
			this.answer = answer;
		}

		List<String> questions() {
			return List.copyOf(this.questions);
		}

		String idToken(String subject, String clientId) {
			return idToken(subject, clientId, this.key);
		}

		String idToken(String subject, String clientId, RSAKey signer) {
			try {
				SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(),
						new JWTClaimsSet.Builder().issuer(this.issuer)
							.subject(subject)
							.audience(clientId)
							.claim("token_use", "id")
							.claim("origin_jti", unique("signin"))
							.issueTime(new Date())
							.expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1))))
							.build());
				jwt.sign(new RSASSASigner(signer));
				return jwt.serialize();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		synchronized void stop() {
			if (!this.stopped) {
				this.stopped = true;
				this.server.stop(0);
				this.threads.shutdownNow();
			}
		}

		private static void respond(HttpExchange exchange, int status, String body) throws IOException {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
			if (bytes.length > 0) {
				exchange.getResponseBody().write(bytes);
			}
			exchange.close();
		}

		private static void sleep(Duration duration) {
			try {
				Thread.sleep(duration.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
