package io.gatehouse.userpool.token;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Opaque refresh tokens of 256 random bits, for public clients too (Cognito gives SPAs and mobile apps refresh
 * tokens; Spring's generator does not). A rotated token keeps the expiry of the one it replaces, so a family
 * lives at most the client's refresh token validity from the sign-in, however often it is refreshed.
 * Client credentials never get one.
 */
final class OpaqueRefreshTokenGenerator implements OAuth2TokenGenerator<OAuth2RefreshToken> {

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	OpaqueRefreshTokenGenerator(Clock clock) {
		this.clock = clock;
	}

	@Override
	public OAuth2RefreshToken generate(OAuth2TokenContext context) {
		if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())
				|| AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
			return null;
		}
		Duration ttl = context.getRegisteredClient().getTokenSettings().getRefreshTokenTimeToLive();
		if (ttl == null || ttl.isZero() || ttl.isNegative()) {
			return null;
		}
		Instant issuedAt = this.clock.instant();
		Instant expiresAt = issuedAt.plus(ttl);
		OAuth2Authorization authorization = context.getAuthorization();
		if (authorization != null && authorization.getRefreshToken() != null
				&& authorization.getRefreshToken().getToken().getExpiresAt() != null
				&& authorization.getRefreshToken().getToken().getExpiresAt().isBefore(expiresAt)) {
			expiresAt = authorization.getRefreshToken().getToken().getExpiresAt();
		}
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return new OAuth2RefreshToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), issuedAt,
				expiresAt);
	}

}
