package io.gatehouse.userpool.oidc;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.userpool.user.User;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Authorization code + PKCE through the hosted sign-in, to Cognito-shaped tokens verified with the JWKS. */
@OidcTest
class AuthorizationCodeFlowTest extends OidcTestSupport {

	@Test
	void codeFlowWithPkceThenCallbackCarriesCodeStateAndIssuer() {
		String pool = this.fixtures.pool();
		String client = this.fixtures.publicClient(pool).create().clientId();
		User user = user(pool);

		String callback = this.flows.authorizeWithSignIn(pool, user, client, CALLBACK, OidcFlows.verifier(), Map.of());

		Map<String, String> parameters = Browser.query(callback);
		assertThat(parameters.get("code")).hasSizeGreaterThan(40);
		assertThat(parameters.get("state")).isEqualTo("state-123");
		assertThat(parameters.get("iss")).isEqualTo(OidcFixtures.issuer(pool));
	}

	@Test
	void codeFlowWhenLoginHintGivenThenPassedToTheLoginPage() {
		String pool = this.fixtures.pool();
		String client = this.fixtures.publicClient(pool).create().clientId();

		HttpResponse<String> authorize = this.browser.get(OidcFlows.authorizeUrl(pool, client, CALLBACK,
				OidcFlows.verifier(), Map.of("login_hint", "ada@example.com")));

		assertThat(authorize.statusCode()).isEqualTo(302);
		assertThat(Browser.location(authorize)).startsWith(OidcFixtures.issuer(pool) + "/login?");
		assertThat(Browser.query(Browser.location(authorize))).containsEntry("login_hint", "ada@example.com");
	}

	@Test
	void tokensThenIdTokenHasCognitoClaims() throws Exception {
		String pool = this.fixtures.pool();
		String client = this.fixtures.publicClient(pool).create().clientId();
		User user = user(pool);

		JsonNode tokens = tokens(pool, user, client);

		assertThat(OidcFlows.text(tokens, "token_type")).isEqualTo("Bearer");
		assertThat(tokens.get("expires_in").asInt()).isBetween(3590, 3600);
		JWTClaimsSet id = this.flows.verify(pool, OidcFlows.text(tokens, "id_token"));
		assertThat(id.getIssuer()).isEqualTo(OidcFixtures.issuer(pool));
		assertThat(id.getAudience()).containsExactly(client);
		assertThat(id.getSubject()).isEqualTo(user.sub().toString());
		assertThat(id.getStringClaim("token_use")).isEqualTo("id");
		assertThat(id.getStringClaim("cognito:username")).isEqualTo(user.username());
		assertThat(id.getStringClaim("nonce")).isEqualTo("nonce-456");
		assertThat(id.getLongClaim("auth_time")).isCloseTo(Instant.now().getEpochSecond(), within(60L));
		assertThat(id.getJWTID()).isNotBlank();
		assertThat(id.getStringClaim("origin_jti")).isNotBlank();
		assertThat(id.getIssueTime()).isNotNull();
		assertThat(id.getExpirationTime().toInstant().getEpochSecond() - id.getIssueTime().toInstant().getEpochSecond())
			.isEqualTo(3600);
		assertThat(id.getStringClaim("email")).isEqualTo(user.email().orElseThrow());
		assertThat(id.getBooleanClaim("email_verified")).isTrue();
		assertThat(id.getStringClaim("name")).isEqualTo("Ada Lovelace");
		assertThat(id.getStringClaim("at_hash")).isEqualTo(atHash(OidcFlows.text(tokens, "access_token")));
		assertThat(id.getClaims()).doesNotContainKeys("azp", "sid", "cognito:groups", "password");
	}

	@Test
	void tokensThenAccessTokenHasCognitoClaimsAndNoAudience() throws Exception {
		String pool = this.fixtures.pool();
		String client = this.fixtures.publicClient(pool).create().clientId();
		User user = user(pool);

		JsonNode tokens = tokens(pool, user, client);

		JWTClaimsSet access = this.flows.verify(pool, OidcFlows.text(tokens, "access_token"));
		JWTClaimsSet id = this.flows.verify(pool, OidcFlows.text(tokens, "id_token"));
		assertThat(access.getIssuer()).isEqualTo(OidcFixtures.issuer(pool));
		assertThat(access.getSubject()).isEqualTo(user.sub().toString());
		assertThat(access.getStringClaim("client_id")).isEqualTo(client);
		assertThat(access.getStringClaim("token_use")).isEqualTo("access");
		assertThat(access.getStringClaim("scope").split(" ")).containsExactlyInAnyOrder("openid", "email", "profile");
		assertThat(access.getStringClaim("username")).isEqualTo(user.username());
		assertThat(access.getLongClaim("version")).isEqualTo(2L);
		assertThat(access.getLongClaim("auth_time")).isEqualTo(id.getLongClaim("auth_time"));
		assertThat(access.getStringClaim("origin_jti")).isEqualTo(id.getStringClaim("origin_jti"));
		assertThat(access.getJWTID()).isNotEqualTo(id.getJWTID());
		assertThat(access.getAudience()).isEmpty();
		assertThat(access.getClaims()).doesNotContainKeys("nbf", "email", "cognito:groups");
		assertThat(OidcFlows.text(tokens, "refresh_token")).hasSizeGreaterThanOrEqualTo(43);
	}

	@Test
	void tokensWhenClientReadsOnlySomeAttributesThenIdTokenShowsOnlyThose() throws Exception {
		String pool = this.fixtures.pool();
		String client = this.fixtures.publicClient(pool).readAttributes("email", "email_verified").create().clientId();

		JsonNode tokens = tokens(pool, user(pool), client);

		JWTClaimsSet id = this.flows.verify(pool, OidcFlows.text(tokens, "id_token"));
		assertThat(id.getClaims()).containsKeys("email", "email_verified").doesNotContainKeys("name", "phone_number");
	}

	@Test
	void tokensWhenOnlyEmailScopeThenIdTokenLimitedToEmailClaims() throws Exception {
		String pool = this.fixtures.pool();
		String client = this.fixtures.publicClient(pool).create().clientId();

		JsonNode tokens = tokens(pool, user(pool), client, Map.of("scope", "openid email"));

		JWTClaimsSet id = this.flows.verify(pool, OidcFlows.text(tokens, "id_token"));
		assertThat(id.getClaims()).containsKeys("email", "email_verified").doesNotContainKeys("name", "phone_number");
	}

	@Test
	void tokensWhenConfidentialClientThenSecretRequiredAndPkceOptional() {
		String pool = this.fixtures.pool();
		var client = this.fixtures.confidentialClient(pool).create();
		User user = user(pool);
		String callback = this.flows.authorizeWithSignIn(pool, user, client.clientId(), CALLBACK, null, Map.of());
		String code = Browser.query(callback).get("code");

		HttpResponse<String> withoutSecret = this.flows.exchange(pool, client.clientId(), code, CALLBACK, null);
		HttpResponse<String> withSecret = this.flows.token(pool, Map.of("grant_type", "authorization_code", "code", code,
				"redirect_uri", CALLBACK), "Authorization", Browser.basic(client.clientId(), client.clientSecret()));

		assertThat(withoutSecret.statusCode()).isIn(400, 401);
		assertThat(withoutSecret.body()).doesNotContain("access_token");
		assertThat(withSecret.statusCode()).as(withSecret.body()).isEqualTo(200);
	}

	@Test
	void tokensWhenSecretWrongThenInvalidClient() {
		String pool = this.fixtures.pool();
		var client = this.fixtures.confidentialClient(pool).create();

		HttpResponse<String> response = this.flows.token(pool,
				Map.of("grant_type", "authorization_code", "code", "x", "redirect_uri", CALLBACK), "Authorization",
				Browser.basic(client.clientId(), client.clientSecret() + "x"));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(OidcFlows.text(Browser.json(response), "error")).isEqualTo("invalid_client");
	}

	@Test
	void tokenWhenGrantTypeUnknownThenUnsupportedGrantType() {
		String pool = this.fixtures.pool();
		var client = this.fixtures.confidentialClient(pool).create();

		HttpResponse<String> response = this.flows.token(pool, Map.of("grant_type", "password", "username", "a",
				"password", "b"), "Authorization", Browser.basic(client.clientId(), client.clientSecret()));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(OidcFlows.text(Browser.json(response), "error")).isEqualTo("unsupported_grant_type");
	}

	static String atHash(String accessToken) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
	}

}
