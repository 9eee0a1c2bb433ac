package io.gatehouse.userpool.user;

/** No such user in the pool; maps to Cognito's {@code UserNotFoundException}. */
public final class UserNotFoundException extends RuntimeException {

	UserNotFoundException() {
		super("User does not exist.", null, false, false);
	}

}
