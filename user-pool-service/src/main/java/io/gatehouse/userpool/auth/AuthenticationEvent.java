package io.gatehouse.userpool.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * One authentication step's outcome, published by the {@link AuthenticationEngine} for the audit trail:
 * who (the sub when the password was right, never the password or the session), what, when and from where.
 *
 * @param sub the user, when the step proved who they are; null for refusals that must not tell
 * @param outcome {@code AUTHENTICATED}, {@code CHALLENGE:<name>} or {@code FAILED:<AuthError>}
 */
public record AuthenticationEvent(Instant at, String poolId, String clientId, UUID sub, String outcome,
		AuthContext context) {
}
