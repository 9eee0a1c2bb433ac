package io.gatehouse.userpool.client;

/** The pool exists but has no app client with the requested id. */
public final class AppClientNotFoundException extends RuntimeException {

	public AppClientNotFoundException(String clientId) {
		super("User pool client " + clientId + " does not exist.", null, false, false);
	}

}
