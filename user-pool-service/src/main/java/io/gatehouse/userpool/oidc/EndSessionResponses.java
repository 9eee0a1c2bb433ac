package io.gatehouse.userpool.oidc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.gatehouse.userpool.token.HashedTokenAuthorizationService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * RP-Initiated Logout 1.0: the end-session request (already validated by Spring Authorization Server:
 * {@code id_token_hint} issued here, {@code post_logout_redirect_uri} registered exactly) ends the browser's
 * session and revokes the sign-in the ID token came from (its refresh and access tokens), the same records
 * revocation and introspection use. Then the browser returns to the client, or sees a signed-out page.
 */
public final class EndSessionResponses implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

	private final HashedTokenAuthorizationService authorizations;

	private final SecurityContextLogoutHandler sessionLogout = new SecurityContextLogoutHandler();

	public EndSessionResponses(HashedTokenAuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		OidcLogoutAuthenticationToken logout = (OidcLogoutAuthenticationToken) authentication;
		OAuth2Authorization authorization = this.authorizations.findByToken(logout.getIdToken().getTokenValue(),
				ID_TOKEN);
		if (authorization != null) {
			this.authorizations.revokeFamily(authorization.getId());
		}
		if (logout.isPrincipalAuthenticated()) {
			this.sessionLogout.logout(request, response, (Authentication) logout.getPrincipal());
		}
		if (StringUtils.hasText(logout.getPostLogoutRedirectUri())) {
			UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(logout.getPostLogoutRedirectUri());
			if (StringUtils.hasText(logout.getState())) {
				uri.queryParam(OAuth2ParameterNames.STATE, UriUtils.encode(logout.getState(), StandardCharsets.UTF_8));
			}
			response.setStatus(HttpServletResponse.SC_FOUND);
			response.setHeader("Location", uri.build(true).toUriString());
			response.setHeader("Cache-Control", "no-store");
			return;
		}
		HtmlPage.write(response, HttpServletResponse.SC_OK, "Signed out", "You are signed out.");
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		HtmlPage.write(response, HttpServletResponse.SC_BAD_REQUEST, "Sign-out request not accepted",
				"The application sent a sign-out request that cannot be accepted.");
	}

}
