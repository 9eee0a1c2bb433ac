package io.gatehouse.testsupport;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every Spring test context in a module that depends on test-support its own database on the
 * shared {@link TestPostgres} server, the way {@code @ServiceConnection} would, without any annotation
 * on the test class. A test that sets {@code spring.datasource.url} itself is left alone.
 */
public final class PostgresContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new PostgresContextCustomizer();
	}

	private static final class PostgresContextCustomizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			if (context.getEnvironment().containsProperty("spring.datasource.url")) {
				return;
			}
			TestPostgres.Database database = TestPostgres.newDatabase();
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("gatehouseTestPostgres",
						Map.of("spring.datasource.url", database.url(), "spring.datasource.username",
								database.username(), "spring.datasource.password", database.password(),
								"gatehouse.master-key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
								// Cached contexts share one server (max_connections 100): each keeps few idle
								// connections, opening more only while a test needs them.
								"spring.datasource.hikari.minimum-idle", "2",
								"spring.datasource.hikari.idle-timeout", "10000")));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof PostgresContextCustomizer;
		}

		@Override
		public int hashCode() {
			return PostgresContextCustomizer.class.hashCode();
		}

	}

}
