package io.gatehouse.boot;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EmbeddedPostgresServerTest {

	@TempDir
	Path first;

	@TempDir
	Path second;

	@Test
	void startWhenPortServedByAnotherPostgresThenRefusedWithClearMessage() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		try (EmbeddedPostgresServer running = EmbeddedPostgresServer.start(this.first, port, Duration.ofSeconds(60))) {
			assertThat(running.port()).isEqualTo(port);
			assertThatExceptionOfType(EmbeddedPostgresStartException.class)
				.isThrownBy(() -> EmbeddedPostgresServer.start(this.second, port, Duration.ofSeconds(20)))
				.withMessageContaining("port " + port + " is already used by another PostgreSQL");
		}
	}

	@Test
	void startTwiceOnSameDirectoryThenDataDirectoryKept() throws Exception {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.first, 0, Duration.ofSeconds(60))) {
			assertThat(server.dataDirectory()).isEqualTo(this.first.toAbsolutePath().normalize());
		}
		try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(this.first, 0, Duration.ofSeconds(60))) {
			assertThat(this.first.resolve("PG_VERSION")).exists();
		}
	}

	@Test
	void startThenCommitsAreDurable() throws Exception {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.first, 0, Duration.ofSeconds(60));
				java.sql.Connection connection = java.sql.DriverManager.getConnection(server.jdbcUrl("postgres"),
						"postgres", "postgres");
				java.sql.Statement statement = connection.createStatement()) {
			for (String setting : java.util.List.of("fsync", "synchronous_commit", "full_page_writes")) {
				try (java.sql.ResultSet result = statement.executeQuery("SHOW " + setting)) {
					assertThat(result.next()).isTrue();
					assertThat(result.getString(1)).as(setting).isEqualTo("on");
				}
			}
		}
	}

	@Test
	void startThenCheckpointsAreSpacedForAWriteHeavyLoad() throws Exception {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.first, 0, Duration.ofSeconds(60));
				java.sql.Connection connection = java.sql.DriverManager.getConnection(server.jdbcUrl("postgres"),
						"postgres", "postgres");
				java.sql.Statement statement = connection.createStatement();
				java.sql.ResultSet result = statement.executeQuery("SELECT current_setting('checkpoint_timeout'),"
						+ " current_setting('max_wal_size')")) {
			assertThat(result.next()).isTrue();
			assertThat(result.getString(1)).isEqualTo("15min");
			assertThat(result.getString(2)).isEqualTo("4GB");
		}
	}

}
