package io.gatehouse.userpool.token;

import java.time.Clock;

import io.gatehouse.userpool.signing.SigningKeys;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * The one token pipeline every door mints through: JWT access and ID tokens signed with the pool's current
 * key and shaped by {@link CognitoTokenCustomizer}, and opaque refresh tokens.
 */
@Configuration(proxyBeanMethods = false)
class TokenPipelineConfiguration {

	@Bean
	JwtEncoder jwtEncoder(SigningKeys keys) {
		return new PoolJwtEncoder(keys);
	}

	@Bean
	OAuth2TokenGenerator<OAuth2Token> tokenGenerator(JwtEncoder jwtEncoder, CognitoTokenCustomizer customizer,
			ObjectProvider<Clock> clock) {
		JwtGenerator jwtGenerator = new JwtGenerator(jwtEncoder);
		jwtGenerator.setJwtCustomizer(customizer);
		Clock effectiveClock = clock.getIfAvailable(Clock::systemUTC);
		jwtGenerator.setClock(effectiveClock);
		return new DelegatingOAuth2TokenGenerator(jwtGenerator, new OpaqueRefreshTokenGenerator(effectiveClock));
	}

}
