package io.gatehouse.userpool.token;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.gatehouse.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V72 replaces the {@code is_current} flag on token rows by pointers on the authorization: a database written
 * before it keeps its families, each pointing at the tokens that were current, and a family without a token of
 * some kind points at nothing for it.
 */
class CurrentTokenPointersMigrationTest {

	@Test
	void migrateFromFlagsThenAuthorizationPointsAtTheCurrentTokens() {
		TestPostgres.Database database = TestPostgres.newDatabase();
		DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.username(),
				database.password());
		JdbcClient jdbc = JdbcClient.create(dataSource);
		UserPoolMigrations.migrate(dataSource, "71");
		jdbc.sql("INSERT INTO user_pool.user_pool (id, name, settings, created_at, updated_at)"
				+ " VALUES ('local-1_migrate', 'p', '{}', now(), now())").update();
		jdbc.sql("INSERT INTO user_pool.app_client (client_id, pool_id, client_name, settings, created_at, updated_at)"
				+ " VALUES ('client1', 'local-1_migrate', 'c', '{}', now(), now())").update();
		for (String id : new String[] { "family-a", "family-b" }) {
			jdbc.sql("INSERT INTO user_pool.oauth2_authorization (id, pool_id, client_id, principal_name, grant_type,"
					+ " authorized_scopes, created_at) VALUES (?, 'local-1_migrate', 'client1', 'u', 'refresh_token',"
					+ " 'openid', now())").param(id).update();
		}
		// family-a refreshed once: its first access and refresh tokens are no longer current.
		token(jdbc, "a1", "family-a", "access_token", false);
		token(jdbc, "a2", "family-a", "refresh_token", false);
		token(jdbc, "a3", "family-a", "access_token", true);
		token(jdbc, "a4", "family-a", "refresh_token", true);
		token(jdbc, "a5", "family-a", "id_token", true);
		// family-b holds only an authorization code.
		token(jdbc, "b1", "family-b", "authorization_code", true);

		UserPoolMigrations.migrate(dataSource, "latest");

		assertThat(pointers(jdbc, "family-a")).containsEntry("current_access", "a3")
			.containsEntry("current_refresh", "a4")
			.containsEntry("current_id", "a5")
			.containsEntry("current_code", null);
		assertThat(pointers(jdbc, "family-b")).containsEntry("current_code", "b1")
			.containsEntry("current_access", null)
			.containsEntry("current_refresh", null)
			.containsEntry("current_id", null);
		assertThat(jdbc.sql("SELECT count(*) FROM user_pool.oauth2_token").query(Integer.class).single()).isEqualTo(6);
	}

	private static void token(JdbcClient jdbc, String hash, String family, String type, boolean current) {
		jdbc.sql("INSERT INTO user_pool.oauth2_token (token_hash, authorization_id, token_type, issued_at, is_current)"
				+ " VALUES (?, ?, ?, now(), ?)")
			.params(hash.getBytes(StandardCharsets.US_ASCII), family, type, current)
			.update();
	}

	private static Map<String, String> pointers(JdbcClient jdbc, String family) {
		return jdbc.sql("SELECT current_code, current_access, current_refresh, current_id"
				+ " FROM user_pool.oauth2_authorization WHERE id = ?")
			.param(family)
			.query((rs, n) -> {
				Map<String, String> pointers = new HashMap<>();
				for (String column : new String[] { "current_code", "current_access", "current_refresh", "current_id" }) {
					byte[] hash = rs.getBytes(column);
					pointers.put(column, (hash != null) ? new String(hash, StandardCharsets.US_ASCII) : null);
				}
				return pointers;
			})
			.single();
	}

}
