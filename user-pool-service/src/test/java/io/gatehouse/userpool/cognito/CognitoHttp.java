package io.gatehouse.userpool.cognito;

import java.net.URI;
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
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.gatehouse.shared.sigv4.SigV4Credentials;
import io.gatehouse.shared.sigv4.SigV4Signer;
import io.gatehouse.shared.sigv4.SignableRequest;

/**
 * Raw HTTP to the Cognito API door, for what an SDK never sends: malformed bodies, wrong types, odd
 * headers, old signatures. Requests are signed with shared-model's {@link SigV4Signer} unless told not to.
 */
final class CognitoHttp {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final int port;

	private Clock clock = Clock.systemUTC();

	private SigV4Credentials credentials = SigV4Credentials.of(TestAdmin.ACCESS_KEY_ID, TestAdmin.SECRET_ACCESS_KEY);

	private String region = TestAdmin.REGION;

	private String service = "cognito-idp";

	private boolean signed = true;

	private String contentType = "application/x-amz-json-1.1";

	private byte[] tamperedBody;

	CognitoHttp(int port) {
		this.port = port;
	}

	CognitoHttp signedAt(Clock clock) {
		this.clock = clock;
		return this;
	}

	CognitoHttp signedFor(String region, String service) {
		this.region = region;
		this.service = service;
		return this;
	}

	CognitoHttp unsigned() {
		this.signed = false;
		return this;
	}

	CognitoHttp contentType(String contentType) {
		this.contentType = contentType;
		return this;
	}

	Response call(String operation, String body) {
		return send((operation != null) ? "AWSCognitoIdentityProviderService." + operation : null,
				body.getBytes(StandardCharsets.UTF_8));
	}

	/** Signs {@code signedBody} but sends {@code sentBody}, as a man in the middle would. */
	Response sendTampered(String operation, String signedBody, String sentBody) {
		this.tamperedBody = sentBody.getBytes(StandardCharsets.UTF_8);
		try {
			return call(operation, signedBody);
		}
		finally {
			this.tamperedBody = null;
		}
	}

	Response send(String target, byte[] body) {
		try {
			Map<String, String> headers = new LinkedHashMap<>();
			headers.put("Host", "localhost:" + this.port);
			if (this.contentType != null) {
				headers.put("Content-Type", this.contentType);
			}
			if (target != null) {
				headers.put("X-Amz-Target", target);
			}
			if (this.signed) {
				String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
				SignableRequest request = new SignableRequest("POST", "/", null,
						headers.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, (e) -> List.of(e.getValue()))),
						hash);
				headers.putAll(new SigV4Signer(this.clock).sign(request, this.credentials, this.region, this.service));
			}
			HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/"))
				.POST(HttpRequest.BodyPublishers.ofByteArray((this.tamperedBody != null) ? this.tamperedBody : body));
			headers.forEach((name, value) -> {
				if (!name.equalsIgnoreCase("Host")) {
					builder.header(name, value);
				}
			});
			HttpResponse<String> response = this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("x-amzn-ErrorType").orElse(null),
					response.body(), this.json.readTree(response.body()));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Response(int status, String errorTypeHeader, String raw, JsonNode body) {

		String type() {
			return this.body.path("__type").asString(null);
		}

		String message() {
			return this.body.path("message").asString(null);
		}

	}

}
