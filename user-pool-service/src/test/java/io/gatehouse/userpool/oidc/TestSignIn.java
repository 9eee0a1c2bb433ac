package io.gatehouse.userpool.oidc;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.gatehouse.userpool.auth.PoolUserAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * TEST ONLY: stands in for the hosted login page until it exists. {@code POST /{userPoolId}/test-login} puts a
 * {@link PoolUserAuthentication} in the web session, exactly where the hosted pages will, and returns to the
 * saved authorization request the way the login page will (Spring Security's {@link HttpSessionRequestCache}).
 */
@TestConfiguration(proxyBeanMethods = false)
class TestSignIn {

	@Bean
	@Order(15)
	SecurityFilterChain testSignInSecurityFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/*/test-login"))
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	// Registered as a member of this imported configuration; a test component, so component scanning leaves it
	// out of every other test's context.
	@TestComponent
	@RestController
	static class TestSignInController {

		private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

		private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

		@PostMapping("/{poolId}/test-login")
		void signIn(@PathVariable String poolId, @RequestParam UUID sub, @RequestParam String username,
				@RequestParam(required = false) Long authTime, HttpServletRequest request, HttpServletResponse response)
				throws IOException {
			Instant when = (authTime != null) ? Instant.ofEpochSecond(authTime) : Instant.now();
			PoolUserAuthentication user = new PoolUserAuthentication(poolId, sub, username, when, List.of("pwd"));
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(user);
			this.contexts.saveContext(context, request, response);
			SavedRequest saved = this.requests.getRequest(request, response);
			if (saved != null) {
				response.setStatus(303);
				response.setHeader("Location", saved.getRedirectUrl());
			}
			else {
				response.setStatus(204);
			}
		}

	}

}
