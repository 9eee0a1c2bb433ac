package io.gatehouse.userpool.signing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rotates signing keys that have signed for {@code gatehouse.signing-keys.rotation-period} and drops retired
 * keys whose tokens have expired. Safe on every instance at once: {@link SigningKeys} re-checks under a
 * per-pool advisory lock.
 */
@Component
final class SigningKeyRotationPolicy {

	private static final Logger logger = LoggerFactory.getLogger(SigningKeyRotationPolicy.class);

	private final SigningKeys keys;

	SigningKeyRotationPolicy(SigningKeys keys) {
		this.keys = keys;
	}

	@Scheduled(initialDelayString = "${gatehouse.signing-keys.check-interval:1h}",
			fixedDelayString = "${gatehouse.signing-keys.check-interval:1h}")
	void rotateDueKeys() {
		try {
			int rotated = this.keys.rotateDue();
			int purged = this.keys.purgeExpired();
			if (rotated > 0 || purged > 0) {
				logger.info("Signing keys: rotated {} pool(s), removed {} expired retired key(s)", rotated, purged);
			}
		}
		catch (RuntimeException ex) {
			// The database may be away; the next run tries again.
			logger.warn("Signing key rotation failed: {}", ex.getClass().getSimpleName());
		}
	}

}
