package io.gatehouse.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot run here (no Docker engine), so this reads it: every environment variable
 * it gives a service must be a property that service actually reads (per the configuration metadata on
 * its class path, Boot's and ours), and the settings production cannot do without must be there.
 */
public final class ComposeEnvironmentContract {

	private static final Pattern PROPERTY_NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");

	private ComposeEnvironmentContract() {
	}

	@SuppressWarnings("unchecked")
	public static void verify(String service) throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(locate("docker-compose.yml")));
		Map<String, Object> services = (Map<String, Object>) compose.get("services");
		assertThat(services).containsKey(service);
		Map<String, Object> definition = (Map<String, Object>) services.get(service);
		Map<String, Object> environment = (Map<String, Object>) definition.get("environment");
		assertThat(environment).as("environment of " + service).isNotEmpty();

		Set<String> known = knownProperties();
		for (String variable : environment.keySet()) {
			assertThat(known).as(variable + " (given to " + service + " by docker-compose.yml) is read by the service")
				.contains(canonical(variable));
		}
		assertThat(environment).containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
				"SPRING_DATASOURCE_PASSWORD", "GATEHOUSE_MASTER_KEY");
	}

	private static Set<String> knownProperties() throws IOException {
		Set<String> names = new HashSet<>();
		ClassLoader loader = ComposeEnvironmentContract.class.getClassLoader();
		for (String resource : new String[] { "META-INF/spring-configuration-metadata.json",
				"META-INF/additional-spring-configuration-metadata.json" }) {
			for (URL url : Collections.list(loader.getResources(resource))) {
				try (InputStream in = url.openStream()) {
					Matcher matcher = PROPERTY_NAME.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
					while (matcher.find()) {
						names.add(canonical(matcher.group(1)));
					}
				}
			}
		}
		assertThat(names).as("configuration metadata found on the class path").contains(canonical("spring.datasource.url"));
		return names;
	}

	/** Boot's relaxed binding: SPRING_DATASOURCE_URL, spring.datasource.url and spring.data-source.url agree. */
	private static String canonical(String name) {
		return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

	static Path locate(String file) {
		Path directory = Path.of("").toAbsolutePath();
		while (directory != null) {
			Path candidate = directory.resolve(file);
			if (Files.isRegularFile(candidate)) {
				return candidate;
			}
			directory = directory.getParent();
		}
		throw new IllegalStateException(file + " not found above " + Path.of("").toAbsolutePath());
	}

}
