package io.gatehouse.userpool.auth;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gatehouse.userpool.audit.AuditLog;
import io.gatehouse.userpool.audit.AuditOutcome;
import io.gatehouse.userpool.audit.AuthEventType;
import io.gatehouse.userpool.audit.ChallengeResult;
import io.gatehouse.userpool.audit.RequestOrigin;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes every {@link AuthenticationEvent} to the {@code gatehouse.audit} logger, one line each, so that
 * operators can ship it apart from the application log, and to the persisted {@link AuditLog} (whatever the
 * door: hosted pages, InitiateAuth, AdminInitiateAuth), where AdminListUserAuthEvents reads it. Nothing
 * secret is in an event.
 */
@Component
final class AuthenticationAuditLog {

	private static final Logger audit = LoggerFactory.getLogger("gatehouse.audit");

	private final ObjectProvider<AuditLog> auditLog;

	AuthenticationAuditLog(ObjectProvider<AuditLog> auditLog) {
		this.auditLog = auditLog;
	}

	@EventListener
	void on(AuthenticationEvent event) {
		audit.info("authentication pool={} client={} sub={} outcome={} door={} ip={}", event.poolId(),
				event.clientId(), event.sub(), event.outcome(), event.context().door(), event.context().sourceIp());
		AuditLog log = this.auditLog.getIfAvailable();
		if (log == null || event.poolId() == null) {
			return;
		}
		AuditOutcome outcome;
		String reason = null;
		if (event.outcome().startsWith("FAILED:")) {
			outcome = AuditOutcome.FAILURE;
			reason = event.outcome().substring("FAILED:".length());
		}
		else if (event.outcome().startsWith("CHALLENGE:")) {
			outcome = AuditOutcome.IN_PROGRESS;
		}
		else {
			outcome = AuditOutcome.SUCCESS;
		}
		log.record(new io.gatehouse.userpool.audit.AuthenticationEvent(event.poolId(), event.sub(), null,
				AuthEventType.SIGN_IN, outcome, event.clientId(),
				List.of(ChallengeResult.password(outcome != AuditOutcome.FAILURE)), reason,
				new RequestOrigin(event.context().sourceIp(), event.context().userAgent(), null)));
	}

}
