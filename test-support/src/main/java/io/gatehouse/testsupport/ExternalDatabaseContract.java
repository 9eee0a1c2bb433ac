package io.gatehouse.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What every service promises about an operator's database: pointed at it with
 * {@code spring.datasource.url}, it starts no PostgreSQL of its own, migrates its own schema as its own
 * role (the deploy/postgres layout), and leaves every other schema exactly as it found it.
 */
public final class ExternalDatabaseContract {

	private ExternalDatabaseContract() {
	}

	public static void verify(Class<?> application, String ownSchema, String otherSchema, String serviceRole) {
		TestPostgres.Database database = TestPostgres.newDatabase();
		DeploymentSchemas.apply(database);
		execute(database, "CREATE TABLE " + otherSchema + ".sentinel (id int primary key, note text)",
				"INSERT INTO " + otherSchema + ".sentinel VALUES (1, 'untouched')",
				"CREATE TABLE public.sentinel (id int primary key)");
		List<String> otherBefore = tables(database, otherSchema);

		try (ConfigurableApplicationContext context = SpringApplication.run(application,
				"--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + serviceRole,
				"--spring.datasource.password=" + DeploymentSchemas.PASSWORD,
				"--gatehouse.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "--server.port=0",
				"--management.server.port=0", "--spring.main.banner-mode=off",
				"--gatehouse.data.directory=target/external-db-contract")) {
			assertThat(context.containsBean("embeddedPostgresServer")).as("starts no embedded PostgreSQL").isFalse();
			assertThat(tables(database, ownSchema)).contains("flyway_schema_history");
		}

		assertThat(tables(database, otherSchema)).isEqualTo(otherBefore);
		assertThat(tables(database, "public")).containsExactly("sentinel");
		assertThat(query(database, "SELECT note FROM " + otherSchema + ".sentinel WHERE id = 1")).isEqualTo("untouched");
		assertThatExceptionOfType(SQLException.class)
			.as("the service role cannot read another service's schema")
			.isThrownBy(() -> {
				try (Connection connection = DriverManager.getConnection(database.url(), serviceRole,
						DeploymentSchemas.PASSWORD); Statement statement = connection.createStatement()) {
					statement.executeQuery("SELECT * FROM " + otherSchema + ".sentinel");
				}
			})
			.withMessageContaining("permission denied");
	}

	private static void execute(TestPostgres.Database database, String... commands) {
		try (Connection connection = DriverManager.getConnection(database.url(), database.username(),
				database.password()); Statement statement = connection.createStatement()) {
			for (String command : commands) {
				statement.execute(command);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String query(TestPostgres.Database database, String sql) {
		try (Connection connection = DriverManager.getConnection(database.url(), database.username(),
				database.password()); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			return rows.next() ? rows.getString(1) : null;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> tables(TestPostgres.Database database, String schema) {
		List<String> names = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(database.url(), database.username(),
				database.password()); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(
						"SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema
								+ "' ORDER BY table_name")) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return names;
	}

}
