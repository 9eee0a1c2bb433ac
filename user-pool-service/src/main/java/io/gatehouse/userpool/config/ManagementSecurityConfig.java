package io.gatehouse.userpool.config;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Actuator endpoints are served on the separate management port (9001), which is meant for the
 * platform (probes, Prometheus) and must not be published; only the exposed read-only endpoints are
 * reachable there.
 */
@Configuration(proxyBeanMethods = false)
public class ManagementSecurityConfig {

	@Bean
	@Order(5)
	SecurityFilterChain managementSecurityFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeHttpRequests((authorize) -> authorize.requestMatchers(EndpointRequest.to("health", "info", "prometheus", "metrics"))
				.permitAll()
				.anyRequest()
				.denyAll())
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

}
