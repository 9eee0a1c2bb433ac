package io.gatehouse.userpool.token;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/** The service's Flyway migrations, run as the service runs them, on a database of a test's own. */
final class UserPoolMigrations {

	private UserPoolMigrations() {
	}

	/** Migrates to {@code target}: a version, or {@code "latest"}. */
	static void migrate(DataSource dataSource, String target) {
		Flyway.configure()
			.dataSource(dataSource)
			.schemas("user_pool")
			.defaultSchema("user_pool")
			.createSchemas(true)
			.target(target)
			.load()
			.migrate();
	}

}
