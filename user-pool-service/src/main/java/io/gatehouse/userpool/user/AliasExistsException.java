package io.gatehouse.userpool.user;

/**
 * A verified email or phone alias (or a preferred username) belongs to another user; maps to Cognito's
 * {@code AliasExistsException}. The message is safe to show.
 */
public final class AliasExistsException extends RuntimeException {

	AliasExistsException(String message) {
		super(message, null, false, false);
	}

}
