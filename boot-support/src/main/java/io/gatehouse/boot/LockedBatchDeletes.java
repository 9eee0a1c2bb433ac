package io.gatehouse.boot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Clean-up jobs every instance schedules but one runs at a time: a PostgreSQL session advisory lock picks the
 * instance (the others skip that round), and belongs to the connection, so an instance that dies mid-run
 * releases it with its connection. Rows go in batches, each its own short transaction, so a large backlog never
 * blocks writers.
 */
public final class LockedBatchDeletes {

	private LockedBatchDeletes() {
	}

	/**
	 * One delete, repeated until it removes fewer rows than a batch.
	 *
	 * @param sql a statement that deletes at most {@code ?} rows, the batch size being its last parameter
	 * @param parameters the parameters before the batch size
	 */
	public record Delete(String sql, List<Object> parameters) {

		public Delete {
			parameters = List.copyOf(parameters);
		}

	}

	/**
	 * Runs the deletes in order under the advisory lock {@code lockKey}.
	 * @return the rows deleted, or -1 when another session holds the lock
	 */
	public static long run(DataSource dataSource, long lockKey, int batchSize, List<Delete> deletes) {
		Long deleted = new JdbcTemplate(dataSource)
			.execute((ConnectionCallback<Long>) (connection) -> runOn(connection, lockKey, batchSize, deletes));
		return (deleted != null) ? deleted : -1;
	}

	private static long runOn(Connection connection, long lockKey, int batchSize, List<Delete> deletes)
			throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(true);
		try {
			if (!tryLock(connection, lockKey)) {
				return -1;
			}
			try {
				long total = 0;
				for (Delete delete : deletes) {
					total += repeat(connection, delete, batchSize);
				}
				return total;
			}
			finally {
				try (Statement unlock = connection.createStatement()) {
					unlock.execute("SELECT pg_advisory_unlock(" + lockKey + ")");
				}
			}
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
	}

	private static long repeat(Connection connection, Delete delete, int batchSize) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(delete.sql())) {
			long total = 0;
			int batch;
			do {
				int index = 1;
				for (Object parameter : delete.parameters()) {
					statement.setObject(index++, parameter);
				}
				statement.setInt(index, batchSize);
				batch = statement.executeUpdate();
				total += batch;
			}
			while (batch == batchSize);
			return total;
		}
	}

	private static boolean tryLock(Connection connection, long lockKey) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT pg_try_advisory_lock(" + lockKey + ")")) {
			return result.next() && result.getBoolean(1);
		}
	}

}
