package io.gatehouse.shared.sigv4;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fixture builder for {@link SignableRequest}s, and the credentials and clock of the AWS SigV4 test suite.
 */
final class SigV4TestRequests {

	static final String ACCESS_KEY_ID = "AKIDEXAMPLE";

	static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

	static final Instant SUITE_TIME = Instant.parse("2015-08-30T12:36:00Z");

	static final Clock SUITE_CLOCK = Clock.fixed(SUITE_TIME, ZoneOffset.UTC);

	static final SigV4Expectation SUITE_EXPECTATION = SigV4Expectation.of("service", "us-east-1");

	/** Knows only the suite's key; records the session token it was given. */
	static SigningKeyResolver suiteKeys() {
		return (accessKeyId, sessionToken) -> ACCESS_KEY_ID.equals(accessKeyId) ? Optional.of(SECRET)
				: Optional.empty();
	}

	private String method = "GET";

	private String rawPath = "/";

	private String rawQuery;

	private final Map<String, List<String>> headers = new LinkedHashMap<>();

	private byte[] body = new byte[0];

	private String payloadHash;

	private SigV4TestRequests() {
	}

	static SigV4TestRequests get(String rawPath) {
		SigV4TestRequests builder = new SigV4TestRequests();
		builder.rawPath = rawPath;
		return builder.header("Host", "example.amazonaws.com");
	}

	static SigV4TestRequests post(String rawPath) {
		return get(rawPath).method("POST");
	}

	static SigV4TestRequests from(SignableRequest request) {
		SigV4TestRequests builder = new SigV4TestRequests();
		builder.method = request.method();
		builder.rawPath = request.rawPath();
		builder.rawQuery = request.rawQuery();
		request.headers().forEach((name, values) -> builder.headers.put(name, new ArrayList<>(values)));
		builder.payloadHash = request.payloadSha256Hex();
		return builder;
	}

	SigV4TestRequests method(String method) {
		this.method = method;
		return this;
	}

	SigV4TestRequests path(String rawPath) {
		this.rawPath = rawPath;
		return this;
	}

	SigV4TestRequests query(String rawQuery) {
		this.rawQuery = rawQuery;
		return this;
	}

	/** Adds one more value under {@code name}. */
	SigV4TestRequests header(String name, String value) {
		this.headers.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
		return this;
	}

	/** Replaces every value of {@code name}, whatever its case. */
	SigV4TestRequests replaceHeader(String name, String value) {
		withoutHeader(name);
		return header(name, value);
	}

	SigV4TestRequests withoutHeader(String name) {
		this.headers.keySet().removeIf(name::equalsIgnoreCase);
		return this;
	}

	/** Adds the headers a signer returned. */
	SigV4TestRequests headers(Map<String, String> added) {
		added.forEach(this::replaceHeader);
		return this;
	}

	SigV4TestRequests body(String body) {
		this.body = body.getBytes(StandardCharsets.UTF_8);
		this.payloadHash = null;
		return this;
	}

	SignableRequest build() {
		Map<String, List<String>> copy = new LinkedHashMap<>();
		this.headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
		String hash = (this.payloadHash != null) ? this.payloadHash : SigningAlgorithm.sha256Hex(this.body);
		return new SignableRequest(this.method, this.rawPath, this.rawQuery, copy, hash);
	}

}
