package io.gatehouse.userpool.hostedui;

import java.util.List;

import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The paths of the hosted pages, below each pool's issuer, and their stylesheet. Local sign-out is
 * {@code signout}: {@code {issuer}/logout} is the OpenID Connect end-session endpoint (Cognito's LOGOUT).
 */
public final class HostedUiPaths {

	static final List<String> PAGES = List.of("login", "signup", "confirm", "resend", "forgot-password",
			"reset-password", "new-password", "signout", "signed-in");

	private HostedUiPaths() {
	}

	/** Every hosted page of every pool, and the static assets under {@code /hostedui/}. */
	public static RequestMatcher matcher() {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		List<RequestMatcher> matchers = new java.util.ArrayList<>();
		PAGES.forEach((page) -> matchers.add(paths.matcher("/{userPoolId}/" + page)));
		matchers.add(paths.matcher("/hostedui/**"));
		return new OrRequestMatcher(matchers);
	}

}
