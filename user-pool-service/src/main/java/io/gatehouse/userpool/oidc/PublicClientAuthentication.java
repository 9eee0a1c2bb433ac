package io.gatehouse.userpool.oidc;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Public clients (no secret: SPAs, mobile apps) identify themselves by {@code client_id} alone when they
 * refresh tokens (RFC 6749 §6 lets a public client refresh without authenticating; Cognito issues them refresh
 * tokens) and when they revoke their own tokens (RFC 7009 §2.1). Spring Authorization Server only accepts
 * {@code none} with a PKCE {@code code_verifier}; the code grant keeps that rule, this adds the two others.
 * Confidential clients must still authenticate: a client with a secret is refused here.
 */
public final class PublicClientAuthentication {

	private static final String MARKER = PublicClientAuthentication.class.getName();

	private PublicClientAuthentication() {
	}

	public static AuthenticationConverter converter() {
		return (request) -> {
			if (request.getHeader(HttpHeaders.AUTHORIZATION) != null
					|| request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
					|| request.getParameter(PkceParameterNames.CODE_VERIFIER) != null
					|| request.getParameter("client_assertion") != null) {
				return null;
			}
			if (!(isRefresh(request) || isRevocation(request))) {
				return null;
			}
			String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
			if (clientIds == null) {
				return null;
			}
			if (clientIds.length != 1 || clientIds[0].isEmpty()) {
				throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_REQUEST);
			}
			return new OAuth2ClientAuthenticationToken(clientIds[0], ClientAuthenticationMethod.NONE, null,
					Map.of(MARKER, true));
		};
	}

	public static AuthenticationProvider provider(RegisteredClientRepository clients) {
		return new AuthenticationProvider() {

			@Override
			public Authentication authenticate(Authentication authentication) {
				OAuth2ClientAuthenticationToken token = (OAuth2ClientAuthenticationToken) authentication;
				if (!ClientAuthenticationMethod.NONE.equals(token.getClientAuthenticationMethod())
						|| !Boolean.TRUE.equals(token.getAdditionalParameters().get(MARKER))) {
					return null;
				}
				RegisteredClient client = clients.findByClientId((String) token.getPrincipal());
				if (client == null || client.getClientSecret() != null
						|| !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)) {
					throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
							"Client authentication failed: client_id", null));
				}
				return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
			}

		};
	}

	private static boolean isRefresh(HttpServletRequest request) {
		return "POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/oauth2/token")
				&& AuthorizationGrantType.REFRESH_TOKEN.getValue()
					.equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE));
	}

	private static boolean isRevocation(HttpServletRequest request) {
		return "POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/oauth2/revoke");
	}

}
