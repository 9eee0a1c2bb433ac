package io.gatehouse.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A service started as its own JVM, as an operator runs it, so a test can stop it gracefully (SIGTERM,
 * what Ctrl-C and orchestrators send) or kill it outright (SIGKILL) and start it again.
 */
public final class ServiceProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private final int managementPort;

	private final Path log;

	private ServiceProcess(Process process, int port, int managementPort, Path log) {
		this.process = process;
		this.port = port;
		this.managementPort = managementPort;
		this.log = log;
	}

	/**
	 * Starts {@code mainClass} from this JVM's class path with the given arguments, on free ports.
	 * Output goes to {@code log} (appended).
	 */
	public static ServiceProcess start(Class<?> mainClass, Path log, String... args) {
		return launch(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()), freePort(), log, args);
	}

	/**
	 * Starts a service's executable jar, as an operator does ({@code java -jar}), on {@code port} and a free
	 * management port. Output goes to {@code log} (appended).
	 */
	public static ServiceProcess startJar(Path jar, int port, Path log, String... args) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: build the service first (./mvnw package)");
		}
		return launch(List.of("-jar", jar.toString()), port, log, args);
	}

	private static ServiceProcess launch(List<String> target, int port, Path log, String... args) {
		int managementPort = freePort();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx512m");
		command.add("-XX:TieredStopAtLevel=1");
		command.addAll(target);
		command.add("--server.port=" + port);
		command.add("--management.server.port=" + managementPort);
		command.add("--spring.main.banner-mode=off");
		command.addAll(List.of(args));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			return new ServiceProcess(process, port, managementPort, log);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start " + target, ex);
		}
	}

	/** The application port. */
	public int port() {
		return this.port;
	}

	public ActuatorProbe actuator() {
		return new ActuatorProbe(this.managementPort);
	}

	/** Waits for readiness; fails with the tail of the service's log if it does not come. */
	public ServiceProcess awaitReady(Duration timeout) {
		if (!actuator().awaitReady(timeout)) {
			throw new AssertionError("service not ready within " + timeout + "; alive=" + this.process.isAlive()
					+ "; see " + this.log);
		}
		return this;
	}

	/** SIGTERM, as Ctrl-C in the start script or an orchestrator sends; returns the exit code. */
	public int stopGracefully(Duration timeout) {
		this.process.destroy();
		return waitFor(timeout);
	}

	/** SIGKILL: no shutdown hook runs, the embedded PostgreSQL is orphaned. */
	public void kill() {
		this.process.destroyForcibly();
		waitFor(Duration.ofSeconds(30));
	}

	private int waitFor(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly();
				throw new AssertionError("service did not stop within " + timeout);
			}
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroy();
			try {
				if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
					this.process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.process.destroyForcibly();
			}
		}
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
