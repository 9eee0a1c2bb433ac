package io.gatehouse.userpool.user;

import java.time.Instant;

/**
 * A user's sign-in throttling state.
 *
 * @param failedAttempts consecutive failed sign-ins counted so far
 * @param lockedUntil until when sign-in is refused (even with the right password), or {@code null}
 */
public record LockoutState(int failedAttempts, Instant lockedUntil) {

	public boolean lockedAt(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

}
