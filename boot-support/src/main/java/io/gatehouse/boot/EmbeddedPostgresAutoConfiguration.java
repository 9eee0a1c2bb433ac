package io.gatehouse.boot;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

/**
 * Principle 5 of DESIGN.md: real parts by default, embedded where the user has nothing. With no
 * {@code spring.datasource.url} the service runs its own PostgreSQL, kept under
 * {@code ./data/<service>/postgres}; with a URL it starts nothing and Boot's own data source applies.
 * The data source depends on the server bean, so on shutdown the pool closes before the server stops.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@Conditional(NoDataSourceUrlCondition.class)
@EnableConfigurationProperties({ EmbeddedPostgresProperties.class, GatehouseDataProperties.class })
public final class EmbeddedPostgresAutoConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedPostgresServer embeddedPostgresServer(EmbeddedPostgresProperties properties,
			GatehouseDataProperties data, Environment environment) {
		if (!properties.enabled()) {
			throw new DatabaseNotConfiguredException();
		}
		Path directory = (properties.dataDirectory() != null) ? properties.dataDirectory()
				: data.serviceDirectory(environment).resolve("postgres");
		return EmbeddedPostgresServer.start(directory, properties.port(), properties.startupTimeout());
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgresServer server) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(server.jdbcUrl("postgres"));
		dataSource.setUsername("postgres");
		dataSource.setPoolName("embedded-postgres");
		return dataSource;
	}

}
