package io.gatehouse.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Reads a service's actuator the way an orchestrator's probes do.
 */
public final class ActuatorProbe {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final int managementPort;

	public ActuatorProbe(int managementPort) {
		this.managementPort = managementPort;
	}

	public HttpResponse<String> get(String path) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + path))
				.timeout(Duration.ofSeconds(5))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("actuator on port " + this.managementPort + " did not answer", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** True when {@code /actuator/health/readiness} answers 200 with status UP. */
	public boolean isReady() {
		try {
			HttpResponse<String> response = get("/actuator/health/readiness");
			return response.statusCode() == 200 && response.body().contains("\"UP\"");
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	/** Polls readiness until it is UP or the timeout passes; returns whether it became ready. */
	public boolean awaitReady(Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (isReady()) {
				return true;
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return false;
	}

}
