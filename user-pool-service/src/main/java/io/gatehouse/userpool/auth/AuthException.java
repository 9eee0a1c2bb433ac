package io.gatehouse.userpool.auth;

import java.util.Objects;

import io.gatehouse.userpool.code.CodeVerification;

/**
 * An account operation (sign-up, confirmation, recovery) was refused for a reason every door reports the same
 * way. The message is safe to show to anyone.
 */
public final class AuthException extends RuntimeException {

	private final AuthError error;

	public AuthException(AuthError error) {
		this(error, error.defaultMessage());
	}

	public AuthException(AuthError error, String message) {
		super((message != null) ? message : error.defaultMessage(), null, false, false);
		this.error = Objects.requireNonNull(error, "error");
	}

	/**
	 * Returns when a code was verified; otherwise throws the error every door reports for the refusal.
	 * @throws AuthException {@link AuthError#CODE_MISMATCH}, {@link AuthError#TOO_MANY_FAILED_ATTEMPTS} or
	 * {@link AuthError#EXPIRED_CODE}
	 */
	public static void requireVerified(CodeVerification verification) {
		if (verification instanceof CodeVerification.Verified) {
			return;
		}
		if (verification instanceof CodeVerification.Mismatch) {
			throw new AuthException(AuthError.CODE_MISMATCH);
		}
		if (verification instanceof CodeVerification.TooManyAttempts) {
			throw new AuthException(AuthError.TOO_MANY_FAILED_ATTEMPTS);
		}
		throw new AuthException(AuthError.EXPIRED_CODE);
	}

	public AuthError error() {
		return this.error;
	}

}
