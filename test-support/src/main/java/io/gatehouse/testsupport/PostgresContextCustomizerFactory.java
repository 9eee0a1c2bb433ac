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
				.addFirst(new MapPropertySource("gatehouseTestPostgres", Map.of("spring.datasource.url",
						database.url(), "spring.datasource.username", database.username(),
						"spring.datasource.password", database.password(),
						// Spring caches many test contexts per JVM: keep each one's pool small and lazy so
						// they fit on one server together.
						"spring.datasource.hikari.minimum-idle", "0", "spring.datasource.hikari.maximum-pool-size",
						"10", "spring.datasource.hikari.idle-timeout", "30000", "gatehouse.master-key",
						"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")));
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
