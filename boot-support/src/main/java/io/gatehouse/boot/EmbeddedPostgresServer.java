package io.gatehouse.boot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (zonky's packaged binaries) whose cluster persists in a data directory, so
 * a developer's data survives restarts. PostgreSQL's own crash recovery handles a killed service; this
 * class only has to clear what a killed JVM leaves behind: {@code pg_ctl} daemonises the postmaster, so
 * after {@code kill -9} of the JVM the old server keeps running and holds the data directory.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(30);

	private final EmbeddedPostgres postgres;

	private final Path dataDirectory;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
		this.postgres = postgres;
		this.dataDirectory = dataDirectory;
	}

	public static EmbeddedPostgresServer start(Path dataDirectory, int port, Duration startupTimeout) {
		return start(dataDirectory, port, startupTimeout, 100);
	}

	/** As {@link #start(Path, int, Duration)}, allowing {@code maxConnections} client connections. */
	public static EmbeddedPostgresServer start(Path dataDirectory, int port, Duration startupTimeout,
			int maxConnections) {
		Path directory = dataDirectory.toAbsolutePath().normalize();
		try {
			Files.createDirectories(directory);
			stopOrphanedPostmaster(directory);
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				.setPGStartupWait(startupTimeout)
				.setServerConfig("listen_addresses", "127.0.0.1")
				.setServerConfig("max_connections", Integer.toString(maxConnections))
				// The library starts PostgreSQL with -F (no fsync) and synchronous_commit=off, settings for
				// throw-away test databases: a power cut or an OS crash could then lose committed data or leave the
				// cluster corrupt. These come after -F on the command line, so they win.
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
				// PostgreSQL's defaults start a checkpoint every 5 minutes, or after about 540 MB of WAL: every 4
				// minutes at 600 refreshes a second. After each start, the first change to every page logs the whole
				// page, and the token store's keys are random hashes, so for a while nearly every refresh logs whole
				// index pages; under load that was when refresh latency ran away. Checkpoints 15 minutes (or about
				// 2 GB of WAL) apart: crash recovery replays more, and the WAL takes up to 4 GB of disk.
				.setServerConfig("checkpoint_timeout", "15min")
				.setServerConfig("max_wal_size", "4GB");
			if (port > 0) {
				builder.setPort(port);
			}
			EmbeddedPostgres postgres = builder.start();
			checkOwnServer(postgres, directory);
			logger.info("Embedded PostgreSQL is running on 127.0.0.1:{} with its data in {}", postgres.getPort(),
					directory);
			return new EmbeddedPostgresServer(postgres, directory);
		}
		catch (IOException | RuntimeException ex) {
			throw new EmbeddedPostgresStartException(directory, ex);
		}
	}

	/**
	 * If a previous JVM was killed, its postmaster may still run on this data directory. Ask it to
	 * stop (SIGTERM: smart shutdown, its clients are gone) and, if it will not, kill it; PostgreSQL
	 * recovers from its WAL on the next start either way. Only a process that is really a postgres
	 * server is touched: a stale pid file may name a recycled pid.
	 */
	static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
		if (lines.isEmpty()) {
			return;
		}
		long pid;
		try {
			pid = Long.parseLong(lines.get(0).trim());
		}
		catch (NumberFormatException ex) {
			return;
		}
		Optional<ProcessHandle> process = ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.filter(EmbeddedPostgresServer::isPostgres);
		if (process.isEmpty()) {
			return;
		}
		logger.warn("A PostgreSQL server (pid {}) left by an earlier run still holds {}; stopping it", pid,
				dataDirectory);
		ProcessHandle postmaster = process.get();
		postmaster.destroy();
		if (!waitForExit(postmaster, ORPHAN_STOP_TIMEOUT)) {
			postmaster.destroyForcibly();
			waitForExit(postmaster, ORPHAN_STOP_TIMEOUT);
		}
	}

	/**
	 * zonky decides the server is up when something answers on the port. If the port was already taken by
	 * another PostgreSQL, ours failed to start and that other server answered: refuse to use it rather
	 * than migrate into someone else's database.
	 */
	private static void checkOwnServer(EmbeddedPostgres postgres, Path directory) throws IOException {
		String serving;
		try (java.sql.Connection connection = postgres.getPostgresDatabase().getConnection();
				java.sql.Statement statement = connection.createStatement();
				java.sql.ResultSet rows = statement.executeQuery("SHOW data_directory")) {
			rows.next();
			serving = rows.getString(1);
		}
		catch (java.sql.SQLException ex) {
			throw new IOException("cannot query the embedded PostgreSQL on port " + postgres.getPort(), ex);
		}
		if (!Path.of(serving).toRealPath().equals(directory.toRealPath())) {
			throw new IOException("port " + postgres.getPort() + " is already used by another PostgreSQL (serving "
					+ serving + ")");
		}
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info().command().map((command) -> command.endsWith("postgres")).orElse(true);
	}

	private static boolean waitForExit(ProcessHandle process, Duration timeout) {
		try {
			process.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
			return true;
		}
		catch (java.util.concurrent.TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (java.util.concurrent.ExecutionException ex) {
			return !process.isAlive();
		}
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.postgres.getPort() + "/" + database;
	}

	public int port() {
		return this.postgres.getPort();
	}

	public Path dataDirectory() {
		return this.dataDirectory;
	}

	@Override
	public void close() throws IOException {
		this.postgres.close();
	}

}
