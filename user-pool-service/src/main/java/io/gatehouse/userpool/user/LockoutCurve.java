package io.gatehouse.userpool.user;

import java.time.Duration;
import java.util.StringJoiner;

/**
 * Cognito's sign-in throttling curve: the first five failures are free; the sixth locks the user out for
 * one second, and every further failure doubles the lockout, up to fifteen minutes. The count starts again
 * after a successful sign-in or after {@link #RESET_AFTER} without a failure. The lockout is always
 * temporary, so an attacker can slow the owner down but never lock them out for good.
 */
final class LockoutCurve {

	static final int FREE_FAILURES = 5;

	static final Duration FIRST_LOCKOUT = Duration.ofSeconds(1);

	static final Duration MAX_LOCKOUT = Duration.ofMinutes(15);

	static final Duration RESET_AFTER = Duration.ofHours(1);

	private LockoutCurve() {
	}

	/** How long the user is locked out right after their {@code failures}-th consecutive failure. */
	static Duration lockoutAfter(int failures) {
		if (failures <= FREE_FAILURES) {
			return Duration.ZERO;
		}
		int doublings = failures - FREE_FAILURES - 1;
		if (doublings >= 30) {
			return MAX_LOCKOUT;
		}
		Duration lockout = FIRST_LOCKOUT.multipliedBy(1L << doublings);
		return lockout.compareTo(MAX_LOCKOUT) > 0 ? MAX_LOCKOUT : lockout;
	}

	/** The number of failures from which the lockout stays at {@link #MAX_LOCKOUT}. */
	static int saturation() {
		int failures = FREE_FAILURES + 1;
		while (lockoutAfter(failures).compareTo(MAX_LOCKOUT) < 0) {
			failures++;
		}
		return failures;
	}

	/**
	 * The curve as a PostgreSQL {@code float8[]} literal of lockout seconds, indexed by failure count (1-based,
	 * up to {@link #saturation()}), so that one UPDATE can apply it atomically.
	 */
	static String asSqlArray() {
		StringJoiner array = new StringJoiner(",", "{", "}");
		for (int failures = 1; failures <= saturation(); failures++) {
			array.add(Double.toString(lockoutAfter(failures).toMillis() / 1000.0));
		}
		return array.toString();
	}

}
