package io.gatehouse.userpool.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The token-status endpoint ({@code POST {issuer}/token-status}) takes the ID token it is asked about as its only
 * credential, so Spring Security lets every call through; the endpoint throttles per source itself. No CSRF
 * protection and no session: its callers are services (an identity pool), not browsers with ambient cookies,
 * and the answer changes nothing.
 */
@Configuration(proxyBeanMethods = false)
public class TokenStatusSecurityConfig {

	@Bean
	@Order(12)
	SecurityFilterChain tokenStatusSecurityFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/*/token-status"))
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

}
