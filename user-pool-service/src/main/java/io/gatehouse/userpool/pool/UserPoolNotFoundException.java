package io.gatehouse.userpool.pool;

/** No user pool has the requested id. */
public final class UserPoolNotFoundException extends RuntimeException {

	public UserPoolNotFoundException(String userPoolId) {
		super("User pool " + userPoolId + " does not exist.", null, false, false);
	}

}
