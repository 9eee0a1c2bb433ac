package io.gatehouse.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The service's metrics as its actuator's Prometheus endpoint shows them, read from outside like any scraper. */
final class ServiceMetrics {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private ServiceMetrics() {
	}

	/** The whole exposition text. */
	static String scrape(String managementUrl) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create(managementUrl + "/actuator/prometheus"))
				.timeout(Duration.ofSeconds(5))
				.build(), HttpResponse.BodyHandlers.ofString()).body();
		}
		catch (IOException ex) {
			throw new IllegalStateException("the service's actuator at " + managementUrl + " did not answer", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * How long the service's JIT compilers have worked since it started, in milliseconds ({@code jvm.compilation.time}):
	 * while this still grows quickly, the service runs code that is not yet compiled and pays for compiling it.
	 */
	static long compilationMillis(String managementUrl) {
		return value(scrape(managementUrl), "jvm_compilation_time_ms_total");
	}

	/** The value of the one sample named {@code name} (labels or none) in a scrape, as a whole number. */
	static long value(String body, String name) {
		Pattern sample = Pattern.compile("^" + Pattern.quote(name) + "(?:\\{[^}]*})? ([0-9.E+-]+)$");
		return body.lines()
			.map(sample::matcher)
			.filter(Matcher::matches)
			.mapToLong((line) -> (long) Double.parseDouble(line.group(1)))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("the service exposes no " + name));
	}

}
