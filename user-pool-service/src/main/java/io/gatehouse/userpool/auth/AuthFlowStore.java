package io.gatehouse.userpool.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code auth_flow} table. Sessions are 256 random bits (base64url); only their SHA-256 is stored, which
 * is enough for a value with that much entropy (no key, no salt needed). Claiming a flow is one conditional
 * {@code UPDATE ... RETURNING}, so of several concurrent answers with the same session exactly one gets it.
 */
@Component
final class AuthFlowStore {

	/** Longest session value accepted; anything longer is not ours and is not even hashed. */
	static final int MAX_SESSION_LENGTH = 256;

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private static final String CLAIM = "UPDATE user_pool.auth_flow SET consumed_at = :now, attempts = attempts + 1"
			+ " WHERE session_hash = :hash AND consumed_at IS NULL AND expires_at > :now AND attempts < :maxAttempts"
			+ " RETURNING id, pool_id, client_id, user_sub, challenge, progress, door, attempts, expires_at";

	private final JdbcClient jdbc;

	private final SecureRandom random = new SecureRandom();

	AuthFlowStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a new flow and returns its session value, the only copy of which goes to the caller. */
	String create(String poolId, String clientId, UUID sub, ChallengeName challenge, List<String> methods,
			AuthDoor door, Instant now, Instant expiresAt) {
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String session = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		this.jdbc.sql("INSERT INTO user_pool.auth_flow (id, session_hash, pool_id, client_id, user_sub, challenge,"
				+ " progress, door, attempts, created_at, expires_at) VALUES (:id, :hash, :poolId, :clientId, :sub,"
				+ " :challenge, CAST(:progress AS jsonb), :door, 0, :now, :expiresAt)")
			.param("id", UUID.randomUUID())
			.param("hash", hash(session))
			.param("poolId", poolId)
			.param("clientId", clientId)
			.param("sub", sub)
			.param("challenge", challenge.name())
			.param("progress", json.writeValueAsString(methods))
			.param("door", door.name())
			.param("now", offset(now))
			.param("expiresAt", offset(expiresAt))
			.update();
		return session;
	}

	/**
	 * Claims the flow of {@code session}: empty when there is none, or it is used, expired or out of attempts.
	 * A claimed flow is consumed; {@link #release} gives it back for another answer.
	 */
	Optional<AuthFlow> claim(String session, Instant now, int maxAttempts) {
		if (session == null || session.isEmpty() || session.length() > MAX_SESSION_LENGTH) {
			return Optional.empty();
		}
		return this.jdbc.sql(CLAIM)
			.param("hash", hash(session))
			.param("now", offset(now))
			.param("maxAttempts", maxAttempts)
			.query((rs, row) -> new AuthFlow(rs.getObject("id", UUID.class), rs.getString("pool_id"),
					rs.getString("client_id"), rs.getObject("user_sub", UUID.class),
					ChallengeName.valueOf(rs.getString("challenge")), json.readValue(rs.getString("progress"), STRINGS),
					AuthDoor.valueOf(rs.getString("door")), rs.getInt("attempts"),
					rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

	/** Makes a claimed flow answerable again (the answer was refused but may be corrected), until it expires. */
	void release(UUID id) {
		this.jdbc.sql("UPDATE user_pool.auth_flow SET consumed_at = NULL WHERE id = :id").param("id", id).update();
	}

	/** Deletes flows that ended or expired before {@code before}, a bounded batch at a time. */
	void purge(Instant before) {
		this.jdbc.sql("DELETE FROM user_pool.auth_flow WHERE id IN (SELECT id FROM user_pool.auth_flow"
				+ " WHERE expires_at < :before LIMIT 500)")
			.param("before", offset(before))
			.update();
	}

	static byte[] hash(String session) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(session.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is unavailable", ex);
		}
	}

	private static OffsetDateTime offset(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
	}

}
