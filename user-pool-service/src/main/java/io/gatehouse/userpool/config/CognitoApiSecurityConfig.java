package io.gatehouse.userpool.config;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * The Cognito API door ({@code POST /}) authenticates every call itself (SigV4 for admin operations,
 * later client ids and access tokens), so Spring Security lets it through. CSRF protection is off for
 * this door only: its callers are SDKs sending signed or token-bearing requests, not browsers with
 * ambient cookies, and no session is ever created here. CORS (preflights included) is decided by the door's
 * {@code cognitoApiCorsConfigurationSource}: app-facing operations only, for the clients' callback origins and
 * configured extras.
 */
@Configuration(proxyBeanMethods = false)
public class CognitoApiSecurityConfig {

	@Bean
	@Order(10)
	SecurityFilterChain cognitoApiSecurityFilterChain(HttpSecurity http,
			@Qualifier("cognitoApiCorsConfigurationSource") CorsConfigurationSource cors) throws Exception {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		http.securityMatcher(new OrRequestMatcher(paths.matcher(HttpMethod.POST, "/"), paths.matcher(HttpMethod.OPTIONS, "/")))
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().permitAll())
			.cors((configurer) -> configurer.configurationSource(cors))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

}
