package io.gatehouse.userpool.oidc;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import io.gatehouse.userpool.auth.PoolUserAuthentication;
import io.gatehouse.userpool.token.PoolAuthorizationServerContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Decides, for a validated authorization request, whether the browser's user may be answered now or must sign
 * in at the pool's hosted login page first (OpenID Connect Core 1.0 §3.1.2.3):
 * <ul>
 * <li>only a {@link PoolUserAuthentication} of this pool counts; a user signed in to another pool is nobody
 * here;</li>
 * <li>{@code prompt=login} and {@code max_age} (0 included) require a sign-in newer than the request;</li>
 * <li>{@code prompt=none} never shows a page: it answers {@code login_required} at the redirect URI.</li>
 * </ul>
 * To sign in, the request is saved with Spring Security's {@link RequestCache} (the hosted login page returns
 * to it after success) and the browser goes to {@code {issuer}/login}, with {@code login_hint} passed on.
 * Spring Authorization Server's validating filter runs before this one, so an unknown client or unregistered
 * redirect URI was already refused with an error page; anything it did not validate (pushed requests, consent
 * posts) is refused here.
 */
public final class AuthorizationRequestGate extends OncePerRequestFilter {

	/** Session attribute: sign-ins at or after this instant satisfy a pending prompt=login / max_age. */
	static final String REAUTHENTICATE_AFTER = AuthorizationRequestGate.class.getName() + ".REAUTHENTICATE_AFTER";

	private static final String VALIDATED = OAuth2AuthorizationCodeRequestAuthenticationToken.class.getName();

	private final RequestMatcher authorizationEndpoint;

	private final RequestCache requestCache;

	private final Clock clock;

	public AuthorizationRequestGate(RequestMatcher authorizationEndpoint, RequestCache requestCache, Clock clock) {
		this.authorizationEndpoint = authorizationEndpoint;
		this.requestCache = requestCache;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.authorizationEndpoint.matches(request)) {
			chain.doFilter(request, response);
			return;
		}
		if (!(request.getAttribute(VALIDATED) instanceof OAuth2AuthorizationCodeRequestAuthenticationToken authorizationRequest)) {
			HtmlPage.write(response, HttpServletResponse.SC_BAD_REQUEST, "Sign-in request not accepted",
					"The application sent a request that cannot be accepted (invalid_request).");
			return;
		}
		String poolId = PoolAuthorizationServerContext.currentPoolId();
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		PoolUserAuthentication user = (current instanceof PoolUserAuthentication poolUser && poolUser.isAuthenticated()
				&& poolUser.poolId().equals(poolId)) ? poolUser : null;

		Set<String> prompt = Arrays.stream(parameter(authorizationRequest, "prompt").split(" "))
			.filter((value) -> !value.isEmpty())
			.collect(Collectors.toSet());
		Long maxAge = null;
		String maxAgeParameter = parameter(authorizationRequest, "max_age");
		if (!maxAgeParameter.isEmpty()) {
			try {
				maxAge = Long.parseLong(maxAgeParameter);
			}
			catch (NumberFormatException ex) {
				maxAge = -1L;
			}
			if (maxAge < 0) {
				refuse(response, authorizationRequest,
						new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, "OpenID Connect Parameter: max_age", null));
				return;
			}
		}

		Instant now = this.clock.instant();
		boolean fresh = (user != null) && reauthenticatedSinceAsked(request, user);
		boolean needsSignIn = user == null
				|| (!fresh && prompt.contains("login"))
				|| (!fresh && maxAge != null && (maxAge == 0 || user.authTime().plusSeconds(maxAge).isBefore(now)));

		if (!needsSignIn) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.removeAttribute(REAUTHENTICATE_AFTER);
			}
			chain.doFilter(request, response);
			return;
		}
		if (prompt.contains("none")) {
			refuse(response, authorizationRequest, new OAuth2Error("login_required", "The user must sign in.", null));
			return;
		}
		if (user != null) {
			request.getSession().setAttribute(REAUTHENTICATE_AFTER, now);
		}
		this.requestCache.saveRequest(request, response);
		UriComponentsBuilder login = UriComponentsBuilder
			.fromUriString(AuthorizationServerContextHolder.getContext().getIssuer() + "/login");
		String loginHint = parameter(authorizationRequest, "login_hint");
		if (!loginHint.isEmpty()) {
			login.queryParam("login_hint", loginHint);
		}
		response.setStatus(HttpServletResponse.SC_FOUND);
		response.setHeader("Location", login.encode().build().toUriString());
		response.setHeader("Cache-Control", "no-store");
	}

	private static boolean reauthenticatedSinceAsked(HttpServletRequest request, PoolUserAuthentication user) {
		HttpSession session = request.getSession(false);
		Object askedAt = (session != null) ? session.getAttribute(REAUTHENTICATE_AFTER) : null;
		return askedAt instanceof Instant instant && !user.authTime().isBefore(instant);
	}

	// The redirect URI was validated against the client's registration; OpenID requests always carry one. A
	// plain OAuth request that left it out (allowed for a client with one URI) gets the error page instead.
	private static void refuse(HttpServletResponse response,
			OAuth2AuthorizationCodeRequestAuthenticationToken authorizationRequest, OAuth2Error error)
			throws IOException {
		String redirectUri = authorizationRequest.getRedirectUri();
		if (redirectUri == null || redirectUri.isBlank()) {
			HtmlPage.write(response, HttpServletResponse.SC_BAD_REQUEST, "Sign-in request not accepted",
					"The application sent a request that cannot be accepted (" + error.getErrorCode() + ").");
			return;
		}
		AuthorizationResponses.sendError(response, redirectUri, authorizationRequest.getState(), error);
	}

	private static String parameter(OAuth2AuthorizationCodeRequestAuthenticationToken authorizationRequest,
			String name) {
		Object value = authorizationRequest.getAdditionalParameters().get(name);
		return (value instanceof String string) ? string.trim() : "";
	}

}
