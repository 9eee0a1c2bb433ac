package io.gatehouse.userpool.auth;

import java.util.Objects;

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
		super(message, null, false, false);
		this.error = Objects.requireNonNull(error, "error");
	}

	public AuthError error() {
		return this.error;
	}

}
