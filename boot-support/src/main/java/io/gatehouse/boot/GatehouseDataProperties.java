package io.gatehouse.boot;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

/**
 * Where a service keeps local state in development: the embedded database, a generated master key,
 * the mail outbox. Each service uses {@code <directory>/<spring.application.name>/}.
 *
 * @param directory the root, {@code ./data} by default
 */
@ConfigurationProperties("gatehouse.data")
public record GatehouseDataProperties(@DefaultValue("./data") Path directory) {

	public Path serviceDirectory(Environment environment) {
		return this.directory.resolve(environment.getProperty("spring.application.name", "gatehouse"));
	}

}
