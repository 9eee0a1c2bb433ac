package io.gatehouse.userpool.audit;

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
 * Deletes audit events older than {@code gatehouse.audit.retention}. Every instance schedules the job; one
 * runs it at a time, in batches ({@link LockedBatchDeletes}).
 */
@Component
public final class AuditRetention {

	/** The advisory lock key: "gh-audit" in ASCII, unique among Gatehouse's locks. */
	static final long LOCK_KEY = 0x67682d6175646974L;

	private static final Logger logger = LoggerFactory.getLogger(AuditRetention.class);

	private final DataSource dataSource;

	private final AuditProperties properties;

	private final Clock clock;

	AuditRetention(DataSource dataSource, AuditProperties properties, ObjectProvider<Clock> clock) {
		this.dataSource = dataSource;
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Scheduled(fixedDelayString = "${gatehouse.audit.prune-interval:1h}",
			initialDelayString = "${gatehouse.audit.prune-initial-delay:5m}")
	void scheduledPrune() {
		try {
			prune();
		}
		catch (RuntimeException ex) {
			logger.warn("Pruning the audit log failed; the next round retries: {}", ex.getClass().getSimpleName());
		}
	}

	/**
	 * Prunes once.
	 * @return the number of events deleted, or empty when another instance holds the lock
	 */
	public OptionalLong prune() {
		OffsetDateTime cutoff = OffsetDateTime.ofInstant(this.clock.instant().minus(this.properties.retention()),
				ZoneOffset.UTC);
		long deleted = LockedBatchDeletes.run(this.dataSource, LOCK_KEY, this.properties.pruneBatchSize(),
				List.of(new LockedBatchDeletes.Delete("DELETE FROM user_pool.audit_event WHERE id IN"
						+ " (SELECT id FROM user_pool.audit_event WHERE occurred_at < ? LIMIT ?)", List.of(cutoff))));
		return (deleted < 0) ? OptionalLong.empty() : OptionalLong.of(deleted);
	}

}
