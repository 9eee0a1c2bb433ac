package io.gatehouse.userpool.auth;

import java.util.UUID;

/**
 * The web sessions a user holds at a pool's hosted pages. Implemented by the hosted UI over Spring Session;
 * account operations end them when a password is reset or the user signs out everywhere.
 */
public interface UserSessions {

	/** Ends every web session in which {@code sub} is signed in to {@code poolId}. */
	void endAll(String poolId, UUID sub);

}
