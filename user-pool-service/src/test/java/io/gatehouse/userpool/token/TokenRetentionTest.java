package io.gatehouse.userpool.token;

import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.gatehouse.userpool.UserModelTest;
import io.gatehouse.userpool.user.TestUserPools;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Token rows go a day after they expired, then the authorizations they leave empty; anything a request may
 * still use stays, and only one instance prunes at a time.
 */
@UserModelTest
class TokenRetentionTest {

	private final Instant now = Instant.now();

	@Autowired
	private DataSource dataSource;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private JdbcTemplate jdbcTemplate;

	private TokenRetention retention;

	private String poolId;

	private String clientId;

	@BeforeEach
	void pool() {
		Clock clock = Clock.fixed(this.now, ZoneOffset.UTC);
		this.retention = new TokenRetention(this.dataSource,
				new TokenRetentionProperties(Duration.ofDays(1), Duration.ofHours(1), 100),
				new StaticListableBeanFactory(Map.of("clock", clock)).getBeanProvider(Clock.class));
		this.poolId = TestUserPools.insert(this.jdbcTemplate).poolId();
		this.clientId = "client" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
		this.jdbc.sql("INSERT INTO user_pool.app_client (client_id, pool_id, client_name, settings, created_at, updated_at)"
				+ " VALUES (?, ?, 'app', '{}'::jsonb, now(), now())").params(this.clientId, this.poolId).update();
		// Rows of earlier tests (other pools) must not count here: start from nothing that is prunable.
		this.retention.prune();
	}

	@Test
	void pruneThenLongExpiredTokensAndEmptiedOldAuthorizationsGoAndEverythingUsableStays() {
		String finished = authorization(Duration.ofDays(40));
		token(finished, "refresh_token", Duration.ofDays(2));
		token(finished, "access_token", Duration.ofDays(30));
		String living = authorization(Duration.ofDays(40));
		token(living, "refresh_token", Duration.ofDays(3));
		token(living, "refresh_token", Duration.ofHours(-5));
		token(living, "id_token", Duration.ofHours(20));
		String abandoned = authorization(Duration.ofDays(2));
		String pending = authorization(Duration.ofHours(2));
		String endless = authorization(Duration.ofDays(40));
		token(endless, "refresh_token", null);

		assertThat(this.retention.prune()).hasValue(3 + 2);

		assertThat(tokens(finished)).isZero();
		assertThat(exists(finished)).isFalse();
		assertThat(exists(abandoned)).isFalse();
		// Expired less than a day ago (an ID token may still be an id_token_hint) or not expired: kept.
		assertThat(tokens(living)).isEqualTo(2);
		assertThat(exists(living)).isTrue();
		assertThat(exists(pending)).isTrue();
		assertThat(tokens(endless)).isEqualTo(1);
	}

	@Test
	void pruneWhenAnotherInstanceHoldsTheLockThenSkipsAndDeletesNothing() throws Exception {
		String finished = authorization(Duration.ofDays(40));
		token(finished, "access_token", Duration.ofDays(30));
		try (Connection other = this.dataSource.getConnection(); Statement statement = other.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(" + TokenRetention.LOCK_KEY + ")");

			assertThat(this.retention.prune()).isEmpty();
			assertThat(tokens(finished)).isEqualTo(1);

			statement.execute("SELECT pg_advisory_unlock(" + TokenRetention.LOCK_KEY + ")");
		}
		assertThat(this.retention.prune()).hasValue(2);
		assertThat(exists(finished)).isFalse();
	}

	private String authorization(Duration age) {
		String id = UUID.randomUUID().toString();
		this.jdbc.sql("INSERT INTO user_pool.oauth2_authorization (id, pool_id, client_id, principal_name, grant_type,"
				+ " authorized_scopes, created_at) VALUES (?, ?, ?, 'someone', 'authorization_code', 'openid', ?)")
			.params(id, this.poolId, this.clientId, Timestamp.from(this.now.minus(age)))
			.update();
		return id;
	}

	/** @param expiredAgo how long ago the token expired (negative: it expires later), null: never */
	private void token(String authorizationId, String type, Duration expiredAgo) {
		byte[] hash = new byte[32];
		java.util.concurrent.ThreadLocalRandom.current().nextBytes(hash);
		this.jdbc.sql("INSERT INTO user_pool.oauth2_token (token_hash, authorization_id, token_type, issued_at,"
				+ " expires_at) VALUES (?, ?, ?, ?, ?)")
			.params(hash, authorizationId, type, Timestamp.from(this.now.minus(Duration.ofDays(41))),
					(expiredAgo != null) ? Timestamp.from(this.now.minus(expiredAgo)) : null)
			.update();
	}

	private int tokens(String authorizationId) {
		return this.jdbc.sql("SELECT count(*) FROM user_pool.oauth2_token WHERE authorization_id = ?")
			.param(authorizationId)
			.query(Integer.class)
			.single();
	}

	private boolean exists(String authorizationId) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM user_pool.oauth2_authorization WHERE id = ?)")
			.param(authorizationId)
			.query(Boolean.class)
			.single();
	}

}
