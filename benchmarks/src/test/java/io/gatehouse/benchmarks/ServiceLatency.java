package io.gatehouse.benchmarks;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's own view of its latency: the cumulative latency buckets of {@code http.server.requests} for
 * answered {@code POST /} calls, read from its Prometheus endpoint. The timer runs from the first servlet filter
 * to the response; time a request spends before that (in the kernel, Tomcat's poller) or in the load generator
 * is not in it. The difference of two snapshots covers the requests answered between them.
 */
final class ServiceLatency {

	private static final Pattern BUCKET = Pattern.compile(
			"^http_server_requests_seconds_bucket\\{(?=[^}]*method=\"POST\")(?=[^}]*status=\"200\")(?=[^}]*uri=\"/\")"
					+ "[^}]*le=\"([^\"]+)\"} ([0-9.E+-]+)$");

	private final Map<Double, Double> cumulative;

	private ServiceLatency(Map<Double, Double> cumulative) {
		this.cumulative = cumulative;
	}

	/** The buckets in one scrape of the Prometheus endpoint ({@link ServiceMetrics#scrape}). */
	static ServiceLatency of(String body) {
		Map<Double, Double> cumulative = new TreeMap<>();
		body.lines().map(BUCKET::matcher).filter(Matcher::matches).forEach((bucket) -> cumulative.merge(
				bucket.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bucket.group(1)),
				Double.parseDouble(bucket.group(2)), Double::sum));
		return new ServiceLatency(cumulative);
	}

	/**
	 * One line on the requests answered between {@code earlier} and this snapshot: how many, and what share of
	 * them the service answered within {@code boundSeconds} (one of its configured latency buckets).
	 */
	String since(ServiceLatency earlier, double boundSeconds) {
		double total = answered(this, Double.POSITIVE_INFINITY) - answered(earlier, Double.POSITIVE_INFINITY);
		if (!this.cumulative.containsKey(boundSeconds) || total <= 0) {
			return "service-side: no " + (boundSeconds * 1000) + " ms bucket or no requests (is the stack current?)";
		}
		double within = answered(this, boundSeconds) - answered(earlier, boundSeconds);
		return String.format("service-side: %.0f measured requests, %.2f %% within %.0f ms", total,
				100 * within / total, boundSeconds * 1000);
	}

	private static double answered(ServiceLatency snapshot, double bound) {
		return snapshot.cumulative.getOrDefault(bound, 0.0);
	}

}
