package io.gatehouse.userpool.user;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per user and applies the {@link LockoutCurve}. Each change is one
 * {@code UPDATE ... RETURNING}, so parallel attempts against one user are all counted and no two requests
 * can both see "not locked" on a stale read. Failures during a lockout are refused without being counted.
 */
@Component
public final class SignInThrottle {

	private static final String FAILURE_COUNT = "CASE WHEN last_failed_sign_in_at IS NULL"
			+ " OR last_failed_sign_in_at <= :resetBefore THEN 1 ELSE failed_sign_in_count + 1 END";

	private static final String LOCKOUT_SECONDS = "(CAST(:curve AS float8[]))[LEAST(" + FAILURE_COUNT
			+ ", :curveLength)]";

	private static final String RECORD_FAILURE = "UPDATE user_pool.user_account SET failed_sign_in_count = "
			+ FAILURE_COUNT + ", last_failed_sign_in_at = :now, locked_until = CASE WHEN " + LOCKOUT_SECONDS
			+ " > 0 THEN :now + make_interval(secs => " + LOCKOUT_SECONDS + ") ELSE NULL END"
			+ " WHERE sub = :sub AND (locked_until IS NULL OR locked_until <= :now)"
			+ " RETURNING failed_sign_in_count, locked_until";

	private static final String RECORD_SUCCESS = "UPDATE user_pool.user_account SET failed_sign_in_count = 0,"
			+ " last_failed_sign_in_at = NULL, locked_until = NULL"
			+ " WHERE sub = :sub AND (locked_until IS NULL OR locked_until <= :now) RETURNING sub";

	private static final String CURVE = LockoutCurve.asSqlArray();

	private static final int CURVE_LENGTH = LockoutCurve.saturation();

	private final JdbcClient jdbc;

	private final Clock clock;

	public SignInThrottle(JdbcClient jdbc, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	public LockoutState state(UUID sub) {
		return this.jdbc
			.sql("SELECT failed_sign_in_count, locked_until FROM user_pool.user_account WHERE sub = :sub")
			.param("sub", sub)
			.query((rs, row) -> new LockoutState(rs.getInt(1), instant(rs.getObject(2, OffsetDateTime.class))))
			.optional()
			.orElse(new LockoutState(0, null));
	}

	/**
	 * Counts a failed sign-in and returns the new state. If the user is locked out at this moment the attempt
	 * is not counted and the current (locked) state is returned.
	 */
	public LockoutState recordFailure(UUID sub) {
		return tryRecordFailure(sub).orElseGet(() -> state(sub));
	}

	/**
	 * Counts a failed sign-in in exactly one statement: empty when nothing was counted, because the user is
	 * locked out at this moment or there is no such user.
	 */
	Optional<LockoutState> tryRecordFailure(UUID sub) {
		OffsetDateTime now = offset(this.clock.instant());
		return this.jdbc.sql(RECORD_FAILURE)
			.param("sub", sub)
			.param("now", now)
			.param("resetBefore", now.minus(LockoutCurve.RESET_AFTER))
			.param("curve", CURVE)
			.param("curveLength", CURVE_LENGTH)
			.query((rs, row) -> new LockoutState(rs.getInt(1), instant(rs.getObject(2, OffsetDateTime.class))))
			.optional();
	}

	/**
	 * Clears the count after a successful sign-in. Returns false, changing nothing, when the user is locked out
	 * at this moment (a parallel failure may have locked them after the password was checked): the sign-in
	 * must then be refused like any attempt during a lockout.
	 */
	public boolean recordSuccess(UUID sub) {
		return this.jdbc.sql(RECORD_SUCCESS)
			.param("sub", sub)
			.param("now", offset(this.clock.instant()))
			.query((rs, row) -> true)
			.optional()
			.isPresent();
	}

	/** Clears the count and any lockout, for a password reset or an administrator's new password. */
	void reset(UUID sub) {
		this.jdbc
			.sql("UPDATE user_pool.user_account SET failed_sign_in_count = 0, last_failed_sign_in_at = NULL,"
					+ " locked_until = NULL WHERE sub = :sub")
			.param("sub", sub)
			.update();
	}

	private static OffsetDateTime offset(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
	}

	private static Instant instant(OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}

}
