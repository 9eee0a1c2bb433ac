package io.gatehouse.identitypool.provider;

import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.identitypool.GatehouseTest;
import io.gatehouse.identitypool.TestGatehouse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityProvider;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every rule of SECURITY.md "Tokens received", through GetId: each forged, misdirected or stale token is
 * refused with NotAuthorizedException (HTTP 400) naming the rule, never with a 500.
 */
@GatehouseTest
class TokenRefusalTest {

	static final String CLIENT_ID = "token-client";

	@LocalServerPort
	int port;

	CognitoIdentityClient app;

	String userPool;

	String poolId;

	@BeforeEach
	void pool() {
		this.app = TestGatehouse.anonymousCognito(this.port);
		this.userPool = TestGatehouse.unique("tokens");
		this.poolId = TestGatehouse.cognito(this.port)
			.createIdentityPool((r) -> r.identityPoolName(TestGatehouse.unique("tokens"))
				.allowUnauthenticatedIdentities(false)
				.cognitoIdentityProviders(CognitoIdentityProvider.builder()
					.providerName(TestGatehouse.providerName(this.userPool))
					.clientId(CLIENT_ID)
					.build(),
						CognitoIdentityProvider.builder()
							.providerName(TestGatehouse.providerName(this.userPool).replace("localhost", "127.0.0.1"))
							.clientId(CLIENT_ID)
							.build()))
			.identityPoolId();
	}

	@Test
	void getIdWhenAlgNoneThenNotAuthorized() {
		String token = new PlainJWT(validClaims().build()).serialize();
		assertRefused(token, "alg none");
	}

	@Test
	void getIdWhenHmacKeyedWithThePublicKeyThenNotAuthorized() throws Exception {
		RSAKey published = publishedKey();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(published.getKeyID()).build(),
				validClaims().build());
		jwt.sign(new MACSigner(published.toRSAPublicKey().getEncoded()));
		assertRefused(jwt.serialize(), "algorithm is not accepted");
	}

	@Test
	void getIdWhenKeyIdUnknownThenNotAuthorized() throws Exception {
		RSAKey attacker = new RSAKeyGenerator(2048).keyID("attacker-key").generate();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("attacker-key").build(),
				validClaims().build());
		jwt.sign(new RSASSASigner(attacker));
		assertRefused(jwt.serialize(), "key id");
	}

	@Test
	void getIdWhenSignedByAnotherKeyUnderThePublishedKeyIdThenNotAuthorized() throws Exception {
		RSAKey attacker = new RSAKeyGenerator(2048).keyID(publishedKey().getKeyID()).generate();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(attacker.getKeyID()).build(),
				validClaims().build());
		jwt.sign(new RSASSASigner(attacker));
		assertRefused(jwt.serialize(), "signature");
	}

	@Test
	void getIdWhenHeaderPointsAtForeignKeysThenNotAuthorized() throws Exception {
		RSAKey attacker = new RSAKeyGenerator(2048).keyID("attacker-key").generate();
		SignedJWT withJku = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("attacker-key")
			.jwkURL(URI.create("http://localhost:1/attacker/jwks"))
			.build(), validClaims().build());
		withJku.sign(new RSASSASigner(attacker));
		assertRefused(withJku.serialize(), "jku");
		SignedJWT withJwk = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("attacker-key")
			.jwk(attacker.toPublicJWK())
			.build(), validClaims().build());
		withJwk.sign(new RSASSASigner(attacker));
		assertRefused(withJwk.serialize(), "jwk");
		SignedJWT withX5u = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("attacker-key")
			.x509CertURL(URI.create("http://localhost:1/attacker/cert"))
			.build(), validClaims().build());
		withX5u.sign(new RSASSASigner(attacker));
		assertRefused(withX5u.serialize(), "x5u");
	}

	@Test
	void getIdWhenIssuerIsAnotherThanTheProvidersThenNotAuthorized() {
		// The same upstream keys answer for http://127.0.0.1:port/..., but the token names http://localhost:port/...
		String token = TestGatehouse.idToken(this.userPool, "mallory", CLIENT_ID, Map.of());
		String otherName = TestGatehouse.providerName(this.userPool).replace("localhost", "127.0.0.1");
		assertThatExceptionOfType(NotAuthorizedException.class)
			.isThrownBy(() -> this.app.getId((r) -> r.identityPoolId(this.poolId).logins(Map.of(otherName, token))))
			.withMessageContaining("issuer");
	}

	@Test
	void getIdWhenAudienceIsAnotherClientThenNotAuthorized() {
		assertRefused(TestGatehouse.idToken(this.userPool, "mallory", "some-other-client", Map.of()), "audience");
	}

	@Test
	void getIdWhenAccessTokenInsteadOfIdTokenThenNotAuthorized() {
		assertRefused(TestGatehouse.idToken(this.userPool, "mallory", CLIENT_ID, Map.of("token_use", "access")),
				"token_use");
	}

	@Test
	void getIdWhenExpiredThenNotAuthorized() {
		String token = TestGatehouse.upstream()
			.issueToken(this.userPool, "mallory", CLIENT_ID, Map.of("token_use", "id"), -3600)
			.serialize();
		assertRefused(token, "expired");
	}

	@Test
	void getIdWhenNotYetValidThenNotAuthorized() {
		long later = Instant.now().plusSeconds(3600).getEpochSecond();
		String token = TestGatehouse.idToken(this.userPool, "mallory", CLIENT_ID, Map.of("nbf", later));
		assertRefused(token, "not valid yet");
	}

	@Test
	void getIdWhenTokenOversizedThenNotAuthorizedNotServerError() {
		String huge = "eyJhbGciOiJSUzI1NiJ9." + "A".repeat(40_000) + ".sig";
		assertRefused(huge, "too large");
	}

	@Test
	void getIdWhenClaimsNestedDeeplyThenNotAuthorizedNotServerError() {
		String header = base64("{\"alg\":\"RS256\",\"kid\":\"k\"}");
		String payload = base64("{\"a\":" + "[".repeat(500) + "]".repeat(500) + "}");
		assertRefused(header + "." + payload + ".c2ln", "nested too deeply");
	}

	@Test
	void getIdWhenTokenIsNotAJwtThenNotAuthorized() {
		assertRefused("not-a-token", "not a signed JWT");
	}

	private void assertRefused(String token, String because) {
		assertThatExceptionOfType(NotAuthorizedException.class)
			.isThrownBy(() -> this.app.getId((r) -> r.identityPoolId(this.poolId)
				.logins(Map.of(TestGatehouse.providerName(this.userPool), token))))
			.satisfies((ex) -> org.assertj.core.api.Assertions.assertThat(ex.statusCode()).isEqualTo(400))
			.withMessageContaining(because);
	}

	private JWTClaimsSet.Builder validClaims() {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(TestGatehouse.issuerUrl(this.userPool))
			.subject("mallory")
			.audience(List.of(CLIENT_ID))
			.claim("token_use", "id")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(600)));
	}

	private RSAKey publishedKey() throws Exception {
		URL jwks = new URL(TestGatehouse.upstream().jwksUrl(this.userPool).toString());
		return JWKSet.load(jwks).getKeys().get(0).toRSAKey();
	}

	private static String base64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
