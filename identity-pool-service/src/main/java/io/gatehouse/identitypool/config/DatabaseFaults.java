package io.gatehouse.identitypool.config;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.NonTransientDataAccessResourceException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a database that cannot be reached (down, restarting, refusing connections, connection pool
 * exhausted) from a fault in this service, so the surfaces answer 503 "try again" rather than 500. Every
 * operation writes in one transaction, so a request that failed this way left nothing half-written.
 */
public final class DatabaseFaults {

	private DatabaseFaults() {
	}

	public static boolean unavailable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof TransientDataAccessResourceException
					|| cause instanceof NonTransientDataAccessResourceException
					|| cause instanceof SQLTransientConnectionException || cause instanceof SQLRecoverableException) {
				return true;
			}
			if (cause instanceof org.hibernate.exception.JDBCConnectionException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() == null
					&& "Connection is closed".equals(sql.getMessage())) {
				// HikariCP's answer for a pooled connection the server has dropped (it carries no SQLState): seen when
				// PostgreSQL terminated the connection mid-transaction and the rollback then failed too.
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				String state = sql.getSQLState();
				// 08: connection exception; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now.
				if (state.startsWith("08") || state.startsWith("57P")) {
					return true;
				}
			}
		}
		return false;
	}

}
