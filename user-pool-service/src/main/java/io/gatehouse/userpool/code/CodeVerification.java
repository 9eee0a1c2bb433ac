package io.gatehouse.userpool.code;

/**
 * The outcome of checking a code, mapped at the edge: {@link Verified} → success, {@link Mismatch} →
 * {@code CodeMismatchException}, {@link Expired} → {@code ExpiredCodeException}, {@link TooManyAttempts} →
 * {@code TooManyFailedAttemptsException} or {@code LimitExceededException}.
 */
public sealed interface CodeVerification {

	/** The code was right and is now consumed; it will never verify again. */
	record Verified() implements CodeVerification {
	}

	/** Wrong code; the attempt was counted. */
	record Mismatch(int attemptsLeft) implements CodeVerification {
	}

	/** No live code: expired, already used, superseded by a newer one, or never issued. */
	record Expired() implements CodeVerification {
	}

	/** The code's attempts, or the user's attempts for this purpose in the window, are used up. */
	record TooManyAttempts() implements CodeVerification {
	}

}
