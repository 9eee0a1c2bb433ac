package io.gatehouse.userpool.oidc;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.userpool.user.User;
import tools.jackson.databind.JsonNode;

import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/** The steps of an OpenID Connect relying party, over real HTTP, asserted hop by hop. */
final class OidcFlows {

	private final Browser browser;

	OidcFlows(Browser browser) {
		this.browser = browser;
	}

	static String verifier() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String challenge(String verifier) {
		try {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An authorization request URL with PKCE S256, state and nonce; {@code extra} adds or overrides parameters. */
	static String authorizeUrl(String poolId, String clientId, String redirectUri, String verifier,
			Map<String, String> extra) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("response_type", "code");
		parameters.put("client_id", clientId);
		parameters.put("redirect_uri", redirectUri);
		parameters.put("scope", "openid email profile");
		parameters.put("state", "state-123");
		parameters.put("nonce", "nonce-456");
		if (verifier != null) {
			parameters.put("code_challenge", challenge(verifier));
			parameters.put("code_challenge_method", "S256");
		}
		parameters.putAll(extra);
		UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(OidcFixtures.issuer(poolId) + "/oauth2/authorize");
		parameters.forEach((name, value) -> {
			if (value != null) {
				uri.queryParam(name, value);
			}
		});
		return uri.encode().build().toUriString();
	}

	HttpResponse<String> signIn(String poolId, User user) {
		return signIn(poolId, user, null);
	}

	HttpResponse<String> signIn(String poolId, User user, Long authTime) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("sub", user.sub().toString());
		form.put("username", user.username());
		if (authTime != null) {
			form.put("authTime", authTime.toString());
		}
		return this.browser.post(OidcFixtures.PUBLIC_BASE_URL + "/" + poolId + "/test-login", form);
	}

	/** Authorize → login page → sign in → back to authorize → code at the redirect URI. Returns the callback URL. */
	String authorizeWithSignIn(String poolId, User user, String clientId, String redirectUri, String verifier,
			Map<String, String> extra) {
		HttpResponse<String> authorize = this.browser.get(authorizeUrl(poolId, clientId, redirectUri, verifier, extra));
		assertThat(authorize.statusCode()).isEqualTo(302);
		assertThat(Browser.location(authorize)).startsWith(OidcFixtures.issuer(poolId) + "/login");
		HttpResponse<String> signedIn = signIn(poolId, user);
		assertThat(signedIn.statusCode()).isEqualTo(303);
		HttpResponse<String> back = this.browser.get(Browser.location(signedIn));
		assertThat(back.statusCode()).isEqualTo(302);
		String callback = Browser.location(back);
		assertThat(callback).startsWith(redirectUri + "?");
		return callback;
	}

	HttpResponse<String> token(String poolId, Map<String, String> form, String... headers) {
		return this.browser.post(OidcFixtures.issuer(poolId) + "/oauth2/token", form, headers);
	}

	HttpResponse<String> exchange(String poolId, String clientId, String code, String redirectUri, String verifier) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "authorization_code");
		form.put("client_id", clientId);
		form.put("code", code);
		form.put("redirect_uri", redirectUri);
		if (verifier != null) {
			form.put("code_verifier", verifier);
		}
		return token(poolId, form);
	}

	HttpResponse<String> refresh(String poolId, String clientId, String refreshToken) {
		return token(poolId, Map.of("grant_type", "refresh_token", "client_id", clientId, "refresh_token", refreshToken));
	}

	/** Verifies a JWT against the pool's JWKS fetched over HTTP and returns its claims. */
	JWTClaimsSet verify(String poolId, String jwt) throws Exception {
		SignedJWT signed = SignedJWT.parse(jwt);
		JWKSet keys = JWKSet.parse(this.browser.get(OidcFixtures.issuer(poolId) + "/.well-known/jwks.json").body());
		RSAKey key = (RSAKey) keys.getKeyByKeyId(signed.getHeader().getKeyID());
		assertThat(key).as("the signing key is published in the pool's JWKS").isNotNull();
		assertThat(signed.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
		assertThat(signed.verify(new RSASSAVerifier(key))).isTrue();
		return signed.getJWTClaimsSet();
	}

	static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && !value.isNull()) ? value.asString() : null;
	}

}
