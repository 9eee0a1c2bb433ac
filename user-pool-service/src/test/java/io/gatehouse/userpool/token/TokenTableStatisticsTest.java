package io.gatehouse.userpool.token;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.gatehouse.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V73: auto-analyze of the token table reads a sample of 3,000 rows instead of 30,000. Under refresh load the
 * default sample took half a second of CPU about once a minute and left a burst of slow refreshes behind; the
 * table is only read by exact keys, which coarse statistics plan the same ({@link TokenQueryPlanTest}).
 */
class TokenTableStatisticsTest {

	private static DriverManagerDataSource dataSource;

	@BeforeAll
	static void migrate() {
		TestPostgres.Database database = TestPostgres.newDatabase();
		dataSource = new DriverManagerDataSource(database.url(), database.username(), database.password());
		UserPoolMigrations.migrate(dataSource, "latest");
	}

	/** A column added later without a target of its own would bring the 30,000-row sample back. */
	@Test
	void migrateThenEveryColumnHasStatisticsTargetTen() {
		List<String> others = JdbcClient.create(dataSource)
			.sql("SELECT attname || '=' || coalesce(attstattarget::text, 'default') FROM pg_attribute"
					+ " WHERE attrelid = 'user_pool.oauth2_token'::regclass AND attnum > 0 AND NOT attisdropped"
					+ " AND attstattarget IS DISTINCT FROM 10")
			.query(String.class)
			.list();
		assertThat(others).isEmpty();
	}

	@Test
	void analyzeTenThousandTokensThenSamplesThreeThousand() throws SQLException {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		jdbc.sql("INSERT INTO user_pool.user_pool (id, name, settings, created_at, updated_at)"
				+ " VALUES ('local-1_stats', 'p', '{}', now(), now())").update();
		jdbc.sql("INSERT INTO user_pool.app_client (client_id, pool_id, client_name, settings, created_at, updated_at)"
				+ " VALUES ('client1', 'local-1_stats', 'c', '{}', now(), now())").update();
		jdbc.sql("INSERT INTO user_pool.oauth2_authorization (id, pool_id, client_id, principal_name, grant_type,"
				+ " authorized_scopes, created_at) VALUES ('family', 'local-1_stats', 'client1', 'u', 'refresh_token',"
				+ " 'openid', now())").update();
		jdbc.sql("INSERT INTO user_pool.oauth2_token (token_hash, authorization_id, token_type, jti, issued_at,"
				+ " expires_at) SELECT sha256(i::text::bytea), 'family', 'access_token', i::text, now(),"
				+ " now() + interval '1 hour' FROM generate_series(1, 10000) AS i").update();

		assertThat(analyzeVerbose("user_pool.oauth2_token")).anySatisfy((message) -> assertThat(message)
			.contains("10000 live rows", "3000 rows in sample"));
	}

	private static List<String> analyzeVerbose(String table) throws SQLException {
		List<String> messages = new ArrayList<>();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("ANALYZE VERBOSE " + table);
			for (SQLWarning warning = statement.getWarnings(); warning != null; warning = warning.getNextWarning()) {
				messages.add(warning.getMessage());
			}
		}
		return messages;
	}

}
