package io.gatehouse.userpool.config;

import java.nio.charset.StandardCharsets;

import io.gatehouse.userpool.hostedui.HostedUiPaths;
import io.gatehouse.userpool.hostedui.HostedUiSessions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The hosted pages ({@code /{userPoolId}/login}, {@code signup}, ...): every page is open to anyone and
 * decides itself what a visitor may do; the chain adds what a browser-facing form needs. CSRF tokens on
 * every POST; framing forbidden twice over ({@code X-Frame-Options: DENY} and CSP
 * {@code frame-ancestors 'none'}); a CSP that allows only the service's own stylesheet and no script; the
 * security context read through the pool ({@link io.gatehouse.userpool.auth.PoolSecurityContextRepository}).
 * No request is saved here: the authorization endpoint saves the request that sent the user to sign in.
 */
@Configuration(proxyBeanMethods = false)
public class HostedUiSecurityConfig {

	/**
	 * No {@code form-action}: browsers apply it to the redirects after a form is posted, and signing in ends
	 * in a redirect to the client's callback.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self';"
			+ " base-uri 'none'; frame-ancestors 'none'";

	@Bean
	@Order(30)
	SecurityFilterChain hostedUiSecurityFilterChain(HttpSecurity http, HostedUiSessions sessions) throws Exception {
		http.securityMatcher(HostedUiPaths.matcher())
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().permitAll())
			.securityContext((context) -> context.securityContextRepository(sessions.securityContextRepository()))
			.csrf((csrf) -> csrf.csrfTokenRepository(sessions.csrfTokenRepository()))
			.requestCache((cache) -> cache.disable())
			.logout((logout) -> logout.disable())
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(formExpired()))
			.headers((headers) -> headers.frameOptions((frame) -> frame.deny())
				.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	/** A POST without a valid CSRF token: a plain page that says what to do, never a stack trace. */
	private static AccessDeniedHandler formExpired() {
		return (request, response, denied) -> {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter()
				.write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Form expired</title>"
						+ "<link rel=\"stylesheet\" href=\"/hostedui/hostedui.css\"></head><body><main>"
						+ "<h1>This form has expired</h1><p role=\"alert\">For your security the form could not be"
						+ " accepted. Go back, reload the page and try again.</p></main></body></html>");
		};
	}

}
