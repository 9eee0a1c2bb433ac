package io.gatehouse.userpool.oidc;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.gatehouse.userpool.user.User;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import software.amazon.awssdk.services.cognitoidentityprovider.model.FeatureType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

import static org.assertj.core.api.Assertions.assertThat;

/** Refresh rotation and replay, revocation, introspection, userinfo and end-session on the same records. */
@OidcTest
class TokenLifecycleTest extends OidcTestSupport {

	@Test
	void refreshThenRotatesAndReturnsNewTokens() throws Exception {
		String pool = this.fixtures.pool();
		String client = this.fixtures.publicClient(pool).create().clientId();
		User user = user(pool);
		JsonNode first = tokens(pool, user, client);

		HttpResponse<String> response = this.flows.refresh(pool, client, OidcFlows.text(first, "refresh_token"));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode second = Browser.json(response);
		assertThat(OidcFlows.text(second, "refresh_token")).isNotEqualTo(OidcFlows.text(first, "refresh_token"));
		var id = this.flows.verify(pool, OidcFlows.text(second, "id_token"));
		var firstId = this.flows.verify(pool, OidcFlows.text(first, "id_token"));
		assertThat(id.getStringClaim("origin_jti")).isEqualTo(firstId.getStringClaim("origin_jti"));
		assertThat(id.getLongClaim("auth_time")).isEqualTo(firstId.getLongClaim("auth_time"));
		assertThat(id.getStringClaim("token_use")).isEqualTo("id");
		assertThat(this.flows.refresh(pool, client, OidcFlows.text(second, "refresh_token")).statusCode()).isEqualTo(200);
	}

	@Test
	void refreshWhenRotatedTokenReplayedThenWholeFamilyRevoked() {
		String pool = this.fixtures.pool();
		String client = this.fixtures.publicClient(pool).create().clientId();
		JsonNode first = tokens(pool, user(pool), client);
		String original = OidcFlows.text(first, "refresh_token");
		JsonNode second = Browser.json(this.flows.refresh(pool, client, original));

		HttpResponse<String> replay = this.flows.refresh(pool, client, original);

		assertThat(replay.statusCode()).isEqualTo(400);
		assertThat(OidcFlows.text(Browser.json(replay), "error")).isEqualTo("invalid_grant");
		assertThat(this.flows.refresh(pool, client, OidcFlows.text(second, "refresh_token")).statusCode())
			.as("the descendant of the replayed token is revoked too")
			.isEqualTo(400);
	}

	@Test
	void refreshWhenClientDoesNotRotateThenNoRefreshTokenIsReturnedAndTheSameOneRefreshesAgain() throws Exception {
		String pool = this.fixtures.pool();
		String client = this.fixtures.publicClient(pool).refreshTokenRotation(FeatureType.DISABLED, null).create().clientId();
		JsonNode first = tokens(pool, user(pool), client);
		String refresh = OidcFlows.text(first, "refresh_token");

		for (int i = 0; i < 3; i++) {
			HttpResponse<String> response = this.flows.refresh(pool, client, refresh);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			JsonNode refreshed = Browser.json(response);
			assertThat(refreshed.has("refresh_token")).as("no refresh token, as Cognito answers").isFalse();
			assertThat(OidcFlows.text(refreshed, "access_token")).isNotEqualTo(OidcFlows.text(first, "access_token"));
			assertThat(this.flows.verify(pool, OidcFlows.text(refreshed, "id_token")).getStringClaim("token_use"))
				.isEqualTo("id");
		}

		HttpResponse<String> revoked = this.browser.post(OidcFixtures.issuer(pool) + "/oauth2/revoke",
				Map.of("token", refresh, "token_type_hint", "refresh_token", "client_id", client));
		assertThat(revoked.statusCode()).isEqualTo(200);
		assertThat(this.flows.refresh(pool, client, refresh).statusCode()).isEqualTo(400);
	}

	@Test
	void refreshWhenPresentedConcurrentlyThenExactlyOneSucceeds() throws Exception {
		String pool = this.fixtures.pool();
		String client = this.fixtures.publicClient(pool).create().clientId();
		String refresh = OidcFlows.text(tokens(pool, user(pool), client), "refresh_token");
		int parallel = 8;
		ExecutorService executor = Executors.newFixedThreadPool(parallel);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < parallel; i++) {
				Callable<Integer> attempt = () -> {
					start.await();
					return new Browser(this.port)
						.post(OidcFixtures.issuer(pool) + "/oauth2/token",
								Map.of("grant_type", "refresh_token", "client_id", client, "refresh_token", refresh))
						.statusCode();
				};
				results.add(executor.submit(attempt));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : results) {
				statuses.add(result.get());
			}
			assertThat(statuses).filteredOn((status) -> status == 200).hasSize(1);
			assertThat(statuses).filteredOn((status) -> status != 200).allMatch((status) -> status == 400);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void refreshWhenUserDisabledOrDeletedThenRefused() {
		String pool = this.fixtures.pool();
		String client = this.fixtures.publicClient(pool).create().clientId();
		User disabled = user(pool);
		User deleted = user(pool);
		String disabledRefresh = OidcFlows.text(tokens(pool, disabled, client), "refresh_token");
		this.browser = new Browser(this.port);
		this.flows = new OidcFlows(this.browser);
		String deletedRefresh = OidcFlows.text(tokens(pool, deleted, client), "refresh_token");

		this.users.setEnabled(pool, disabled.sub(), false);
		this.users.delete(pool, deleted.sub());

		assertThat(this.flows.refresh(pool, client, disabledRefresh).statusCode()).isEqualTo(400);
		assertThat(this.flows.refresh(pool, client, deletedRefresh).statusCode()).isEqualTo(400);
	}

	@Test
	void refreshWhenTokenUnknownOrOfAnotherClientThenInvalidGrant() {
		String pool = this.fixtures.pool();
		String client = this.fixtures.publicClient(pool).create().clientId();
		String other = this.fixtures.publicClient(pool).create().clientId();
		String refresh = OidcFlows.text(tokens(pool, user(pool), client), "refresh_token");

		assertThat(this.flows.refresh(pool, client, "not-a-token").statusCode()).isEqualTo(400);
		assertThat(this.flows.refresh(pool, other, refresh).statusCode()).isEqualTo(400);
		assertThat(this.flows.refresh(pool, client, refresh).statusCode()).as("a stranger's attempt is not a use")
			.isEqualTo(200);
	}

	@Test
	void revokeThenRefreshTokenAndItsAccessTokenAreDead() {
		String pool = this.fixtures.pool();
		UserPoolClientType client = this.fixtures.confidentialClient(pool).create();
		String basic = Browser.basic(client.clientId(), client.clientSecret());
		JsonNode tokens = confidentialTokens(pool, client);

		HttpResponse<String> revoked = this.browser.post(OidcFixtures.issuer(pool) + "/oauth2/revoke",
				Map.of("token", OidcFlows.text(tokens, "refresh_token"), "token_type_hint", "refresh_token"),
				"Authorization", basic);

		assertThat(revoked.statusCode()).isEqualTo(200);
		assertThat(this.flows.token(pool, Map.of("grant_type", "refresh_token", "refresh_token",
				OidcFlows.text(tokens, "refresh_token")), "Authorization", basic).statusCode()).isEqualTo(400);
		assertThat(introspect(pool, basic, OidcFlows.text(tokens, "access_token")).get("active").asBoolean()).isFalse();
	}

	@Test
	void revokeWhenPublicClientThenByClientIdAlone() {
		String pool = this.fixtures.pool();
		String client = this.fixtures.publicClient(pool).create().clientId();
		String refresh = OidcFlows.text(tokens(pool, user(pool), client), "refresh_token");

		HttpResponse<String> revoked = this.browser.post(OidcFixtures.issuer(pool) + "/oauth2/revoke",
				Map.of("token", refresh, "client_id", client));

		assertThat(revoked.statusCode()).isEqualTo(200);
		assertThat(this.flows.refresh(pool, client, refresh).statusCode()).isEqualTo(400);
	}

	@Test
	void revokeWhenNoTokenThenBadRequestAndWhenOtherClientsTokenThenRefused() {
		String pool = this.fixtures.pool();
		String client = this.fixtures.publicClient(pool).create().clientId();
		String other = this.fixtures.publicClient(pool).create().clientId();
		String refresh = OidcFlows.text(tokens(pool, user(pool), client), "refresh_token");

		HttpResponse<String> noToken = this.browser.post(OidcFixtures.issuer(pool) + "/oauth2/revoke",
				Map.of("client_id", client));
		HttpResponse<String> stranger = this.browser.post(OidcFixtures.issuer(pool) + "/oauth2/revoke",
				Map.of("token", refresh, "client_id", other));
		HttpResponse<String> anonymous = this.browser.post(OidcFixtures.issuer(pool) + "/oauth2/revoke",
				Map.of("token", refresh));

		assertThat(noToken.statusCode()).isEqualTo(400);
		assertThat(stranger.statusCode()).isIn(400, 401);
		assertThat(anonymous.statusCode()).isIn(400, 401);
		assertThat(this.flows.refresh(pool, client, refresh).statusCode()).isEqualTo(200);
	}

	@Test
	void introspectThenActiveTokenShowsCognitoClaims() {
		String pool = this.fixtures.pool();
		UserPoolClientType client = this.fixtures.confidentialClient(pool).create();
		String basic = Browser.basic(client.clientId(), client.clientSecret());
		JsonNode tokens = confidentialTokens(pool, client);

		JsonNode access = introspect(pool, basic, OidcFlows.text(tokens, "access_token"));
		JsonNode refresh = introspect(pool, basic, OidcFlows.text(tokens, "refresh_token"));

		assertThat(access.get("active").asBoolean()).isTrue();
		assertThat(OidcFlows.text(access, "client_id")).isEqualTo(client.clientId());
		assertThat(OidcFlows.text(access, "token_use")).isEqualTo("access");
		assertThat(OidcFlows.text(access, "iss")).isEqualTo(OidcFixtures.issuer(pool));
		assertThat(access.get("exp").isNumber()).isTrue();
		assertThat(refresh.get("active").asBoolean()).isTrue();
		assertThat(introspect(pool, basic, "garbage").get("active").asBoolean()).isFalse();
	}

	@Test
	void introspectWhenNotAuthenticatedOrPublicClientThenUnauthorized() {
		String pool = this.fixtures.pool();
		String publicClient = this.fixtures.publicClient(pool).create().clientId();
		String access = OidcFlows.text(tokens(pool, user(pool), publicClient), "access_token");

		HttpResponse<String> anonymous = this.browser.post(OidcFixtures.issuer(pool) + "/oauth2/introspect",
				Map.of("token", access));
		HttpResponse<String> byPublicClient = this.browser.post(OidcFixtures.issuer(pool) + "/oauth2/introspect",
				Map.of("token", access, "client_id", publicClient));

		assertThat(anonymous.statusCode()).isIn(400, 401);
		assertThat(anonymous.body()).doesNotContain("active");
		assertThat(byPublicClient.statusCode()).isIn(400, 401);
		assertThat(byPublicClient.body()).doesNotContain("active");
	}

	@Test
	void introspectWhenNoTokenThenBadRequest() {
		String pool = this.fixtures.pool();
		UserPoolClientType client = this.fixtures.confidentialClient(pool).create();

		HttpResponse<String> response = this.browser.post(OidcFixtures.issuer(pool) + "/oauth2/introspect", Map.of(),
				"Authorization", Browser.basic(client.clientId(), client.clientSecret()));

		assertThat(response.statusCode()).isEqualTo(400);
	}

	@Test
	void userInfoThenUsersCurrentAttributesForTheTokensScopes() {
		String pool = this.fixtures.pool();
		String client = this.fixtures.publicClient(pool).create().clientId();
		User user = user(pool);
		String access = OidcFlows.text(tokens(pool, user, client, Map.of("scope", "openid email")), "access_token");

		HttpResponse<String> response = this.browser.get(OidcFixtures.issuer(pool) + "/oauth2/userInfo",
				"Authorization", "Bearer " + access);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode info = Browser.json(response);
		assertThat(OidcFlows.text(info, "sub")).isEqualTo(user.sub().toString());
		assertThat(OidcFlows.text(info, "email")).isEqualTo(user.email().orElseThrow());
		assertThat(info.get("email_verified").asBoolean()).isTrue();
		assertThat(OidcFlows.text(info, "username")).isEqualTo(user.username());
		assertThat(info.has("name")).isFalse();
		assertThat(info.has("phone_number")).isFalse();
	}

	@Test
	void userInfoWhenNoTokenBadTokenIdTokenOrRevokedThenUnauthorized() {
		String pool = this.fixtures.pool();
		String client = this.fixtures.publicClient(pool).create().clientId();
		JsonNode tokens = tokens(pool, user(pool), client);
		String userInfo = OidcFixtures.issuer(pool) + "/oauth2/userInfo";

		assertThat(this.browser.get(userInfo).statusCode()).isEqualTo(401);
		assertThat(this.browser.get(userInfo, "Authorization", "Bearer not.a.jwt").statusCode()).isEqualTo(401);
		assertThat(this.browser.get(userInfo, "Authorization", "Bearer " + OidcFlows.text(tokens, "id_token"))
			.statusCode()).isEqualTo(401);
		this.browser.post(OidcFixtures.issuer(pool) + "/oauth2/revoke",
				Map.of("token", OidcFlows.text(tokens, "refresh_token"), "client_id", client));
		assertThat(this.browser.get(userInfo, "Authorization", "Bearer " + OidcFlows.text(tokens, "access_token"))
			.statusCode()).isIn(401, 403);
	}

	@Test
	void endSessionThenSessionEndsTokensRevokedAndBrowserReturnsToRegisteredLogoutUrl() {
		String pool = this.fixtures.pool();
		String client = this.fixtures.publicClient(pool).logoutUrls("https://app.example/bye").create().clientId();
		JsonNode tokens = tokens(pool, user(pool), client);

		HttpResponse<String> logout = this.browser.get(OidcFixtures.issuer(pool) + "/logout?id_token_hint="
				+ OidcFlows.text(tokens, "id_token") + "&post_logout_redirect_uri=https://app.example/bye&state=s1&client_id="
				+ client);

		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(Browser.location(logout)).isEqualTo("https://app.example/bye?state=s1");
		assertThat(this.flows.refresh(pool, client, OidcFlows.text(tokens, "refresh_token")).statusCode()).isEqualTo(400);
		HttpResponse<String> authorize = this.browser
			.get(OidcFlows.authorizeUrl(pool, client, CALLBACK, OidcFlows.verifier(), Map.of()));
		assertThat(Browser.location(authorize)).as("signed out: the next authorization asks to sign in")
			.startsWith(OidcFixtures.issuer(pool) + "/login");
	}

	@Test
	void endSessionWhenHintUnknownOrLogoutUrlNotRegisteredThenErrorPageWithoutRedirect() {
		String pool = this.fixtures.pool();
		String client = this.fixtures.publicClient(pool).logoutUrls("https://app.example/bye").create().clientId();
		JsonNode tokens = tokens(pool, user(pool), client);

		HttpResponse<String> unknownHint = this.browser
			.get(OidcFixtures.issuer(pool) + "/logout?id_token_hint=abc.def.ghi&post_logout_redirect_uri=https://app.example/bye");
		HttpResponse<String> unregistered = this.browser.get(OidcFixtures.issuer(pool) + "/logout?id_token_hint="
				+ OidcFlows.text(tokens, "id_token") + "&post_logout_redirect_uri=https://evil.example/bye");

		assertThat(unknownHint.statusCode()).isEqualTo(400);
		assertThat(unknownHint.headers().firstValue("Location")).isEmpty();
		assertThat(unregistered.statusCode()).isEqualTo(400);
		assertThat(unregistered.headers().firstValue("Location")).isEmpty();
		assertThat(unregistered.body()).doesNotContain("evil.example");
	}

	private JsonNode confidentialTokens(String pool, UserPoolClientType client) {
		String callback = this.flows.authorizeWithSignIn(pool, user(pool), client.clientId(), CALLBACK, null, Map.of());
		HttpResponse<String> response = this.flows.token(pool, Map.of("grant_type", "authorization_code", "code",
				Browser.query(callback).get("code"), "redirect_uri", CALLBACK), "Authorization",
				Browser.basic(client.clientId(), client.clientSecret()));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Browser.json(response);
	}

	private JsonNode introspect(String pool, String basic, String token) {
		HttpResponse<String> response = this.browser.post(OidcFixtures.issuer(pool) + "/oauth2/introspect",
				Map.of("token", token), "Authorization", basic);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Browser.json(response);
	}

}
