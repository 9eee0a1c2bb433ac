package io.gatehouse.userpool.user;

/**
 * The username (or, for a pool with {@code UsernameAttributes}, the email or phone number) is taken; maps to
 * Cognito's {@code UsernameExistsException}. The message is safe to show.
 */
public final class UsernameExistsException extends RuntimeException {

	UsernameExistsException(String message) {
		super(message, null, false, false);
	}

}
