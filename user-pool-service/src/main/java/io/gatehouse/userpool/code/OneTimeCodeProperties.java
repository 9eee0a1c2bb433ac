package io.gatehouse.userpool.code;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits for one-time codes. Defaults follow SECURITY.md: a code lives 10 minutes, allows 5 attempts, and a
 * user may make at most 15 attempts and get at most 10 codes per purpose in any hour.
 *
 * @param ttl how long a code is valid unless its purpose says otherwise
 * @param maxAttempts verification attempts per code
 * @param length digits per code
 * @param window the sliding window for the two caps below
 * @param maxAttemptsPerWindow verification attempts per user and purpose across all their codes in the window
 * @param maxCodesPerWindow codes issued per user and purpose in the window ({@code LimitExceededException})
 * @param purposes per-purpose overrides, e.g. {@code gatehouse.codes.purposes.sign-up-confirmation.ttl=1h}
 */
@Validated
@ConfigurationProperties("gatehouse.codes")
public record OneTimeCodeProperties(@DefaultValue("10m") Duration ttl, @DefaultValue("5") @Min(1) @Max(100) int maxAttempts,
		@DefaultValue("6") @Min(6) @Max(9) int length, @DefaultValue("1h") Duration window,
		@DefaultValue("15") @Min(1) int maxAttemptsPerWindow, @DefaultValue("10") @Min(1) int maxCodesPerWindow,
		Map<CodePurpose, PurposeOverride> purposes) {

	public OneTimeCodeProperties {
		purposes = (purposes != null) ? Map.copyOf(purposes) : Map.of();
	}

	/** The effective settings for {@code purpose}. */
	public CodeSettings settings(CodePurpose purpose) {
		PurposeOverride override = this.purposes.get(purpose);
		if (override == null) {
			return new CodeSettings(this.ttl, this.maxAttempts, this.length);
		}
		return new CodeSettings(override.ttl() != null ? override.ttl() : this.ttl,
				override.maxAttempts() != null ? override.maxAttempts() : this.maxAttempts,
				override.length() != null ? override.length() : this.length);
	}

	/** Any field left {@code null} takes the general value. */
	public record PurposeOverride(Duration ttl, Integer maxAttempts, Integer length) {
	}

	public record CodeSettings(Duration ttl, int maxAttempts, int length) {

		public CodeSettings {
			if (ttl.isNegative() || ttl.isZero()) {
				throw new IllegalArgumentException("a code's ttl must be positive");
			}
			if (maxAttempts < 1 || length < 6 || length > 9) {
				throw new IllegalArgumentException("a code needs at least one attempt and 6 to 9 digits");
			}
		}

	}

}
