package io.gatehouse.boot;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The per-source throttle both services put in front of their unauthenticated operations. */
@AutoConfiguration
@EnableConfigurationProperties(RateLimitProperties.class)
public final class RateLimitAutoConfiguration {

	@Bean
	SourceRateLimiter sourceRateLimiter(RateLimitProperties properties) {
		return new SourceRateLimiter(properties);
	}

}
