package io.gatehouse.userpool.oidc;

import java.net.http.HttpResponse;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.userpool.signing.SigningKeys;
import io.gatehouse.userpool.user.User;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Two pools share nothing usable; keys rotate without breaking a token; client credentials for machines. */
@OidcTest
class PoolIsolationAndKeyRotationTest extends OidcTestSupport {

	@Autowired
	private SigningKeys signingKeys;

	@Test
	void tokensCodesKeysAndClientsOfOnePoolAreUselessAtAnother() throws Exception {
		String poolA = this.fixtures.pool();
		String poolB = this.fixtures.pool();
		String clientA = this.fixtures.publicClient(poolA).create().clientId();
		User userA = user(poolA);
		JsonNode tokensA = tokens(poolA, userA, clientA);
		String verifier = OidcFlows.verifier();
		HttpResponse<String> signedIn = this.browser
			.get(OidcFlows.authorizeUrl(poolA, clientA, CALLBACK, verifier, Map.of()));
		String code = Browser.query(Browser.location(signedIn)).get("code");

		assertThat(this.flows.exchange(poolB, clientA, code, CALLBACK, verifier).statusCode()).isIn(400, 401);
		assertThat(this.flows.refresh(poolB, clientA, OidcFlows.text(tokensA, "refresh_token")).statusCode()).isIn(400,
				401);
		assertThat(this.browser.get(OidcFixtures.issuer(poolB) + "/oauth2/userInfo", "Authorization",
				"Bearer " + OidcFlows.text(tokensA, "access_token")).statusCode()).isEqualTo(401);
		JWKSet keysB = JWKSet.parse(this.browser.get(OidcFixtures.issuer(poolB) + "/.well-known/jwks.json").body());
		assertThat(keysB.getKeyByKeyId(SignedJWT.parse(OidcFlows.text(tokensA, "id_token")).getHeader().getKeyID()))
			.isNull();
		assertThat(this.flows.exchange(poolA, clientA, code, CALLBACK, verifier).statusCode())
			.as("the attempt at the other pool did not spend the code")
			.isEqualTo(200);
	}

	@Test
	void introspectionAtAnotherPoolThenTokenUnknown() {
		String poolA = this.fixtures.pool();
		String poolB = this.fixtures.pool();
		String clientA = this.fixtures.publicClient(poolA).create().clientId();
		UserPoolClientType clientB = this.fixtures.confidentialClient(poolB).create();
		String access = OidcFlows.text(tokens(poolA, user(poolA), clientA), "access_token");

		HttpResponse<String> response = this.browser.post(OidcFixtures.issuer(poolB) + "/oauth2/introspect",
				Map.of("token", access), "Authorization", Browser.basic(clientB.clientId(), clientB.clientSecret()));

		assertThat(Browser.json(response).get("active").asBoolean()).isFalse();
	}

	@Test
	void rotateThenOldTokensStillVerifyAndNewTokensUseTheNextKey() throws Exception {
		String pool = this.fixtures.pool();
		String client = this.fixtures.publicClient(pool).create().clientId();
		User user = user(pool);
		JsonNode before = tokens(pool, user, client);
		String oldKid = SignedJWT.parse(OidcFlows.text(before, "id_token")).getHeader().getKeyID();
		JWKSet published = JWKSet.parse(this.browser.get(OidcFixtures.issuer(pool) + "/.well-known/jwks.json").body());
		String nextKid = published.getKeys().stream().map((key) -> key.getKeyID()).filter((kid) -> !kid.equals(oldKid))
			.findFirst().orElseThrow();

		String newKid = this.signingKeys.rotate(pool);
		JsonNode after = Browser.json(this.flows.refresh(pool, client, OidcFlows.text(before, "refresh_token")));

		assertThat(newKid).as("the key published as next before the rotation signs now").isEqualTo(nextKid);
		assertThat(SignedJWT.parse(OidcFlows.text(after, "access_token")).getHeader().getKeyID()).isEqualTo(newKid);
		this.flows.verify(pool, OidcFlows.text(before, "id_token"));
		this.flows.verify(pool, OidcFlows.text(before, "access_token"));
		this.flows.verify(pool, OidcFlows.text(after, "id_token"));
		JWKSet afterRotation = JWKSet.parse(this.browser.get(OidcFixtures.issuer(pool) + "/.well-known/jwks.json").body());
		assertThat(afterRotation.getKeys()).hasSize(3);
		assertThat(afterRotation.getKeyByKeyId(oldKid)).as("the retired key stays published").isNotNull();
	}

	@Test
	void clientCredentialsThenAccessTokenForTheClientWithoutUserClaims() throws Exception {
		String pool = this.fixtures.pool();
		UserPoolClientType client = this.fixtures.confidentialClient(pool)
			.flows(OAuthFlowType.CLIENT_CREDENTIALS)
			.scopes("orders/read", "orders/write")
			.callbacks()
			.create();
		String basic = Browser.basic(client.clientId(), client.clientSecret());

		HttpResponse<String> response = this.flows.token(pool,
				Map.of("grant_type", "client_credentials", "scope", "orders/read"), "Authorization", basic);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode tokens = Browser.json(response);
		assertThat(tokens.has("refresh_token")).isFalse();
		assertThat(tokens.has("id_token")).isFalse();
		var claims = this.flows.verify(pool, OidcFlows.text(tokens, "access_token"));
		assertThat(claims.getSubject()).isEqualTo(client.clientId());
		assertThat(claims.getStringClaim("client_id")).isEqualTo(client.clientId());
		assertThat(claims.getStringClaim("token_use")).isEqualTo("access");
		assertThat(claims.getStringClaim("scope")).isEqualTo("orders/read");
		assertThat(claims.getClaims()).doesNotContainKeys("username", "auth_time", "aud");
	}

	@Test
	void clientCredentialsWhenOpenIdScopeOrNotAllowedOrPublicThenRefused() {
		String pool = this.fixtures.pool();
		UserPoolClientType machine = this.fixtures.confidentialClient(pool)
			.flows(OAuthFlowType.CLIENT_CREDENTIALS)
			.scopes("orders/read")
			.callbacks()
			.create();
		UserPoolClientType webApp = this.fixtures.confidentialClient(pool).create();
		String publicClient = this.fixtures.publicClient(pool).create().clientId();

		HttpResponse<String> openid = this.flows.token(pool, Map.of("grant_type", "client_credentials", "scope",
				"openid"), "Authorization", Browser.basic(machine.clientId(), machine.clientSecret()));
		HttpResponse<String> notAllowed = this.flows.token(pool, Map.of("grant_type", "client_credentials"),
				"Authorization", Browser.basic(webApp.clientId(), webApp.clientSecret()));
		HttpResponse<String> anonymous = this.flows.token(pool,
				Map.of("grant_type", "client_credentials", "client_id", publicClient));

		assertThat(OidcFlows.text(Browser.json(openid), "error")).isEqualTo("invalid_scope");
		assertThat(OidcFlows.text(Browser.json(notAllowed), "error")).isEqualTo("unauthorized_client");
		assertThat(anonymous.statusCode()).isIn(400, 401);
		assertThat(anonymous.body()).doesNotContain("access_token");
	}

}
