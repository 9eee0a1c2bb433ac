package io.gatehouse.userpool.hostedui;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.gatehouse.userpool.TestOutbox;
import io.gatehouse.userpool.TestPools;
import io.gatehouse.userpool.client.AppClientService;
import io.gatehouse.userpool.pool.UserPool;
import io.gatehouse.userpool.pool.UserPoolService;
import io.gatehouse.userpool.user.TestUsers;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole product as an application sees it: a certified-style OpenID Connect relying party (the Nimbus
 * OAuth 2.0 SDK) discovers a pool's issuer and signs a new user in through the hosted pages, driven by a
 * browser engine: sign-up, the mailed code, confirmation, sign-in, then the tokens (ID token checked with the
 * pool's JWKS, {@code iss}, {@code aud}, {@code nonce}), userinfo, refresh rotation, replay detection,
 * revocation and end-session. The service runs on a port fixed before start so that its public base URL, and
 * so every issuer and endpoint, is the address the relying party really reaches.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = { "gatehouse.data.directory=" + OidcRelyingPartyEndToEndTest.DATA_DIRECTORY,
				"management.server.port=-1", "gatehouse.demo.enabled=true" })
@EnabledIf(value = "providerPresent", disabledReason = "the OpenID Provider (feature/oidc) is not in this build yet")
class OidcRelyingPartyEndToEndTest {

	static final String DATA_DIRECTORY = "target/oidc-e2e-test-data";

	private static final int PORT = freePort();

	private static final String BASE = "http://localhost:" + PORT;

	private final TestOutbox outbox = new TestOutbox(DATA_DIRECTORY);

	@Autowired
	private UserPoolService pools;

	@Autowired
	private AppClientService clients;

	@DynamicPropertySource
	static void publicBaseUrl(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("gatehouse.public-base-url", () -> BASE);
	}

	@Test
	void relyingPartySignsUpAndInThroughHostedPagesThenUsesRefreshesRevokesAndEndsSession() throws Exception {
		UserPool pool = TestPools.named("e2e").create(this.pools);
		URI callback = URI.create(BASE + "/rp/callback");
		URI signedOut = URI.create(BASE + "/rp/signed-out");
		ClientID clientId = new ClientID(TestPools.client(this.clients, pool.id(),
				"{\"AllowedOAuthFlowsUserPoolClient\":true,\"AllowedOAuthFlows\":[\"code\"],"
						+ "\"AllowedOAuthScopes\":[\"openid\",\"email\",\"profile\"],\"SupportedIdentityProviders\":[\"COGNITO\"],"
						+ "\"CallbackURLs\":[\"" + callback + "\"],\"LogoutURLs\":[\"" + signedOut + "\"],"
						+ "\"RefreshTokenRotation\":{\"Feature\":\"ENABLED\",\"RetryGracePeriodSeconds\":0}}")
			.clientId());

		// Discovery: the relying party knows only the issuer.
		Issuer issuer = new Issuer(BASE + "/" + pool.id());
		OIDCProviderMetadata provider = OIDCProviderMetadata.resolve(issuer);
		assertThat(provider.getIssuer()).isEqualTo(issuer);

		try (Browser browser = new Browser(BASE)) {
			// Authorization request with PKCE (S256), state and nonce; the user has no account yet.
			State state = new State();
			Nonce nonce = new Nonce();
			CodeVerifier verifier = new CodeVerifier();
			HtmlPage login = browser.open(authorizationRequest(provider, clientId, callback, state, nonce, verifier, null)
				.toString());
			assertThat(login.getUrl().getPath()).isEqualTo("/" + pool.id() + "/login");
			assertThat(login.asNormalizedText()).contains(pool.name());

			HtmlPage signUp = login.<HtmlAnchor>getFirstByXPath("//a[text()='Create an account']").click();
			String email = "rp-" + UUID.randomUUID() + "@example.com";
			Browser.fill(signUp, "Username", "rita");
			Browser.fill(signUp, "Email", email);
			Browser.fill(signUp, "Password", TestUsers.PASSWORD);
			HtmlPage confirm = Browser.submit(signUp);
			Browser.fill(confirm, "Confirmation code", this.outbox.latestCodeTo(email));
			HtmlPage signIn = Browser.submit(confirm);
			Browser.fill(signIn, "Password", TestUsers.PASSWORD);
			Page landed = Browser.press(signIn);

			// Back at the application with a code, the state and the issuer (RFC 9207).
			AuthorizationSuccessResponse authorized = AuthorizationResponse.parse(landed.getUrl().toURI())
				.toSuccessResponse();
			assertThat(authorized.getState()).isEqualTo(state);
			assertThat(authorized.getIssuer()).isEqualTo(issuer);
			Tokens tokens = exchange(provider, clientId, authorized.getAuthorizationCode(), callback, verifier);

			// The ID token: signature by a key from the pool's JWKS, iss, aud, exp, nonce.
			IDTokenValidator validator = new IDTokenValidator(issuer, clientId, JWSAlgorithm.RS256,
					provider.getJWKSetURI().toURL());
			IDTokenClaimsSet claims = validator.validate(tokens.toOIDCTokens().getIDToken(), nonce);
			assertThat(claims.getAudience()).extracting(Object::toString).containsExactly(clientId.getValue());
			assertThat(claims.getStringClaim("cognito:username")).isEqualTo("rita");
			assertThat(claims.getStringClaim("email")).isEqualTo(email);
			assertThat(claims.getStringClaim("token_use")).isEqualTo("id");

			// Userinfo with the access token.
			UserInfo userInfo = UserInfoResponse.parse(new UserInfoRequest(provider.getUserInfoEndpointURI(),
					tokens.getBearerAccessToken()).toHTTPRequest().send()).toSuccessResponse().getUserInfo();
			assertThat(userInfo.getSubject()).isEqualTo(claims.getSubject());
			assertThat(userInfo.getEmailAddress()).isEqualTo(email);

			// Refresh rotation; a replay of the rotated token kills the whole family.
			RefreshToken first = tokens.getRefreshToken();
			Tokens refreshed = parse(tokenRequest(provider, clientId, new RefreshTokenGrant(first))).toSuccessResponse()
				.getTokens();
			RefreshToken second = refreshed.getRefreshToken();
			assertThat(second).isNotNull().isNotEqualTo(first);
			assertThat(error(tokenRequest(provider, clientId, new RefreshTokenGrant(first))).getCode())
				.isEqualTo("invalid_grant");
			assertThat(error(tokenRequest(provider, clientId, new RefreshTokenGrant(second))).getCode())
				.isEqualTo("invalid_grant");

			// Still signed in at the pool: a new request is answered at once, even with prompt=none.
			State againState = new State();
			Nonce againNonce = new Nonce();
			CodeVerifier againVerifier = new CodeVerifier();
			Page silent = browser.get(authorizationRequest(provider, clientId, callback, againState, againNonce,
					againVerifier, new Prompt(Prompt.Type.NONE)).toString());
			AuthorizationSuccessResponse silently = AuthorizationResponse.parse(silent.getUrl().toURI()).toSuccessResponse();
			assertThat(silently.getState()).isEqualTo(againState);
			Tokens later = exchange(provider, clientId, silently.getAuthorizationCode(), callback, againVerifier);
			assertThat(validator.validate(later.toOIDCTokens().getIDToken(), againNonce).getSubject())
				.isEqualTo(claims.getSubject());

			// Revocation of the refresh token: it no longer refreshes.
			HTTPResponse revoked = new TokenRevocationRequest(provider.getRevocationEndpointURI(), clientId,
					later.getRefreshToken()).toHTTPRequest().send();
			assertThat(revoked.getStatusCode()).isEqualTo(200);
			assertThat(error(tokenRequest(provider, clientId, new RefreshTokenGrant(later.getRefreshToken()))).getCode())
				.isEqualTo("invalid_grant");

			// End-session: back to the application's registered address, and signed out at the pool.
			State logoutState = new State();
			Page afterLogout = browser.get(new LogoutRequest(provider.getEndSessionEndpointURI(),
					later.toOIDCTokens().getIDToken(), signedOut, logoutState).toURI().toString());
			assertThat(afterLogout.getUrl().getPath()).isEqualTo(signedOut.getPath());
			assertThat(afterLogout.getUrl().getQuery()).isEqualTo("state=" + logoutState.getValue());
			Page afterwards = browser.get(authorizationRequest(provider, clientId, callback, new State(), new Nonce(),
					new CodeVerifier(), new Prompt(Prompt.Type.NONE)).toString());
			assertThat(AuthorizationResponse.parse(afterwards.getUrl().toURI()).toErrorResponse().getErrorObject().getCode())
				.isEqualTo("login_required");
		}
	}

	@Test
	void demoAppSignsANewUserUpAndInAndShowsTheTokens() throws Exception {
		try (Browser browser = new Browser(BASE)) {
			HtmlPage demo = browser.open("/demo");
			HtmlPage login = demo.<HtmlAnchor>getFirstByXPath("//a[text()='Sign in with Gatehouse']").click();
			assertThat(login.asNormalizedText()).contains("Gatehouse demo").contains("Sign in");

			HtmlPage signUp = login.<HtmlAnchor>getFirstByXPath("//a[text()='Create an account']").click();
			String email = "demo-" + UUID.randomUUID() + "@example.com";
			Browser.fill(signUp, "Email", email);
			Browser.fill(signUp, "Password", TestUsers.PASSWORD);
			HtmlPage confirm = Browser.submit(signUp);
			Browser.fill(confirm, "Confirmation code", this.outbox.latestCodeTo(email));
			HtmlPage signIn = Browser.submit(confirm);
			Browser.fill(signIn, "Password", TestUsers.PASSWORD);
			HtmlPage tokens = Browser.submit(signIn);

			assertThat(tokens.getUrl().getPath()).isEqualTo("/demo/callback");
			assertThat(tokens.asNormalizedText()).contains("You are signed in")
				.contains("ID token")
				.contains("\"email\" : \"" + email + "\"")
				.contains("\"token_use\" : \"access\"");
		}
	}

	static boolean providerPresent() {
		try {
			Class.forName("io.gatehouse.userpool.config.AuthorizationServerConfig");
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

	private static URI authorizationRequest(OIDCProviderMetadata provider, ClientID clientId, URI callback, State state,
			Nonce nonce, CodeVerifier verifier, Prompt prompt) {
		AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(new ResponseType("code"),
				new Scope("openid", "email", "profile"), clientId, callback)
			.endpointURI(provider.getAuthorizationEndpointURI())
			.state(state)
			.nonce(nonce)
			.codeChallenge(verifier, CodeChallengeMethod.S256);
		if (prompt != null) {
			request.prompt(prompt);
		}
		return request.build().toURI();
	}

	private static Tokens exchange(OIDCProviderMetadata provider, ClientID clientId, AuthorizationCode code, URI callback,
			CodeVerifier verifier) throws Exception {
		TokenResponse response = parse(tokenRequest(provider, clientId, new AuthorizationCodeGrant(code, callback, verifier)));
		assertThat(response.indicatesSuccess()).as(String.valueOf(response)).isTrue();
		return response.toSuccessResponse().getTokens();
	}

	private static TokenRequest tokenRequest(OIDCProviderMetadata provider, ClientID clientId,
			com.nimbusds.oauth2.sdk.AuthorizationGrant grant) {
		return new TokenRequest(provider.getTokenEndpointURI(), clientId, grant);
	}

	private static TokenResponse parse(TokenRequest request) throws Exception {
		return OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
	}

	private static ErrorObject error(TokenRequest request) throws Exception {
		TokenResponse response = parse(request);
		assertThat(response.indicatesSuccess()).isFalse();
		return response.toErrorResponse().getErrorObject();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
