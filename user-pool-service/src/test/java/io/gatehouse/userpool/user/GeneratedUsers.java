package io.gatehouse.userpool.user;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs the benchmark generator ({@code benchmark/generate-users.sql}, the file operators run with psql) with
 * bind parameters in place of the psql variables, so tests seed large pools exactly as the benchmark does.
 */
public final class GeneratedUsers {

	private GeneratedUsers() {
	}

	/** Inserts users {@code first .. first + count - 1} into the pool and ANALYZEs the table. */
	public static void insert(JdbcClient jdbc, String poolId, int first, int count) {
		String script;
		try (InputStream in = GeneratedUsers.class.getResourceAsStream("/benchmark/generate-users.sql")) {
			script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String sql = script.replaceAll("(?m)^--.*$", "").replace(":'pool_id'", ":poolId");
		for (String statement : sql.split(";\\s*\\n")) {
			if (statement.isBlank()) {
				continue;
			}
			JdbcClient.StatementSpec spec = jdbc.sql(statement);
			if (statement.contains(":poolId")) {
				spec = spec.param("poolId", poolId).param("first", first).param("users", count);
			}
			spec.update();
		}
	}

	/** The username of generated user {@code n}. */
	public static String username(int n) {
		return "user" + String.format("%07d", n);
	}

}
