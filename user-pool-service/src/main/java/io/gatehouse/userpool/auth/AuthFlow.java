package io.gatehouse.userpool.auth;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A claimed in-flight sign-in: who it is for, which challenge it waits on and what has been proven so far.
 *
 * @param clientId null for the hosted pages signed in to without an OAuth request
 * @param authenticationMethods OIDC {@code amr} values proven so far ({@code pwd}, later {@code otp}, ...)
 */
record AuthFlow(UUID id, String poolId, String clientId, UUID sub, ChallengeName challenge,
		List<String> authenticationMethods, AuthDoor door, int attempts, Instant expiresAt) {
}
