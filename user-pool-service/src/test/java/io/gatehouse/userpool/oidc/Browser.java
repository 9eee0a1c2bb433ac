package io.gatehouse.userpool.oidc;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * A real HTTP client with a cookie jar that never follows redirects, so every hop is asserted. URLs built from
 * the public base URL (issuers, login page) are sent to the local server instead.
 */
final class Browser {

	static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http;

	private final String local;

	Browser(int port) {
		this.local = "http://localhost:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	String local(String url) {
		return url.startsWith(OidcFixtures.PUBLIC_BASE_URL) ? this.local + url.substring(OidcFixtures.PUBLIC_BASE_URL.length())
				: url;
	}

	HttpResponse<String> get(String url, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(local(url))).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build());
	}

	HttpResponse<String> post(String url, Map<String, String> form, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(local(url)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(form)));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build());
	}

	HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static JsonNode json(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

	static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse(null);
	}

	static Map<String, String> query(String url) {
		Map<String, String> parameters = new LinkedHashMap<>();
		UriComponentsBuilder.fromUriString(url).build().getQueryParams().forEach((name, values) -> parameters
			.put(name, values.isEmpty() || values.get(0) == null ? "" : java.net.URLDecoder.decode(values.get(0), StandardCharsets.UTF_8)));
		return parameters;
	}

	static String form(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map((entry) -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	static String basic(String clientId, String secret) {
		return "Basic " + java.util.Base64.getEncoder()
			.encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
					+ URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
	}

}
