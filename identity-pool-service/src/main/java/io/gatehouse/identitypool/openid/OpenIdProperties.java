package io.gatehouse.identitypool.openid;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The identity pool's own OpenID issuer (the tokens of {@code GetOpenIdToken}).
 *
 * @param tokenLifetime how long a token from GetOpenIdToken is valid (Cognito: 10 minutes)
 * @param keyRotation how long one signing key signs before the next one takes over
 * @param keyPublishAhead how long a new key is published in the JWKS before it signs anything, so relying
 * parties that cache the JWKS know it by then; must be shorter than the rotation
 */
@ConfigurationProperties("gatehouse.openid")
record OpenIdProperties(@DefaultValue("10m") Duration tokenLifetime, @DefaultValue("7d") Duration keyRotation,
		@DefaultValue("1d") Duration keyPublishAhead) {

	/** Longest life any token of this issuer may have (GetOpenIdTokenForDeveloperIdentity allows 24 h). */
	static final Duration LONGEST_TOKEN = Duration.ofHours(24);

	OpenIdProperties {
		if (tokenLifetime.compareTo(Duration.ofMinutes(1)) < 0 || tokenLifetime.compareTo(LONGEST_TOKEN) > 0) {
			throw new IllegalArgumentException("gatehouse.openid.token-lifetime must be between 1m and 24h");
		}
		if (keyPublishAhead.isNegative() || keyPublishAhead.compareTo(keyRotation) >= 0) {
			throw new IllegalArgumentException(
					"gatehouse.openid.key-publish-ahead must be at least 0 and shorter than gatehouse.openid.key-rotation");
		}
	}

}
