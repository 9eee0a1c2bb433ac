package io.gatehouse.benchmarks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

import io.gatehouse.shared.sigv4.SigV4Credentials;
import io.gatehouse.shared.sigv4.SigV4Signer;
import io.gatehouse.shared.sigv4.SignableRequest;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * An AWS JSON 1.1 admin call signed per request (fresh {@code X-Amz-Date}, the request's own body), as an
 * SDK would send it: Gatling has no SigV4 of its own.
 */
final class SignedCall {

	private static final SigV4Signer signer = new SigV4Signer(Clock.systemUTC());

	private SignedCall() {
	}

	/** Puts {@code body}, {@code authorization} and {@code amzDate} into the session for {@link #post}. */
	static Function<Session, Session> sign(String baseUrl, String target, String service, SigV4Credentials credentials,
			Supplier<String> body) {
		String host = URI.create(baseUrl).getAuthority();
		return (session) -> {
			String json = body.get();
			Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			headers.put("Host", List.of(host));
			headers.put("Content-Type", List.of("application/x-amz-json-1.1"));
			headers.put("X-Amz-Target", List.of(target));
			Map<String, String> added = signer.sign(new SignableRequest("POST", "/", null, headers,
					Gatehouse.sha256(json.getBytes(StandardCharsets.UTF_8))), credentials, Gatehouse.REGION, service);
			return session.set("body", json)
				.set("authorization", added.get("Authorization"))
				.set("amzDate", added.get("X-Amz-Date"));
		};
	}

	static HttpRequestActionBuilder post(String name, String target) {
		return http(name).post("/")
			.header("Content-Type", "application/x-amz-json-1.1")
			.header("X-Amz-Target", target)
			.header("X-Amz-Date", "#{amzDate}")
			.header("Authorization", "#{authorization}")
			.body(StringBody("#{body}"));
	}

}
