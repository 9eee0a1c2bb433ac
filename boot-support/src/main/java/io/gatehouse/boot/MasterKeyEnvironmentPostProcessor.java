package io.gatehouse.boot;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks the master key before anything touches the database, so a missing or malformed key stops the
 * service before Flyway migrates anything, with one line that says what to set.
 */
public final class MasterKeyEnvironmentPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		MasterKeyAutoConfiguration.configuredKey(environment.getProperty("gatehouse.master-key"),
				environment.getProperty("spring.datasource.url"));
	}

}
