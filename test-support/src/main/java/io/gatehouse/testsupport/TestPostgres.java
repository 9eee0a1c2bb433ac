package io.gatehouse.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.gatehouse.boot.EmbeddedPostgresServer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one PostgreSQL server a test JVM uses. A {@code postgres:18} container when a Docker engine is
 * reachable (and {@code GATEHOUSE_TEST_DB} is not {@code embedded}); otherwise the embedded binaries the
 * services themselves run on, in a throw-away data directory. Each Spring test context gets its own
 * database on it, so contexts never see each other's rows.
 */
public final class TestPostgres {

	private static final AtomicInteger databases = new AtomicInteger();

	private static volatile Server server;

	private TestPostgres() {
	}

	/** A fresh, empty database on the shared server. */
	public static Database newDatabase() {
		Server current = server();
		String name = "test_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
		try (Connection connection = DriverManager.getConnection(current.url("postgres"), current.username(),
				current.password()); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot create test database " + name, ex);
		}
		return new Database(name, current.url(name), current.username(), current.password());
	}

	private static Server server() {
		Server current = server;
		if (current == null) {
			synchronized (TestPostgres.class) {
				current = server;
				if (current == null) {
					current = start();
					server = current;
				}
			}
		}
		return current;
	}

	private static Server start() {
		boolean forceEmbedded = "embedded".equalsIgnoreCase(System.getenv("GATEHOUSE_TEST_DB"));
		if (!forceEmbedded && dockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:18");
			container.start();
			String base = container.getJdbcUrl();
			String prefix = base.substring(0, base.lastIndexOf('/') + 1);
			return new Server(prefix, container.getUsername(), container.getPassword());
		}
		try {
			Path directory = Files.createTempDirectory("gatehouse-test-pg");
			EmbeddedPostgresServer embedded = EmbeddedPostgresServer.start(directory, 0, Duration.ofSeconds(60),
					400);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					embedded.close();
					org.springframework.util.FileSystemUtils.deleteRecursively(directory);
				}
				catch (Exception ex) {
					// Best effort at JVM exit.
				}
			}));
			String base = embedded.jdbcUrl("postgres");
			return new Server(base.substring(0, base.lastIndexOf('/') + 1), "postgres", "");
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("cannot create a directory for the test database", ex);
		}
	}

	private static boolean dockerAvailable() {
		// Ask Testcontainers only where an engine could be: it logs an error for every strategy it tries.
		boolean socket = java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"));
		if (!socket && System.getenv("DOCKER_HOST") == null) {
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	/** Connection details of one test database. */
	public record Database(String name, String url, String username, String password) {
	}

	private record Server(String urlPrefix, String username, String password) {

		String url(String database) {
			return this.urlPrefix + database;
		}

	}

}
