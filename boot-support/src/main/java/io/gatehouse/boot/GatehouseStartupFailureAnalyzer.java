package io.gatehouse.boot;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns the start-up failures an operator causes by configuration into one clear line (Boot's failure
 * report) instead of a long stack trace: no database, an unreachable database, a bad master key, a bad cryptography setting.
 */
public final class GatehouseStartupFailureAnalyzer implements FailureAnalyzer {

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof MasterKeyException) {
				return new FailureAnalysis(cause.getMessage(),
						"Set GATEHOUSE_MASTER_KEY to the base64 of 32 random bytes and keep it safe.", cause);
			}
			if (cause instanceof NativeCrypto.InvalidSettingException) {
				return new FailureAnalysis(cause.getMessage(),
						"Set GATEHOUSE_CRYPTO_NATIVE_PROVIDER to auto (the default) or off.", cause);
			}
			if (cause instanceof DatabaseNotConfiguredException) {
				return new FailureAnalysis(cause.getMessage(),
						"Set SPRING_DATASOURCE_URL, or enable the embedded PostgreSQL.", cause);
			}
			if (cause instanceof EmbeddedPostgresStartException start) {
				return new FailureAnalysis(cause.getMessage(), "Check that " + start.dataDirectory()
						+ " is writable and not used by another running service.", cause);
			}
			if (isConnectionFailure(cause)) {
				return new FailureAnalysis("Cannot connect to the database: " + oneLine(cause),
						"Check SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD,"
								+ " and that PostgreSQL is running and reachable.",
						cause);
			}
		}
		return null;
	}

	private static boolean isConnectionFailure(Throwable cause) {
		if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
			return true;
		}
		// SQLSTATE class 08: connection exception; 28: invalid authorization; 3D000: unknown database.
		if (cause instanceof SQLException sql && sql.getSQLState() != null) {
			String state = sql.getSQLState();
			return state.startsWith("08") || state.startsWith("28") || state.equals("3D000");
		}
		return false;
	}

	private static String oneLine(Throwable cause) {
		String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		int newline = message.indexOf('\n');
		return (newline >= 0) ? message.substring(0, newline) : message;
	}

}
