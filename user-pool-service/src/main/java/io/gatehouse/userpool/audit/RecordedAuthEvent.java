package io.gatehouse.userpool.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An authentication event as read back from the log, for AdminListUserAuthEvents. */
public record RecordedAuthEvent(UUID eventId, Instant occurredAt, AuthEventType type, AuditOutcome outcome,
		String clientId, String sourceIp, String userAgent, List<ChallengeResult> challenges) {
}
