package io.gatehouse.userpool.auth;

import java.time.Duration;

/**
 * What the account flows need to know about the app client a request came through.
 *
 * @param clientId null for the hosted pages used without an OAuth request
 * @param revealsUsers {@code PreventUserExistenceErrors=LEGACY}: the client may learn that a user does not
 * exist; with {@code ENABLED} (the default) every answer is the same for unknown and existing users
 * @param sessionValidity {@code AuthSessionValidity}: how long a challenge's session lives
 */
public record ClientPolicy(String clientId, boolean revealsUsers, Duration sessionValidity) {

	/** The hosted pages without an OAuth request: reveal nothing, Cognito's default session validity. */
	public static ClientPolicy none() {
		return new ClientPolicy(null, false, AuthenticationEngine.SESSION_VALIDITY);
	}

}
