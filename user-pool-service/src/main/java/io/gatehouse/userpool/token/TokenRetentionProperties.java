package io.gatehouse.userpool.token;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param retention how long a token row is kept after it expired (an expired ID token may still be sent as
 * {@code id_token_hint} to sign out for a while), and how long an authorization without tokens (an
 * abandoned authorization request) is kept after it was created
 * @param pruneInterval the pause between two runs of the prune job (on each instance; one prunes at a time)
 * @param pruneBatchSize rows deleted per statement
 */
@Validated
@ConfigurationProperties("gatehouse.tokens")
record TokenRetentionProperties(@DefaultValue("1d") Duration retention, @DefaultValue("1h") Duration pruneInterval,
		@DefaultValue("10000") @Min(100) @Max(1000000) int pruneBatchSize) {

	TokenRetentionProperties {
		if (retention.compareTo(Duration.ofHours(1)) < 0) {
			throw new IllegalArgumentException("gatehouse.tokens.retention must be at least 1h");
		}
		if (pruneInterval.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("gatehouse.tokens.prune-interval must be at least 1s");
		}
	}

}
