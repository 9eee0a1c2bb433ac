package io.gatehouse.boot;

import java.nio.file.Path;

/**
 * The embedded PostgreSQL could not be started; reported in one line by
 * {@link GatehouseStartupFailureAnalyzer}.
 */
public final class EmbeddedPostgresStartException extends RuntimeException {

	private final Path dataDirectory;

	EmbeddedPostgresStartException(Path dataDirectory, Throwable cause) {
		super("Could not start the embedded PostgreSQL in " + dataDirectory + ": " + rootMessage(cause), cause);
		this.dataDirectory = dataDirectory;
	}

	public Path dataDirectory() {
		return this.dataDirectory;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
	}

}
