package io.gatehouse.benchmarks;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.gatehouse.shared.sigv4.SigV4Credentials;
import io.gatehouse.shared.sigv4.SigV4Signer;
import io.gatehouse.shared.sigv4.SignableRequest;

/**
 * Set-up calls the scenarios make before the load starts, against a stack started by {@code ./start}
 * with a known admin key ({@code GATEHOUSE_ADMIN_ACCESS_KEY_ID} / {@code GATEHOUSE_ADMIN_SECRET_ACCESS_KEY}
 * in the environment of both, see README "Benchmarks"). Signs with shared-model's SigV4 signer.
 */
final class Gatehouse {

	static final String REGION = System.getProperty("gatehouse.region", "local-1");

	static final String USER_POOL_URL = System.getProperty("gatehouse.userPoolUrl", "http://localhost:9000");

	static final String IDENTITY_POOL_URL = System.getProperty("gatehouse.identityPoolUrl", "http://localhost:9100");

	/** The user pool's actuator (management port). */
	static final String USER_POOL_MANAGEMENT_URL = System.getProperty("gatehouse.userPoolManagementUrl",
			"http://localhost:9001");

	private static final HttpClient http = HttpClient.newHttpClient();

	private Gatehouse() {
	}

	static SigV4Credentials admin() {
		String id = System.getenv("GATEHOUSE_ADMIN_ACCESS_KEY_ID");
		String secret = System.getenv("GATEHOUSE_ADMIN_SECRET_ACCESS_KEY");
		if (id == null || secret == null) {
			throw new IllegalStateException("set GATEHOUSE_ADMIN_ACCESS_KEY_ID and GATEHOUSE_ADMIN_SECRET_ACCESS_KEY"
					+ " to the admin key the stack was started with");
		}
		return SigV4Credentials.of(id, secret);
	}

	/** An AWS JSON 1.1 call; signed when {@code credentials} is present. */
	static String json(String baseUrl, String target, String body, String service,
			Optional<SigV4Credentials> credentials) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/x-amz-json-1.1");
		headers.put("X-Amz-Target", target);
		return send(baseUrl, "/", body, headers, service, credentials);
	}

	/** An AWS Query call (IAM, STS): form-encoded parameters, XML answer. */
	static String query(String baseUrl, Map<String, String> parameters, String service, SigV4Credentials credentials) {
		String body = parameters.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(baseUrl, "/", body, Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
				service, Optional.of(credentials));
	}

	/** The headers of a request signed with {@code credentials}, as an app would send it. */
	static Map<String, List<String>> signedHeaders(String method, String host, String path, byte[] body,
			Map<String, String> extra, String service, SigV4Credentials credentials) {
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.put("Host", List.of(host));
		extra.forEach((name, value) -> headers.put(name, List.of(value)));
		new SigV4Signer(Clock.systemUTC())
			.sign(new SignableRequest(method, path, null, headers, sha256(body)), credentials, REGION, service)
			.forEach((name, value) -> headers.put(name, List.of(value)));
		return headers;
	}

	static String sha256(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String send(String baseUrl, String path, String body, Map<String, String> headers, String service,
			Optional<SigV4Credentials> credentials) {
		URI uri = URI.create(baseUrl + path);
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
		Map<String, List<String>> all = credentials
			.map((c) -> signedHeaders("POST", uri.getAuthority(), path, bytes, headers, service, c))
			.orElseGet(() -> {
				Map<String, List<String>> plain = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
				headers.forEach((name, value) -> plain.put(name, List.of(value)));
				return plain;
			});
		all.forEach((name, values) -> {
			if (!name.equalsIgnoreCase("Host")) {
				values.forEach((value) -> request.header(name, value));
			}
		});
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(service + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The value of {@code "name":"value"} in a JSON answer (set-up only; the answers are small and flat enough). */
	static String jsonField(String json, String name) {
		int key = json.indexOf("\"" + name + "\"");
		if (key < 0) {
			throw new IllegalStateException(name + " not in " + json);
		}
		int start = json.indexOf('"', json.indexOf(':', key) + 1) + 1;
		return json.substring(start, json.indexOf('"', start));
	}

	/** The text of {@code <name>value</name>} in an XML answer. */
	static String xmlField(String xml, String name) {
		int start = xml.indexOf("<" + name + ">");
		if (start < 0) {
			throw new IllegalStateException(name + " not in " + xml);
		}
		start += name.length() + 2;
		return xml.substring(start, xml.indexOf("</" + name + ">", start));
	}

}
