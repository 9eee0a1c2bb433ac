package io.gatehouse.userpool.token;

/** The refresh token cannot be used; the message is safe to show ("Invalid Refresh Token"). */
public final class InvalidRefreshTokenException extends RuntimeException {

	public InvalidRefreshTokenException(String message) {
		super(message);
	}

}
