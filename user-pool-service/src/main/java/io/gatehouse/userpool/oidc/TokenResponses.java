package io.gatehouse.userpool.oidc;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AccessTokenResponseAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * Token endpoint responses (RFC 6749 §5.1) as Spring Authorization Server writes them, except that a refresh
 * of a client that does not rotate its refresh tokens ({@code RefreshTokenRotation.Feature=DISABLED}) carries
 * no {@code refresh_token}: Spring would echo the presented one, Cognito's token endpoint returns only the ID
 * and access tokens, and RFC 6749 §6 lets the server leave it out (the client keeps the one it has).
 */
public final class TokenResponses implements AuthenticationSuccessHandler {

	private final AuthenticationSuccessHandler delegate = new OAuth2AccessTokenResponseAuthenticationSuccessHandler();

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		if (authentication instanceof OAuth2AccessTokenAuthenticationToken tokens && tokens.getRefreshToken() != null
				&& AuthorizationGrantType.REFRESH_TOKEN.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))
				&& tokens.getRefreshToken().getTokenValue().equals(request.getParameter(OAuth2ParameterNames.REFRESH_TOKEN))) {
			authentication = new OAuth2AccessTokenAuthenticationToken(tokens.getRegisteredClient(),
					(Authentication) tokens.getPrincipal(), tokens.getAccessToken(), null,
					tokens.getAdditionalParameters());
		}
		this.delegate.onAuthenticationSuccess(request, response, authentication);
	}

}
