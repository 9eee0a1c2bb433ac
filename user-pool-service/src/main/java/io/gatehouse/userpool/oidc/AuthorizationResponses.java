package io.gatehouse.userpool.oidc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Authorization responses (RFC 6749 §4.1.2) and error responses (§4.1.2.1), both carrying {@code iss}
 * (RFC 9207) so that a client talking to several pools cannot be tricked into sending one pool's code to
 * another (mix-up). An error without a validated redirect URI is an HTML page, never a redirect.
 */
public final class AuthorizationResponses implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		OAuth2AuthorizationCodeRequestAuthenticationToken result = (OAuth2AuthorizationCodeRequestAuthenticationToken) authentication;
		UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(result.getRedirectUri())
			.queryParam(OAuth2ParameterNames.CODE, encode(result.getAuthorizationCode().getTokenValue()));
		if (StringUtils.hasText(result.getState())) {
			uri.queryParam(OAuth2ParameterNames.STATE, encode(result.getState()));
		}
		uri.queryParam("iss", encode(AuthorizationServerContextHolder.getContext().getIssuer()));
		redirect(response, uri.build(true).toUriString());
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		OAuth2Error error = (exception instanceof OAuth2AuthenticationException oauth) ? oauth.getError()
				: new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST);
		OAuth2AuthorizationCodeRequestAuthenticationToken rejected = (exception instanceof OAuth2AuthorizationCodeRequestAuthenticationException codeRequest)
				? codeRequest.getAuthorizationCodeRequestAuthentication() : null;
		if (rejected == null || !StringUtils.hasText(rejected.getRedirectUri())) {
			HtmlPage.write(response, HttpServletResponse.SC_BAD_REQUEST, "Sign-in request not accepted",
					message(error));
			return;
		}
		sendError(response, rejected.getRedirectUri(), rejected.getState(), error);
	}

	/** Sends an error to a redirect URI that was already validated against the client's registration. */
	static void sendError(HttpServletResponse response, String redirectUri, String state, OAuth2Error error)
			throws IOException {
		UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(redirectUri)
			.queryParam(OAuth2ParameterNames.ERROR, encode(error.getErrorCode()));
		if (StringUtils.hasText(error.getDescription())) {
			uri.queryParam(OAuth2ParameterNames.ERROR_DESCRIPTION, encode(error.getDescription()));
		}
		if (StringUtils.hasText(state)) {
			uri.queryParam(OAuth2ParameterNames.STATE, encode(state));
		}
		uri.queryParam("iss", encode(AuthorizationServerContextHolder.getContext().getIssuer()));
		redirect(response, uri.build(true).toUriString());
	}

	private static void redirect(HttpServletResponse response, String location) {
		response.setStatus(HttpServletResponse.SC_FOUND);
		response.setHeader("Location", location);
		response.setHeader("Cache-Control", "no-store");
	}

	private static String message(OAuth2Error error) {
		String code = error.getErrorCode();
		String description = error.getDescription();
		if (description != null && description.contains(OAuth2ParameterNames.CLIENT_ID)) {
			return "The application is not known here (" + code + ": client_id).";
		}
		if (description != null && description.contains(OAuth2ParameterNames.REDIRECT_URI)) {
			return "The application asked to return to an address it has not registered (" + code
					+ ": redirect_uri).";
		}
		return "The application sent a request that cannot be accepted (" + code
				+ ((description != null) ? ": " + description : "") + ").";
	}

	private static String encode(String value) {
		return UriUtils.encode(value, StandardCharsets.UTF_8);
	}

}
