package io.gatehouse.userpool.code;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.gatehouse.boot.MasterKey;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues and checks every one-time code in the product. Codes are random digits from {@link SecureRandom};
 * only {@code HMAC-SHA256(key, purpose, sub, code)} is stored, under a key derived from the master key.
 * Verification is atomic: each attempt is claimed with one conditional {@code UPDATE} (so parallel attempts
 * are all counted and the caps hold), the HMAC is compared in constant time, and the code is consumed with a
 * second conditional {@code UPDATE} that only one of several concurrent right answers can win.
 */
@Service
public final class OneTimeCodeService {

	private static final String HMAC = "HmacSHA256";

	private static final int MAX_INPUT_LENGTH = 64;

	private static final String CLAIM_ATTEMPT = "UPDATE user_pool.one_time_code c SET attempts = attempts + 1"
			+ " WHERE pool_id = :poolId AND user_sub = :sub AND purpose = :purpose"
			+ " AND consumed_at IS NULL AND superseded_at IS NULL AND expires_at > :now"
			+ " AND attempts < LEAST(max_attempts, :windowCap - (SELECT COALESCE(SUM(o.attempts), 0)"
			+ " FROM user_pool.one_time_code o WHERE o.user_sub = :sub AND o.purpose = :purpose"
			+ " AND o.created_at > :windowStart AND o.id <> c.id))"
			+ " RETURNING id, code_hash, max_attempts - attempts";

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final OneTimeCodeProperties properties;

	private final SecretKeySpec hmacKey;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	OneTimeCodeService(JdbcClient jdbc, PlatformTransactionManager transactionManager,
			OneTimeCodeProperties properties, MasterKey masterKey, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactionManager);
		this.properties = properties;
		this.hmacKey = new SecretKeySpec(masterKey.deriveKey("gatehouse/one-time-code/hmac-sha256", 32), HMAC);
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * Issues a new code for {@code purpose}, superseding the user's previous one.
	 * @throws CodeLimitExceededException the user already got {@code maxCodesPerWindow} codes for this purpose
	 * @throws IllegalArgumentException the user is not in the pool (a caller bug: look the user up first)
	 */
	public IssuedCode issue(String poolId, UUID sub, CodePurpose purpose) {
		OneTimeCodeProperties.CodeSettings settings = this.properties.settings(purpose);
		String code = generate(settings.length());
		byte[] hash = hmac(purpose, sub, code);
		OffsetDateTime now = now();
		OffsetDateTime expiresAt = now.plus(settings.ttl());
		this.transaction.executeWithoutResult((status) -> {
			// Serializes issuing per user and purpose, so the cap and "one live code" hold under concurrency.
			this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
				.param("key", "one_time_code/" + sub + "/" + purpose.name())
				.query()
				.singleValue();
			OffsetDateTime windowStart = now.minus(this.properties.window());
			this.jdbc.sql("DELETE FROM user_pool.one_time_code WHERE user_sub = :sub AND purpose = :purpose"
					+ " AND created_at <= :windowStart AND (consumed_at IS NOT NULL OR superseded_at IS NOT NULL"
					+ " OR expires_at <= :now)")
				.param("sub", sub)
				.param("purpose", purpose.name())
				.param("windowStart", windowStart)
				.param("now", now)
				.update();
			long recent = this.jdbc.sql("SELECT count(*) FROM user_pool.one_time_code WHERE user_sub = :sub"
					+ " AND purpose = :purpose AND created_at > :windowStart")
				.param("sub", sub)
				.param("purpose", purpose.name())
				.param("windowStart", windowStart)
				.query(Long.class)
				.single();
			if (recent >= this.properties.maxCodesPerWindow()) {
				throw new CodeLimitExceededException();
			}
			supersede(sub, purpose, now);
			int inserted = this.jdbc.sql("INSERT INTO user_pool.one_time_code (id, pool_id, user_sub, purpose, code_hash,"
					+ " created_at, expires_at, attempts, max_attempts) SELECT :id, :poolId, :sub, :purpose, :hash, :now,"
					+ " :expiresAt, 0, :maxAttempts WHERE EXISTS (SELECT 1 FROM user_pool.user_account"
					+ " WHERE sub = :sub AND pool_id = :poolId)")
				.param("id", UUID.randomUUID())
				.param("poolId", poolId)
				.param("sub", sub)
				.param("purpose", purpose.name())
				.param("hash", hash)
				.param("now", now)
				.param("expiresAt", expiresAt)
				.param("maxAttempts", settings.maxAttempts())
				.update();
			if (inserted != 1) {
				throw new IllegalArgumentException("no such user in the pool");
			}
		});
		return new IssuedCode(code, expiresAt.toInstant());
	}

	/** Checks {@code code} against the user's live code for {@code purpose}, consuming it when right. */
	public CodeVerification verify(String poolId, UUID sub, CodePurpose purpose, String code) {
		OffsetDateTime now = now();
		Optional<Claim> claim = this.jdbc.sql(CLAIM_ATTEMPT)
			.param("poolId", poolId)
			.param("sub", sub)
			.param("purpose", purpose.name())
			.param("now", now)
			.param("windowCap", this.properties.maxAttemptsPerWindow())
			.param("windowStart", now.minus(this.properties.window()))
			.query((rs, row) -> new Claim(rs.getObject(1, UUID.class), rs.getBytes(2), rs.getInt(3)))
			.optional();
		if (claim.isEmpty()) {
			return whyNoAttempt(poolId, sub, purpose, now);
		}
		String candidate = (code == null || code.length() > MAX_INPUT_LENGTH) ? "" : code;
		if (!MessageDigest.isEqual(claim.get().hash(), hmac(purpose, sub, candidate))) {
			return new CodeVerification.Mismatch(Math.max(0, claim.get().attemptsLeft()));
		}
		int consumed = this.jdbc.sql("UPDATE user_pool.one_time_code SET consumed_at = :now WHERE id = :id"
				+ " AND consumed_at IS NULL AND superseded_at IS NULL")
			.param("id", claim.get().id())
			.param("now", now)
			.update();
		return consumed == 1 ? new CodeVerification.Verified() : new CodeVerification.Expired();
	}

	/** Makes the user's live code for {@code purpose} unusable (e.g. the flow it belonged to was cancelled). */
	public void invalidate(UUID sub, CodePurpose purpose) {
		supersede(sub, purpose, now());
	}

	private void supersede(UUID sub, CodePurpose purpose, OffsetDateTime now) {
		this.jdbc.sql("UPDATE user_pool.one_time_code SET superseded_at = :now WHERE user_sub = :sub"
				+ " AND purpose = :purpose AND consumed_at IS NULL AND superseded_at IS NULL")
			.param("sub", sub)
			.param("purpose", purpose.name())
			.param("now", now)
			.update();
	}

	private CodeVerification whyNoAttempt(String poolId, UUID sub, CodePurpose purpose, OffsetDateTime now) {
		Optional<Boolean> liveAndUnexpired = this.jdbc
			.sql("SELECT expires_at > :now FROM user_pool.one_time_code WHERE pool_id = :poolId AND user_sub = :sub"
					+ " AND purpose = :purpose AND consumed_at IS NULL AND superseded_at IS NULL")
			.param("now", now)
			.param("poolId", poolId)
			.param("sub", sub)
			.param("purpose", purpose.name())
			.query(Boolean.class)
			.optional();
		// A live, unexpired code that could not be attempted has used up its attempts (or the window's).
		return liveAndUnexpired.orElse(false) ? new CodeVerification.TooManyAttempts()
				: new CodeVerification.Expired();
	}

	private String generate(int length) {
		int bound = 1;
		for (int i = 0; i < length; i++) {
			bound *= 10;
		}
		String digits = Integer.toString(this.random.nextInt(bound));
		return "0".repeat(length - digits.length()) + digits;
	}

	private byte[] hmac(CodePurpose purpose, UUID sub, String code) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(this.hmacKey);
			mac.update(purpose.name().getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			mac.update(sub.toString().getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return mac.doFinal(code.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is unavailable", ex);
		}
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC)
			.truncatedTo(ChronoUnit.MICROS);
	}

	private record Claim(UUID id, byte[] hash, int attemptsLeft) {
	}

}
