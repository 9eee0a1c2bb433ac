package io.gatehouse.testsupport;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service promises a developer on the embedded database: data survives a graceful stop
 * (Ctrl-C) and a {@code kill -9}, and a killed service starts again without manual clean-up even though
 * its old PostgreSQL is still running and holding the data directory and port.
 */
public final class DurabilityContract {

	private static final Duration READY = Duration.ofSeconds(90);

	private DurabilityContract() {
	}

	public static void verify(Class<?> application, Path dataDirectory) throws IOException {
		Path log = Files.createTempFile("gatehouse-durability", ".log");
		int databasePort = ServiceProcess.freePort();
		String[] args = { "--gatehouse.data.directory=" + dataDirectory,
				"--gatehouse.embedded-postgres.port=" + databasePort };
		String url = "jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres";

		try (ServiceProcess first = ServiceProcess.start(application, log, args)) {
			first.awaitReady(READY);
			execute(url, "CREATE TABLE public.durability_probe (id int PRIMARY KEY, note text)",
					"INSERT INTO public.durability_probe VALUES (1, 'before graceful stop')");
			first.stopGracefully(Duration.ofSeconds(60));
		}
		assertThat(listening(databasePort)).as("a graceful stop also stops the embedded PostgreSQL").isFalse();

		try (ServiceProcess second = ServiceProcess.start(application, log, args)) {
			second.awaitReady(READY);
			assertThat(query(url, "SELECT note FROM public.durability_probe WHERE id = 1"))
				.isEqualTo("before graceful stop");
			execute(url, "INSERT INTO public.durability_probe VALUES (2, 'before kill -9')");
			second.kill();
		}
		assertThat(listening(databasePort)).as("after kill -9 the old PostgreSQL is orphaned but still running")
			.isTrue();

		try (ServiceProcess third = ServiceProcess.start(application, log, args)) {
			third.awaitReady(READY);
			assertThat(query(url, "SELECT count(*) FROM public.durability_probe")).isEqualTo("2");
			assertThat(third.actuator().get("/actuator/health/readiness").statusCode()).isEqualTo(200);
			third.stopGracefully(Duration.ofSeconds(60));
		}
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void execute(String url, String... commands) {
		try (Connection connection = DriverManager.getConnection(url, "postgres", "");
				Statement statement = connection.createStatement()) {
			for (String command : commands) {
				statement.execute(command);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String query(String url, String sql) {
		try (Connection connection = DriverManager.getConnection(url, "postgres", "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			return rows.next() ? rows.getString(1) : null;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
