package io.gatehouse.identitypool;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.gatehouse.shared.sigv4.SigV4Credentials;
import io.gatehouse.shared.sigv4.SigV4Signer;
import io.gatehouse.shared.sigv4.SignableRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in resource server: an app signs a request to it with temporary credentials, and it forwards
 * the request's parts with the action and resource to {@code POST /decisions}.
 */
public final class TestDecisions {

	public static final String SERVICE = "files";

	static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int port;

	public TestDecisions(int port) {
		this.port = port;
	}

	/** The headers an app sends for {@code GET path} signed with these credentials for service "files". */
	public static Map<String, List<String>> signedGet(String path, SigV4Credentials credentials) {
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.put("Host", List.of("files.example.internal"));
		Map<String, String> added = new SigV4Signer(Clock.systemUTC())
			.sign(new SignableRequest("GET", path, null, headers, EMPTY_SHA256), credentials, "local-1", SERVICE);
		added.forEach((name, value) -> headers.put(name, List.of(value)));
		return headers;
	}

	/** Forwards a received request to the decision API and answers its JSON. */
	public JsonNode decide(String path, Map<String, List<String>> headers, String action, String resource) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("request", Map.of("method", "GET", "path", path, "headers", headers, "payloadSha256", EMPTY_SHA256));
		request.put("signingService", SERVICE);
		request.put("action", action);
		request.put("resource", resource);
		HttpResponse<String> response = post(JSON.writeValueAsString(request));
		if (response.statusCode() != 200) {
			throw new IllegalStateException("decision API answered " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body());
	}

	public HttpResponse<String> post(String body) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/decisions"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
