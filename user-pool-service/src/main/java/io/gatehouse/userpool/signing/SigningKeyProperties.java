package io.gatehouse.userpool.signing;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-pool token signing keys.
 *
 * @param rotationPeriod how long a key signs before the scheduled policy replaces it with the next key
 * @param retiredKeyRetention how long a retired key stays in JWKS; at least the longest token lifetime
 * (Cognito caps ID and access tokens at one day) plus clock skew, so every token it signed still verifies
 * @param keySize RSA modulus length in bits
 * @param cacheTtl how long an instance reuses a pool's key set before reading it again; after a rotation on
 * another instance this one keeps signing with the previous key at most this long (that key is still
 * published, so its tokens verify)
 * @param checkInterval how often the rotation policy and the purge of expired keys run
 */
@Validated
@ConfigurationProperties("gatehouse.signing-keys")
public record SigningKeyProperties(@DefaultValue("90d") Duration rotationPeriod,
		@DefaultValue("25h") Duration retiredKeyRetention, @DefaultValue("2048") @Min(2048) @Max(8192) int keySize,
		@DefaultValue("30s") Duration cacheTtl, @DefaultValue("1h") Duration checkInterval) {

	public SigningKeyProperties {
		if (rotationPeriod.compareTo(Duration.ofHours(1)) < 0) {
			throw new IllegalArgumentException("gatehouse.signing-keys.rotation-period must be at least 1h");
		}
		if (retiredKeyRetention.compareTo(Duration.ofDays(1)) < 0) {
			throw new IllegalArgumentException(
					"gatehouse.signing-keys.retired-key-retention must be at least 1d, the longest token lifetime");
		}
	}

}
