package io.gatehouse.userpool.useradmin;

/**
 * The user's status does not allow the request. {@link Kind#NOT_AUTHORIZED} is Cognito's
 * {@code NotAuthorizedException} (AdminConfirmSignUp of a confirmed user), {@link Kind#UNSUPPORTED_STATE} its
 * {@code UnsupportedUserStateException} (an invitation resent to a user who already chose a password).
 */
public final class UserStateException extends RuntimeException {

	private final Kind kind;

	UserStateException(Kind kind, String message) {
		super(message, null, false, false);
		this.kind = kind;
	}

	public Kind kind() {
		return this.kind;
	}

	public enum Kind {

		NOT_AUTHORIZED, UNSUPPORTED_STATE

	}

}
