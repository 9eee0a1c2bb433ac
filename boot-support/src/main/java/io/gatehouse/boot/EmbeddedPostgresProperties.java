package io.gatehouse.boot;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL a service starts when no {@code spring.datasource.url} is configured.
 *
 * @param enabled whether to start one at all when no URL is configured (false: fail fast instead)
 * @param dataDirectory where the cluster lives; defaults to {@code ./data/<application name>/postgres}
 * @param port TCP port on loopback; 0 picks a free one at each start
 * @param startupTimeout how long to wait for the server to accept connections
 */
@ConfigurationProperties("gatehouse.embedded-postgres")
public record EmbeddedPostgresProperties(@DefaultValue("true") boolean enabled, Path dataDirectory,
		@DefaultValue("0") int port, @DefaultValue("60s") Duration startupTimeout) {
}
