package io.gatehouse.userpool.token;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;

import javax.sql.DataSource;

import io.gatehouse.boot.LockedBatchDeletes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes what no request can use any more: token rows that expired longer than
 * {@code gatehouse.tokens.retention} ago (every refresh adds rows, and rotated refresh tokens are kept only to
 * recognise replay, which an expired token cannot be), then authorizations left without tokens that are older
 * than the retention (finished families and abandoned authorization requests). Every instance schedules the
 * job; one runs it at a time, in batches ({@link LockedBatchDeletes}).
 */
@Component
public final class TokenRetention {

	/** The advisory lock key: "gh-token" in ASCII, unique among Gatehouse's locks. */
	static final long LOCK_KEY = 0x67682d746f6b656eL;

	private static final Logger logger = LoggerFactory.getLogger(TokenRetention.class);

	private final DataSource dataSource;

	private final TokenRetentionProperties properties;

	private final Clock clock;

	TokenRetention(DataSource dataSource, TokenRetentionProperties properties, ObjectProvider<Clock> clock) {
		this.dataSource = dataSource;
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Scheduled(fixedDelayString = "${gatehouse.tokens.prune-interval:1h}",
			initialDelayString = "${gatehouse.tokens.prune-initial-delay:7m}")
	void scheduledPrune() {
		try {
			prune();
		}
		catch (RuntimeException ex) {
			logger.warn("Pruning expired tokens failed; the next round retries: {}", ex.getClass().getSimpleName());
		}
	}

	/**
	 * Prunes once.
	 * @return the number of rows deleted (tokens and authorizations), or empty when another instance holds the
	 * lock
	 */
	public OptionalLong prune() {
		OffsetDateTime cutoff = OffsetDateTime.ofInstant(this.clock.instant().minus(this.properties.retention()),
				ZoneOffset.UTC);
		long deleted = LockedBatchDeletes.run(this.dataSource, LOCK_KEY, this.properties.pruneBatchSize(), List.of(
				new LockedBatchDeletes.Delete("DELETE FROM user_pool.oauth2_token WHERE token_hash IN"
						+ " (SELECT token_hash FROM user_pool.oauth2_token WHERE expires_at < ? LIMIT ?)", List.of(cutoff)),
				new LockedBatchDeletes.Delete("DELETE FROM user_pool.oauth2_authorization WHERE id IN"
						+ " (SELECT a.id FROM user_pool.oauth2_authorization a WHERE a.created_at < ?"
						+ " AND NOT EXISTS (SELECT 1 FROM user_pool.oauth2_token t WHERE t.authorization_id = a.id)"
						+ " LIMIT ?)", List.of(cutoff))));
		return (deleted < 0) ? OptionalLong.empty() : OptionalLong.of(deleted);
	}

}
