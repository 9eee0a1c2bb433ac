package io.gatehouse.userpool.oidc;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Discovery and JWKS: one issuer per pool, from configuration only, advertising exactly what is supported. */
@OidcTest
class DiscoveryTest {

	@LocalServerPort
	private int port;

	private OidcFixtures fixtures;

	private Browser browser;

	@BeforeEach
	void setUp() {
		this.fixtures = new OidcFixtures(this.port);
		this.browser = new Browser(this.port);
	}

	@AfterEach
	void tearDown() {
		this.fixtures.close();
	}

	@Test
	void discoveryThenIssuerAndEndpointsAreBelowThePoolsIssuer() {
		String pool = this.fixtures.pool();
		String issuer = OidcFixtures.issuer(pool);

		HttpResponse<String> response = this.browser.get(issuer + "/.well-known/openid-configuration");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode discovery = Browser.json(response);
		assertThat(discovery.get("issuer").asString()).isEqualTo(issuer);
		assertThat(discovery.get("authorization_endpoint").asString()).isEqualTo(issuer + "/oauth2/authorize");
		assertThat(discovery.get("token_endpoint").asString()).isEqualTo(issuer + "/oauth2/token");
		assertThat(discovery.get("userinfo_endpoint").asString()).isEqualTo(issuer + "/oauth2/userInfo");
		assertThat(discovery.get("jwks_uri").asString()).isEqualTo(issuer + "/.well-known/jwks.json");
		assertThat(discovery.get("revocation_endpoint").asString()).isEqualTo(issuer + "/oauth2/revoke");
		assertThat(discovery.get("introspection_endpoint").asString()).isEqualTo(issuer + "/oauth2/introspect");
		assertThat(discovery.get("end_session_endpoint").asString()).isEqualTo(issuer + "/logout");
		assertThat(strings(discovery.get("response_types_supported"))).containsExactly("code");
		assertThat(strings(discovery.get("grant_types_supported")))
			.containsExactlyInAnyOrder("authorization_code", "refresh_token", "client_credentials");
		assertThat(strings(discovery.get("code_challenge_methods_supported"))).containsExactly("S256");
		assertThat(discovery.get("authorization_response_iss_parameter_supported").asBoolean()).isTrue();
		assertThat(strings(discovery.get("token_endpoint_auth_methods_supported")))
			.containsExactlyInAnyOrder("client_secret_basic", "client_secret_post", "none");
		assertThat(strings(discovery.get("id_token_signing_alg_values_supported"))).containsExactly("RS256");
		assertThat(discovery.has("dpop_signing_alg_values_supported")).isFalse();
		assertThat(discovery.has("tls_client_certificate_bound_access_tokens")).isFalse();
	}

	@Test
	void discoveryWhenHostHeaderForgedThenIssuerStillFromConfiguration() {
		String pool = this.fixtures.pool();

		HttpResponse<String> response = this.browser.get(
				"http://localhost:" + this.port + "/" + pool + "/.well-known/openid-configuration", "X-Forwarded-Host",
				"evil.example", "Forwarded", "host=evil.example;proto=https");

		assertThat(Browser.json(response).get("issuer").asString()).isEqualTo(OidcFixtures.issuer(pool));
		assertThat(response.body()).doesNotContain("evil.example").doesNotContain("localhost");
	}

	@Test
	void discoveryWhenPoolUnknownThenNotFound() {
		HttpResponse<String> response = this.browser
			.get(OidcFixtures.issuer("local-1_NoSuchPoo") + "/.well-known/openid-configuration");

		assertThat(response.statusCode()).isEqualTo(404);
	}

	@Test
	void discoveryWhenPathIsNotAPoolThenNotFoundOrDenied() {
		HttpResponse<String> response = this.browser.get(OidcFixtures.PUBLIC_BASE_URL + "/.well-known/openid-configuration");

		assertThat(response.statusCode()).isIn(403, 404);
	}

	@Test
	void jwksThenEachPoolPublishesItsOwnCurrentAndNextKeys() throws Exception {
		String poolA = this.fixtures.pool();
		String poolB = this.fixtures.pool();

		JWKSet keysA = JWKSet.parse(this.browser.get(OidcFixtures.issuer(poolA) + "/.well-known/jwks.json").body());
		JWKSet keysB = JWKSet.parse(this.browser.get(OidcFixtures.issuer(poolB) + "/.well-known/jwks.json").body());

		assertThat(keysA.getKeys()).hasSize(2);
		assertThat(keysA.getKeys()).allSatisfy((key) -> {
			assertThat(key.isPrivate()).isFalse();
			assertThat(key.getKeyType().getValue()).isEqualTo("RSA");
			assertThat(key.toRSAKey().size()).isGreaterThanOrEqualTo(2048);
		});
		assertThat(keysA.getKeys()).extracting((key) -> key.getKeyID())
			.doesNotContainAnyElementsOf(keysB.getKeys().stream().map((key) -> key.getKeyID()).toList());
	}

	@Test
	void jwksWhenPoolUnknownThenNotFound() {
		assertThat(this.browser.get(OidcFixtures.issuer("local-1_NoSuchPoo") + "/.well-known/jwks.json").statusCode())
			.isEqualTo(404);
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((node) -> values.add(node.asString()));
		return values;
	}

}
