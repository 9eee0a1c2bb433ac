package io.gatehouse.userpool.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.OptionalLong;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes audit events older than {@code gatehouse.audit.retention}. Every instance schedules the job; a
 * PostgreSQL session advisory lock lets one of them run it at a time, and the others skip that round. The
 * lock belongs to the connection, so an instance that dies mid-prune releases it with its connection.
 * Rows go in batches, each its own short transaction, so a large backlog never blocks writers.
 */
@Component
public final class AuditRetention {

	/** The advisory lock key: "gh-audit" in ASCII, unique among Gatehouse's locks. */
	static final long LOCK_KEY = 0x67682d6175646974L;

	private static final Logger logger = LoggerFactory.getLogger(AuditRetention.class);

	private final JdbcTemplate jdbc;

	private final AuditProperties properties;

	private final Clock clock;

	AuditRetention(DataSource dataSource, AuditProperties properties, ObjectProvider<Clock> clock) {
		this.jdbc = new JdbcTemplate(dataSource);
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
		Long deleted = this.jdbc.execute((ConnectionCallback<Long>) (connection) -> pruneOn(connection, cutoff));
		return (deleted == null || deleted < 0) ? OptionalLong.empty() : OptionalLong.of(deleted);
	}

	private long pruneOn(Connection connection, OffsetDateTime cutoff) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(true);
		try {
			if (!tryLock(connection)) {
				return -1;
			}
			try (PreparedStatement delete = connection.prepareStatement("DELETE FROM user_pool.audit_event WHERE id IN"
					+ " (SELECT id FROM user_pool.audit_event WHERE occurred_at < ? LIMIT ?)")) {
				long total = 0;
				int batch;
				do {
					delete.setObject(1, cutoff);
					delete.setInt(2, this.properties.pruneBatchSize());
					batch = delete.executeUpdate();
					total += batch;
				}
				while (batch == this.properties.pruneBatchSize());
				return total;
			}
			finally {
				try (Statement unlock = connection.createStatement()) {
					unlock.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
				}
			}
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
	}

	private static boolean tryLock(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT pg_try_advisory_lock(" + LOCK_KEY + ")")) {
			return result.next() && result.getBoolean(1);
		}
	}

}
