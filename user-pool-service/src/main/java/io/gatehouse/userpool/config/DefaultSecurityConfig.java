package io.gatehouse.userpool.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Everything that no other chain claims is denied until a feature opens it (the OIDC endpoints and the
 * hosted UI bring their own chains).
 */
@Configuration(proxyBeanMethods = false)
public class DefaultSecurityConfig {

	@Bean
	@Order(100)
	SecurityFilterChain defaultSecurityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((authorize) -> authorize.anyRequest().denyAll());
		return http.build();
	}

	/**
	 * No Spring Security observations. {@code management.observations.enable.spring.security=false} alone turns
	 * them into no-ops, but every filter of every request is still wrapped in a decorator that asks the registry
	 * for each one; without these settings the chain runs unwrapped. Request metrics ({@code http.server.requests})
	 * come from the web layer and stay.
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

}
