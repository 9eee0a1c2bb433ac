package io.gatehouse.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Applies the production database layout ({@code deploy/postgres/schemas.sql}, the file docker-compose
 * runs) to a test database, so tests prove the services work with the roles and grants users deploy.
 */
public final class DeploymentSchemas {

	/** The password both service roles get in tests. */
	public static final String PASSWORD = "test-password";

	private DeploymentSchemas() {
	}

	public static void apply(TestPostgres.Database database) {
		Path script = ComposeEnvironmentContract.locate("deploy/postgres/schemas.sql");
		try {
			String sql = Files.readString(script)
				.replace(":'user_pool_password'", "'" + PASSWORD + "'")
				.replace(":'identity_pool_password'", "'" + PASSWORD + "'")
				.replace("DATABASE gatehouse", "DATABASE " + database.name());
			try (Connection connection = DriverManager.getConnection(database.url(), database.username(),
					database.password()); Statement statement = connection.createStatement()) {
				for (String command : sql.replaceAll("(?m)^--.*$", "").split(";")) {
					if (!command.isBlank()) {
						try {
							statement.execute(command);
						}
						catch (SQLException ex) {
							// Roles are cluster-wide: a second test database finds them already there.
							if (!"42710".equals(ex.getSQLState())) {
								throw ex;
							}
						}
					}
				}
			}
		}
		catch (IOException | SQLException ex) {
			throw new IllegalStateException("cannot apply " + script, ex);
		}
	}


}
