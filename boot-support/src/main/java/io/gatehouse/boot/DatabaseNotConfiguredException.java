package io.gatehouse.boot;

/** No database URL and the embedded PostgreSQL switched off: there is nothing to connect to. */
public final class DatabaseNotConfiguredException extends RuntimeException {

	DatabaseNotConfiguredException() {
		super("No database: spring.datasource.url is not set and gatehouse.embedded-postgres.enabled is false");
	}

}
