package io.gatehouse.userpool.oidc;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.gatehouse.userpool.user.User;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What the authorization and token endpoints refuse, and how: error page, error redirect, or invalid_grant. */
@OidcTest
class AuthorizationRequestRefusalTest extends OidcTestSupport {

	@Autowired
	private JdbcClient jdbc;

	@ParameterizedTest
	@ValueSource(strings = { "https://app.example/cb/", "https://app.example/cb?x=1", "https://app.example:8443/cb",
			"https://other.example/cb", "https://app.example@evil.example/cb", "https://app.example/cb/../evil",
			"https://APP.example/cb", "https://app.example/CB", "http://app.example/cb", "https://app.example/cb#f",
			"https://app.example.evil.example/cb" })
	void authorizeWhenRedirectUriNotRegisteredExactlyThenErrorPageAndNoRedirect(String redirectUri) {
		String pool = this.fixtures.pool();
		String client = this.fixtures.publicClient(pool).create().clientId();
		this.flows.signIn(pool, user(pool));

		HttpResponse<String> response = this.browser
			.get(OidcFlows.authorizeUrl(pool, client, redirectUri, OidcFlows.verifier(), Map.of()));

		assertErrorPage(response);
	}

	@Test
	void authorizeWhenLoopbackRedirectThenOnlyThePortMayVary() {
		String pool = this.fixtures.pool();
		String client = this.fixtures.publicClient(pool).callbacks("http://127.0.0.1/callback").create().clientId();
		this.flows.signIn(pool, user(pool));

		HttpResponse<String> otherPort = this.browser
			.get(OidcFlows.authorizeUrl(pool, client, "http://127.0.0.1:53682/callback", OidcFlows.verifier(), Map.of()));
		HttpResponse<String> otherPath = this.browser
			.get(OidcFlows.authorizeUrl(pool, client, "http://127.0.0.1:53682/other", OidcFlows.verifier(), Map.of()));

		assertThat(otherPort.statusCode()).isEqualTo(302);
		assertThat(Browser.location(otherPort)).startsWith("http://127.0.0.1:53682/callback?code=");
		assertErrorPage(otherPath);
	}

	@Test
	void authorizeWhenClientUnknownThenErrorPageAndNoRedirect() {
		String pool = this.fixtures.pool();

		assertErrorPage(this.browser
			.get(OidcFlows.authorizeUrl(pool, "nosuchclient0000000000000a", CALLBACK, OidcFlows.verifier(), Map.of())));
	}

	@Test
	void authorizeWhenClientIsOfAnotherPoolThenUnknownClient() {
		String pool = this.fixtures.pool();
		String otherPool = this.fixtures.pool();
		String otherClient = this.fixtures.publicClient(otherPool).create().clientId();

		assertErrorPage(
				this.browser.get(OidcFlows.authorizeUrl(pool, otherClient, CALLBACK, OidcFlows.verifier(), Map.of())));
	}

	@Test
	void authorizeWhenImplicitOrHybridRequestedThenRefusedWithoutTokens() {
		String pool = this.fixtures.pool();
		String client = this.fixtures.publicClient(pool).create().clientId();
		this.flows.signIn(pool, user(pool));

		for (String responseType : new String[] { "token", "id_token", "code token", "code id_token" }) {
			HttpResponse<String> response = this.browser.get(OidcFlows.authorizeUrl(pool, client, CALLBACK,
					OidcFlows.verifier(), Map.of("response_type", responseType)));
			String location = Browser.location(response);
			assertThat(location == null || !location.contains("access_token") && !location.contains("id_token="))
				.isTrue();
			assertThat(response.statusCode()).as(responseType).isIn(302, 400);
			if (response.statusCode() == 302) {
				assertThat(Browser.query(location)).containsKey("error").doesNotContainKey("code");
			}
		}
	}

	@Test
	void authorizeWhenPkcePlainOrMissingForPublicClientThenErrorAtRedirectUri() {
		String pool = this.fixtures.pool();
		String client = this.fixtures.publicClient(pool).create().clientId();
		this.flows.signIn(pool, user(pool));
		String verifier = OidcFlows.verifier();

		HttpResponse<String> plain = this.browser.get(OidcFlows.authorizeUrl(pool, client, CALLBACK, null,
				Map.of("code_challenge", verifier, "code_challenge_method", "plain")));
		HttpResponse<String> missing = this.browser.get(OidcFlows.authorizeUrl(pool, client, CALLBACK, null, Map.of()));

		for (HttpResponse<String> response : java.util.List.of(plain, missing)) {
			assertThat(response.statusCode()).isEqualTo(302);
			Map<String, String> parameters = Browser.query(Browser.location(response));
			assertThat(parameters).containsEntry("error", "invalid_request")
				.containsEntry("iss", OidcFixtures.issuer(pool))
				.containsEntry("state", "state-123")
				.doesNotContainKey("code");
		}
	}

	@Test
	void tokenWhenCodeVerifierWrongOrMissingThenInvalidGrant() {
		String pool = this.fixtures.pool();
		String client = this.fixtures.publicClient(pool).create().clientId();
		String callback = this.flows.authorizeWithSignIn(pool, user(pool), client, CALLBACK, OidcFlows.verifier(), Map.of());
		String code = Browser.query(callback).get("code");

		HttpResponse<String> wrong = this.flows.exchange(pool, client, code, CALLBACK, OidcFlows.verifier());

		assertThat(wrong.statusCode()).isIn(400, 401);
		assertThat(wrong.body()).doesNotContain("access_token");
	}

	@Test
	void tokenWhenCodeReusedThenRefusedAndWhatItIssuedIsRevoked() {
		String pool = this.fixtures.pool();
		String client = this.fixtures.publicClient(pool).create().clientId();
		String verifier = OidcFlows.verifier();
		String callback = this.flows.authorizeWithSignIn(pool, user(pool), client, CALLBACK, verifier, Map.of());
		String code = Browser.query(callback).get("code");
		JsonNode first = Browser.json(this.flows.exchange(pool, client, code, CALLBACK, verifier));

		HttpResponse<String> reuse = this.flows.exchange(pool, client, code, CALLBACK, verifier);

		assertThat(reuse.statusCode()).isEqualTo(400);
		assertThat(OidcFlows.text(Browser.json(reuse), "error")).isEqualTo("invalid_grant");
		assertThat(this.flows.refresh(pool, client, OidcFlows.text(first, "refresh_token")).statusCode())
			.as("the refresh token issued for the code is revoked")
			.isEqualTo(400);
		assertThat(this.browser.get(OidcFixtures.issuer(pool) + "/oauth2/userInfo", "Authorization",
				"Bearer " + OidcFlows.text(first, "access_token")).statusCode()).isIn(401, 403);
	}

	@Test
	void tokenWhenCodeExpiredThenInvalidGrant() {
		String pool = this.fixtures.pool();
		String client = this.fixtures.publicClient(pool).create().clientId();
		String verifier = OidcFlows.verifier();
		String callback = this.flows.authorizeWithSignIn(pool, user(pool), client, CALLBACK, verifier, Map.of());
		this.jdbc.sql("UPDATE user_pool.oauth2_token SET issued_at = now() - interval '10 minutes',"
				+ " expires_at = now() - interval '5 minutes'"
				+ " WHERE token_type = 'authorization_code' AND authorization_id IN"
				+ " (SELECT id FROM user_pool.oauth2_authorization WHERE client_id = ?)").param(client).update();

		HttpResponse<String> response = this.flows.exchange(pool, client, Browser.query(callback).get("code"), CALLBACK,
				verifier);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(OidcFlows.text(Browser.json(response), "error")).isEqualTo("invalid_grant");
	}

	@Test
	void tokenWhenRedirectUriDiffersFromTheAuthorizationRequestThenInvalidGrant() {
		String pool = this.fixtures.pool();
		String client = this.fixtures.publicClient(pool).callbacks(CALLBACK, "https://app.example/other").create()
			.clientId();
		String verifier = OidcFlows.verifier();
		String callback = this.flows.authorizeWithSignIn(pool, user(pool), client, CALLBACK, verifier, Map.of());

		HttpResponse<String> response = this.flows.exchange(pool, client, Browser.query(callback).get("code"),
				"https://app.example/other", verifier);

		assertThat(response.statusCode()).isEqualTo(400);
	}

	@Test
	void authorizeWhenPromptNoneAndNotSignedInThenLoginRequiredAtRedirectUri() {
		String pool = this.fixtures.pool();
		String client = this.fixtures.publicClient(pool).create().clientId();

		HttpResponse<String> response = this.browser
			.get(OidcFlows.authorizeUrl(pool, client, CALLBACK, OidcFlows.verifier(), Map.of("prompt", "none")));

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(Browser.query(Browser.location(response))).containsEntry("error", "login_required")
			.containsEntry("state", "state-123")
			.containsEntry("iss", OidcFixtures.issuer(pool));
	}

	@Test
	void authorizeWhenPromptNoneAndSignedInThenCodeWithoutAnyPage() {
		String pool = this.fixtures.pool();
		String client = this.fixtures.publicClient(pool).create().clientId();
		this.flows.signIn(pool, user(pool));

		HttpResponse<String> response = this.browser
			.get(OidcFlows.authorizeUrl(pool, client, CALLBACK, OidcFlows.verifier(), Map.of("prompt", "none")));

		assertThat(Browser.query(Browser.location(response))).containsKey("code");
	}

	@Test
	void authorizeWhenPromptLoginThenSignInAgainBeforeACode() {
		String pool = this.fixtures.pool();
		String client = this.fixtures.publicClient(pool).create().clientId();
		User user = user(pool);
		this.flows.signIn(pool, user, Instant.now().minusSeconds(600).getEpochSecond());

		HttpResponse<String> authorize = this.browser
			.get(OidcFlows.authorizeUrl(pool, client, CALLBACK, OidcFlows.verifier(), Map.of("prompt", "login")));
		assertThat(Browser.location(authorize)).startsWith(OidcFixtures.issuer(pool) + "/login");
		HttpResponse<String> signedIn = this.flows.signIn(pool, user, Instant.now().plusSeconds(1).getEpochSecond());
		HttpResponse<String> back = this.browser.get(Browser.location(signedIn));

		assertThat(Browser.query(Browser.location(back))).containsKey("code");
	}

	@Test
	void authorizeWhenMaxAgeExceededThenSignInAgain() {
		String pool = this.fixtures.pool();
		String client = this.fixtures.publicClient(pool).create().clientId();
		User user = user(pool);
		this.flows.signIn(pool, user, Instant.now().minusSeconds(600).getEpochSecond());

		HttpResponse<String> stale = this.browser
			.get(OidcFlows.authorizeUrl(pool, client, CALLBACK, OidcFlows.verifier(), Map.of("max_age", "300")));
		HttpResponse<String> fresh = this.browser
			.get(OidcFlows.authorizeUrl(pool, client, CALLBACK, OidcFlows.verifier(), Map.of("max_age", "3600")));
		HttpResponse<String> invalid = this.browser
			.get(OidcFlows.authorizeUrl(pool, client, CALLBACK, OidcFlows.verifier(), Map.of("max_age", "-5")));

		assertThat(Browser.location(stale)).startsWith(OidcFixtures.issuer(pool) + "/login");
		assertThat(Browser.query(Browser.location(fresh))).containsKey("code");
		assertThat(Browser.query(Browser.location(invalid))).containsEntry("error", "invalid_request");
	}

	@Test
	void authorizeWhenSignedInToAnotherPoolThenTreatedAsNotSignedIn() {
		String pool = this.fixtures.pool();
		String otherPool = this.fixtures.pool();
		String client = this.fixtures.publicClient(pool).create().clientId();
		this.flows.signIn(otherPool, user(otherPool));

		HttpResponse<String> response = this.browser
			.get(OidcFlows.authorizeUrl(pool, client, CALLBACK, OidcFlows.verifier(), Map.of()));
		HttpResponse<String> silent = this.browser
			.get(OidcFlows.authorizeUrl(pool, client, CALLBACK, OidcFlows.verifier(), Map.of("prompt", "none")));

		assertThat(Browser.location(response)).startsWith(OidcFixtures.issuer(pool) + "/login");
		assertThat(Browser.query(Browser.location(silent))).containsEntry("error", "login_required");
	}

	@Test
	void authorizeWhenRequiredParametersMissingOrRepeatedThenErrorPage() {
		String pool = this.fixtures.pool();
		String client = this.fixtures.publicClient(pool).create().clientId();
		Map<String, String> noClient = new HashMap<>();
		noClient.put("client_id", null);

		assertErrorPage(this.browser.get(OidcFlows.authorizeUrl(pool, client, CALLBACK, OidcFlows.verifier(), noClient)));
		assertErrorPage(this.browser.get(OidcFlows.authorizeUrl(pool, client, CALLBACK, OidcFlows.verifier(), Map.of())
				+ "&client_id=" + client));
		assertErrorPage(this.browser.get(OidcFixtures.issuer(pool) + "/oauth2/authorize?request_uri=urn:x&client_id="
				+ client));
	}

	private static void assertErrorPage(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Location")).isEmpty();
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(response.body()).contains("<h1>").doesNotContain("evil.example");
	}

}
