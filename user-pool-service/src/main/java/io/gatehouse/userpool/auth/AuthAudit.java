package io.gatehouse.userpool.auth;

import java.util.List;
import java.util.UUID;

import io.gatehouse.userpool.audit.AuditLog;
import io.gatehouse.userpool.audit.AuditOutcome;
import io.gatehouse.userpool.audit.AuthEventType;
import io.gatehouse.userpool.audit.AuthenticationEvent;
import io.gatehouse.userpool.audit.ChallengeResult;
import io.gatehouse.userpool.user.User;

import org.springframework.stereotype.Component;

/**
 * Writes the engine's and the account flows' results to the {@link AuditLog} (who, what, when, from where;
 * never a password, code or session). Every sign-in attempt writes exactly one row with the same statement,
 * whatever its outcome, so recording costs the same for an unknown user as for a wrong password.
 */
@Component
public final class AuthAudit {

	private final AuditLog log;

	AuthAudit(AuditLog log) {
		this.log = log;
	}

	/** One sign-in step: its outcome follows the step (authenticated, challenge in progress, failed). */
	void signIn(String poolId, String clientId, UUID sub, String username, AuthStep step, String failureReason,
			List<ChallengeResult> challenges, AuthContext context) {
		AuditOutcome outcome = (step instanceof AuthStep.Authenticated) ? AuditOutcome.SUCCESS
				: (step instanceof AuthStep.Challenge) ? AuditOutcome.IN_PROGRESS : AuditOutcome.FAILURE;
		this.log.record(new AuthenticationEvent(poolId, sub, (sub != null) ? username : null, AuthEventType.SIGN_IN,
				outcome, clientId, challenges, (outcome == AuditOutcome.FAILURE) ? failureReason : null,
				context.origin()));
	}

	/**
	 * One account operation (sign-up, resend, forgot password, password reset).
	 * @param user the user it was for, or null when none matched (nothing about the name typed is stored)
	 * @param failureReason null on success
	 */
	public void account(AuthEventType type, String poolId, String clientId, User user, String failureReason,
			AuthContext context) {
		this.log.record(new AuthenticationEvent(poolId, (user != null) ? user.sub() : null,
				(user != null) ? user.username() : null, type,
				(failureReason == null) ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE, clientId, List.of(), failureReason,
				(context != null) ? context.origin() : null));
	}

}
