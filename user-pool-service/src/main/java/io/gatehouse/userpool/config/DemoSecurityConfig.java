package io.gatehouse.userpool.config;

import io.gatehouse.userpool.demo.DemoPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The demo relying party's pages ({@code GET /demo}, {@code /demo/start}, {@code /demo/callback}): open to
 * anyone, read-only (no form, so nothing for CSRF to protect), never framed.
 */
@Configuration(proxyBeanMethods = false)
public class DemoSecurityConfig {

	@Bean
	@Order(40)
	SecurityFilterChain demoSecurityFilterChain(HttpSecurity http) throws Exception {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		http.securityMatcher(new OrRequestMatcher(paths.matcher(HttpMethod.GET, DemoPaths.HOME),
				paths.matcher(HttpMethod.GET, DemoPaths.START), paths.matcher(HttpMethod.GET, DemoPaths.CALLBACK)))
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().permitAll())
			.requestCache((cache) -> cache.disable())
			.headers((headers) -> headers.frameOptions((frame) -> frame.deny())
				.contentSecurityPolicy((csp) -> csp.policyDirectives(HostedUiSecurityConfig.CONTENT_SECURITY_POLICY)));
		return http.build();
	}

}
