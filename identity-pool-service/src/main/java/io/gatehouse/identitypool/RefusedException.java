package io.gatehouse.identitypool;

import java.util.Objects;

/**
 * A request a feature will not carry out. The message is safe to show to the caller: it never holds a
 * token, a secret, SQL or a class name.
 */
public final class RefusedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final Refusal refusal;

	public RefusedException(Refusal refusal, String message) {
		super(message, null, false, false);
		this.refusal = Objects.requireNonNull(refusal, "refusal");
	}

	public Refusal refusal() {
		return this.refusal;
	}

	public static RefusedException invalidParameter(String message) {
		return new RefusedException(Refusal.INVALID_PARAMETER, message);
	}

	public static RefusedException notFound(String message) {
		return new RefusedException(Refusal.NOT_FOUND, message);
	}

	public static RefusedException notAuthorized(String message) {
		return new RefusedException(Refusal.NOT_AUTHORIZED, message);
	}

}
