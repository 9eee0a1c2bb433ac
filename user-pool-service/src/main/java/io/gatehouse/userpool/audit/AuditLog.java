package io.gatehouse.userpool.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.gatehouse.userpool.pool.InvalidSettingException;
import io.gatehouse.userpool.pool.Page;
import io.gatehouse.userpool.pool.PageToken;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The audit log in the user-pool schema. Every admin operation and every authentication result is one row,
 * written in its own statement (autocommit) after the action, so an action that rolled back is still
 * recorded as failed, and a refused request leaves this row and nothing else.
 * <p>
 * Recording never fails the caller: if the row cannot be written (database down), the event goes to the
 * {@code gatehouse.audit} log instead, with the same fields, and the original outcome stands.
 */
@Service
public final class AuditLog {

	private static final Logger fallback = LoggerFactory.getLogger("gatehouse.audit");

	private static final String AUTH_EVENTS = "auth-events";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** Records one admin API call (the Cognito door calls this for every admin operation). */
	public void record(AdminOperationEvent event) {
		RequestOrigin origin = (event.origin() != null) ? event.origin() : RequestOrigin.none();
		insert(new Row("ADMIN", event.poolId(), (event.accessKeyId() != null) ? "ADMIN_KEY" : "NONE",
				RequestOrigin.clip(event.accessKeyId(), 128), RequestOrigin.clip(event.operation(), 64),
				RequestOrigin.clip(event.target(), 128), null, event.outcome(), RequestOrigin.clip(event.errorType(), 64),
				null, origin, null));
	}

	/** Records one authentication result; the sign-in engine calls this from every door. */
	public void record(AuthenticationEvent event) {
		insert(new Row("AUTHENTICATION", event.poolId(), (event.sub() != null) ? "USER" : "NONE",
				(event.sub() != null) ? event.sub().toString() : null, event.type().wireName(),
				RequestOrigin.clip(event.username(), 128), event.sub(), event.outcome(), event.failureReason(),
				RequestOrigin.clip(event.clientId(), 128), event.origin(), challengesJson(event.challenges())));
	}

	/**
	 * A user's authentication events, newest first (AdminListUserAuthEvents), in keyset pages: the token is
	 * the position of the last event returned, so later events never shift a page.
	 * @throws InvalidSettingException when {@code nextToken} was not issued by this listing
	 */
	public Page<RecordedAuthEvent> authEvents(String poolId, UUID sub, int maxResults, String nextToken) {
		Optional<Position> after = PageToken.decode(AUTH_EVENTS, nextToken).map(Position::parse);
		String sql = "SELECT id, occurred_at, action, outcome, client_id, source_ip, user_agent, challenges"
				+ " FROM user_pool.audit_event WHERE category = 'AUTHENTICATION' AND pool_id = :poolId"
				+ " AND target_sub = :sub"
				+ (after.isPresent() ? " AND (occurred_at, id) < (:afterTime, :afterId)" : "")
				+ " ORDER BY occurred_at DESC, id DESC LIMIT :limit";
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql)
			.param("poolId", poolId)
			.param("sub", sub)
			.param("limit", maxResults + 1);
		if (after.isPresent()) {
			statement = statement.param("afterTime", offset(after.get().time())).param("afterId", after.get().id());
		}
		List<RecordedAuthEvent> rows = statement.query(AuditLog::authEvent).list();
		boolean more = rows.size() > maxResults;
		List<RecordedAuthEvent> items = more ? rows.subList(0, maxResults) : rows;
		String token = null;
		if (more) {
			RecordedAuthEvent last = items.get(items.size() - 1);
			token = PageToken.encode(AUTH_EVENTS, new Position(last.occurredAt(), last.eventId()).toString());
		}
		return new Page<>(List.copyOf(items), token);
	}

	private void insert(Row row) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		try {
			this.jdbc.sql("INSERT INTO user_pool.audit_event (id, occurred_at, category, pool_id, actor_type, actor,"
					+ " action, target, target_sub, outcome, reason, client_id, source_ip, user_agent, request_id,"
					+ " challenges) VALUES (:id, :now, :category, :poolId, :actorType, :actor, :action, :target,"
					+ " :targetSub, :outcome, :reason, :clientId, :sourceIp, :userAgent, :requestId,"
					+ " CAST(:challenges AS jsonb))")
				.param("id", UUID.randomUUID())
				.param("now", offset(now))
				.param("category", row.category())
				.param("poolId", RequestOrigin.clip(row.poolId(), 55))
				.param("actorType", row.actorType())
				.param("actor", row.actor())
				.param("action", row.action())
				.param("target", row.target())
				.param("targetSub", row.targetSub())
				.param("outcome", row.outcome().name())
				.param("reason", row.reason())
				.param("clientId", row.clientId())
				.param("sourceIp", row.origin().sourceIp())
				.param("userAgent", row.origin().userAgent())
				.param("requestId", row.origin().requestId())
				.param("challenges", row.challenges())
				.update();
		}
		catch (RuntimeException ex) {
			fallback.warn("audit event not persisted ({}): category={} pool={} actor={} action={} target={}"
					+ " outcome={} reason={} client={} from={} request={}", ex.getClass().getSimpleName(),
					row.category(), row.poolId(), row.actor(), row.action(), row.target(), row.outcome(), row.reason(),
					row.clientId(), row.origin().sourceIp(), row.origin().requestId());
		}
	}

	private static String challengesJson(List<ChallengeResult> challenges) {
		if (challenges.isEmpty()) {
			return null;
		}
		StringBuilder text = new StringBuilder("[");
		for (ChallengeResult result : challenges) {
			if (text.length() > 1) {
				text.append(',');
			}
			text.append("{\"ChallengeName\":\"")
				.append(result.challenge().wireName())
				.append("\",\"ChallengeResponse\":\"")
				.append(result.success() ? "Success" : "Failure")
				.append("\"}");
		}
		return text.append(']').toString();
	}

	private static RecordedAuthEvent authEvent(ResultSet rs, int row) throws SQLException {
		List<ChallengeResult> challenges = new ArrayList<>();
		String text = rs.getString("challenges");
		if (text != null) {
			for (JsonNode node : json.readTree(text)) {
				ChallengeResult.Challenge challenge = "Mfa".equals(node.path("ChallengeName").asString(""))
						? ChallengeResult.Challenge.MFA : ChallengeResult.Challenge.PASSWORD;
				challenges.add(new ChallengeResult(challenge, "Success".equals(node.path("ChallengeResponse").asString(""))));
			}
		}
		return new RecordedAuthEvent(rs.getObject("id", UUID.class),
				rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				AuthEventType.fromWireName(rs.getString("action")), AuditOutcome.valueOf(rs.getString("outcome")),
				rs.getString("client_id"), rs.getString("source_ip"), rs.getString("user_agent"), challenges);
	}

	private static OffsetDateTime offset(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private record Row(String category, String poolId, String actorType, String actor, String action, String target,
			UUID targetSub, AuditOutcome outcome, String reason, String clientId, RequestOrigin origin,
			String challenges) {
	}

	private record Position(Instant time, UUID id) {

		static Position parse(String text) {
			int space = text.indexOf(' ');
			try {
				long micros = Long.parseLong(text.substring(0, space));
				return new Position(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), UUID.fromString(text.substring(space + 1)));
			}
			catch (RuntimeException ex) {
				throw new InvalidSettingException("Invalid NextToken.");
			}
		}

		@Override
		public String toString() {
			return ChronoUnit.MICROS.between(Instant.EPOCH, this.time) + " " + this.id;
		}

	}

}
