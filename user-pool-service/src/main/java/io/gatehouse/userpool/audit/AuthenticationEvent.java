package io.gatehouse.userpool.audit;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One authentication result, from any door (hosted UI, InitiateAuth, AdminInitiateAuth, federation). The
 * sign-in engine records one per attempt that reaches a user or fails; AdminListUserAuthEvents reads them.
 *
 * @param poolId the user pool
 * @param sub the user, or null when no user matched (then the event is kept for the pool, not for a user, and
 * the name typed is deliberately not stored: people type passwords into username fields)
 * @param username the user's stored username, or null with {@code sub}
 * @param type what was attempted
 * @param outcome {@link AuditOutcome#SUCCESS}, {@link AuditOutcome#FAILURE} or
 * {@link AuditOutcome#IN_PROGRESS} (a challenge was issued)
 * @param clientId the app client used, or null (hosted UI before a client is known)
 * @param challenges the challenges answered in this step, in order
 * @param failureReason a short machine-readable reason ({@code WrongPassword}, {@code UserDisabled},
 * {@code LockedOut}, {@code CodeMismatch}...), at most 64 characters; never a password or code
 */
public record AuthenticationEvent(String poolId, UUID sub, String username, AuthEventType type,
		AuditOutcome outcome, String clientId, List<ChallengeResult> challenges, String failureReason,
		RequestOrigin origin) {

	public AuthenticationEvent {
		Objects.requireNonNull(poolId, "poolId");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(outcome, "outcome");
		if (outcome == AuditOutcome.REFUSED) {
			throw new IllegalArgumentException("an authentication succeeds, fails or is in progress");
		}
		challenges = (challenges != null) ? List.copyOf(challenges) : List.of();
		origin = (origin != null) ? origin : RequestOrigin.none();
		failureReason = RequestOrigin.clip(failureReason, 64);
	}

}
