package io.gatehouse.userpool.audit;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.gatehouse.userpool.Concurrently;
import io.gatehouse.userpool.UserModelTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention: old events go, recent ones stay, and only one instance prunes at a time. The job under test is
 * built with a small batch so several batches run; it shares the database of the user-model context.
 */
@UserModelTest
class AuditRetentionTest {

	private AuditRetention retention;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private DataSource dataSource;

	@BeforeEach
	void empty() {
		this.retention = new AuditRetention(this.dataSource,
				new AuditProperties(Duration.ofDays(90), Duration.ofHours(1), 100), new StaticListableBeanFactory().getBeanProvider(Clock.class));
		this.jdbc.sql("DELETE FROM user_pool.audit_event").update();
	}

	@Test
	void pruneThenEventsOlderThanRetentionAreDeletedAndRecentOnesKept() {
		insert(250, Duration.ofDays(91));
		insert(7, Duration.ofDays(89));

		OptionalLong deleted = this.retention.prune();

		assertThat(deleted).hasValue(250);
		assertThat(count()).isEqualTo(7);
	}

	@Test
	void pruneWhenAnotherInstanceHoldsTheLockThenSkipsAndDeletesNothing() throws Exception {
		insert(10, Duration.ofDays(100));
		try (Connection other = this.dataSource.getConnection(); Statement statement = other.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(" + AuditRetention.LOCK_KEY + ")");

			assertThat(this.retention.prune()).isEmpty();
			assertThat(count()).isEqualTo(10);

			statement.execute("SELECT pg_advisory_unlock(" + AuditRetention.LOCK_KEY + ")");
		}
		assertThat(this.retention.prune()).hasValue(10);
	}

	@Test
	void pruneWhenRunConcurrentlyThenEveryOldEventIsDeletedExactlyOnce() throws Exception {
		insert(500, Duration.ofDays(120));

		List<Object> results = Concurrently.run(4, () -> this.retention.prune());

		long deleted = results.stream()
			.map(OptionalLong.class::cast)
			.filter(OptionalLong::isPresent)
			.mapToLong(OptionalLong::getAsLong)
			.sum();
		assertThat(deleted).isEqualTo(500);
		assertThat(count()).isZero();
	}

	private void insert(int events, Duration age) {
		OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minus(age);
		for (int i = 0; i < events; i++) {
			this.jdbc.sql("INSERT INTO user_pool.audit_event (id, occurred_at, category, actor_type, action, outcome)"
					+ " VALUES (:id, :at, 'ADMIN', 'NONE', 'CreateUserPool', 'REFUSED')")
				.param("id", UUID.randomUUID())
				.param("at", at)
				.update();
		}
	}

	private long count() {
		return this.jdbc.sql("SELECT count(*) FROM user_pool.audit_event").query(Long.class).single();
	}

}
