package io.gatehouse.shared.sigv4;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.gatehouse.shared.sigv4.SigV4Result.Refused;
import io.gatehouse.shared.sigv4.SigV4Result.Verified;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signs random requests with the AWS SDK for Java v2's own {@link AwsV4HttpSigner} (the signer every
 * AWS SDK client uses for non-S3 services) and verifies them with ours: random paths (with {@code .},
 * {@code ..}, empty segments, reserved and non-ASCII characters), query parameters, headers, bodies,
 * session tokens, header and presigned forms. Any change to a signed part must then be refused.
 */
class SigV4AwsSdkCrossCheckTest {

	private static final Instant SIGNED_AT = Instant.parse("2026-03-01T23:58:30Z");

	private static final String ACCESS_KEY_ID = "AKIAGATEHOUSECROSS01";

	private static final String SECRET = "cr0ss/Check+Secret/0123456789ABCDEFGHIJKL";

	private static final SigV4Expectation EXPECTATION = SigV4Expectation.of("cognito-idp", "local-1");

	private static final SigningKeyResolver KEYS = (accessKeyId, sessionToken) -> ACCESS_KEY_ID.equals(accessKeyId)
			? Optional.of(SECRET) : Optional.empty();

	/**
	 * One request as a client builds it, before signing.
	 *
	 * @param query decoded name/value pairs; a null value is a parameter without {@code =}
	 * @param headers decoded name/value pairs; a name may repeat
	 */
	record ClientRequest(SdkHttpMethod method, List<String> pathSegments, boolean trailingSlash,
			List<Map.Entry<String, String>> query, List<Map.Entry<String, String>> headers, String body,
			Optional<String> sessionToken, boolean presigned, int expiresSeconds, int verifierOffsetSeconds) {

		String encodedPath() {
			if (this.pathSegments.isEmpty()) {
				return this.trailingSlash ? "/" : "";
			}
			StringBuilder path = new StringBuilder();
			for (String segment : this.pathSegments) {
				path.append('/').append(SdkHttpUtils.urlEncode(segment));
			}
			return this.trailingSlash ? path.append('/').toString() : path.toString();
		}

	}

	@Property(tries = 400)
	void verifyWhenSignedByAwsSdkThenVerified(@ForAll("clientRequests") ClientRequest client) {
		SignableRequest received = signWithAwsSdk(client);

		SigV4Result result = verifier(client).verify(received, EXPECTATION, KEYS);

		assertThat(result).as("canonical request: %s", verifier(client).canonicalRequest(received, EXPECTATION))
			.isEqualTo(new Verified(ACCESS_KEY_ID, "local-1", "cognito-idp", SIGNED_AT, client.sessionToken()));
	}

	@Property(tries = 300)
	void verifyWhenAwsSdkSignedPartChangedThenRefused(@ForAll("clientRequests") ClientRequest client,
			@ForAll @IntRange(min = 0, max = 7) int mutation) {
		SignableRequest received = signWithAwsSdk(client);
		SignableRequest tampered = mutate(received, mutation);

		SigV4Result result = verifier(client).verify(tampered, EXPECTATION, KEYS);

		assertThat(result).as("mutation %d", mutation).isInstanceOf(Refused.class);
	}

	@Property(tries = 300)
	void verifyWhenSignedByOurSignerThenAwsSdkAgrees(@ForAll("clientRequests") ClientRequest client) {
		SignableRequest sdkSigned = signWithAwsSdk(client);
		if (client.presigned()) {
			return;
		}
		SigV4TestRequests unsigned = SigV4TestRequests.from(sdkSigned)
			.withoutHeader("Authorization")
			.withoutHeader("X-Amz-Date")
			.withoutHeader("X-Amz-Security-Token")
			.withoutHeader("x-amz-content-sha256");
		SigV4Credentials credentials = new SigV4Credentials(ACCESS_KEY_ID, SECRET, client.sessionToken());
		SigV4Signer signer = new SigV4Signer(Clock.fixed(SIGNED_AT, ZoneOffset.UTC));
		if (sdkSigned.headers().containsKey("x-amz-content-sha256")) {
			// AwsV4HttpSigner sends the payload hash as a header too.
			signer = signer.withContentSha256Header();
		}
		Map<String, String> ours = signer.sign(unsigned.build(), credentials, "local-1", "cognito-idp");

		assertThat(ours.get("Authorization")).isEqualTo(sdkSigned.headers().get("Authorization").get(0));
	}

	private static SigV4Verifier verifier(ClientRequest client) {
		return new SigV4Verifier(
				Clock.fixed(SIGNED_AT.plusSeconds(client.verifierOffsetSeconds()), ZoneOffset.UTC));
	}

	private static SignableRequest signWithAwsSdk(ClientRequest client) {
		SdkHttpRequest.Builder request = SdkHttpRequest.builder()
			.method(client.method())
			.protocol("http")
			.host("localhost")
			.port(9000)
			.encodedPath(client.encodedPath());
		for (Map.Entry<String, String> parameter : client.query()) {
			request.appendRawQueryParameter(parameter.getKey(), parameter.getValue());
		}
		for (Map.Entry<String, String> header : client.headers()) {
			request.appendHeader(header.getKey(), header.getValue());
		}
		AwsCredentialsIdentity identity = client.sessionToken()
			.<AwsCredentialsIdentity>map((token) -> AwsSessionCredentialsIdentity.create(ACCESS_KEY_ID, SECRET, token))
			.orElseGet(() -> AwsCredentialsIdentity.create(ACCESS_KEY_ID, SECRET));
		byte[] body = client.body().getBytes(StandardCharsets.UTF_8);
		SignedRequest signed = AwsV4HttpSigner.create()
			.sign((sign) -> sign.identity(identity)
				.request(request.build())
				.payload(ContentStreamProvider.fromByteArray(body))
				.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "cognito-idp")
				.putProperty(AwsV4HttpSigner.REGION_NAME, "local-1")
				.putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(SIGNED_AT, ZoneOffset.UTC))
				.putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION,
						client.presigned() ? AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING
								: AwsV4FamilyHttpSigner.AuthLocation.HEADER)
				.putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION,
						client.presigned() ? Duration.ofSeconds(client.expiresSeconds()) : null));
		SdkHttpRequest sent = signed.request();
		return new SignableRequest(sent.method().name(), sent.encodedPath(),
				sent.encodedQueryParameters().orElse(null), sent.headers(), SigningAlgorithm.sha256Hex(body));
	}

	private static SignableRequest mutate(SignableRequest request, int mutation) {
		SigV4TestRequests changed = SigV4TestRequests.from(request);
		switch (mutation) {
			case 0 -> changed.method(request.method().equals("POST") ? "PUT" : "POST");
			case 1 -> changed.path(request.rawPath() + "/x");
			case 2 -> changed.query((request.rawQuery() == null) ? "extra=1" : request.rawQuery() + "&extra=1");
			case 3 -> changed.body("tampered");
			case 4 -> changed.replaceHeader("Host", "attacker.example:9000");
			case 5 -> {
				// Change the value of some signed, client-chosen header, else of the date.
				Optional<String> name = request.headers().keySet().stream()
					.filter((header) -> header.startsWith("x-t-"))
					.findFirst();
				if (name.isPresent()) {
					changed.replaceHeader(name.get(), "changed value");
				}
				else if (request.headers().containsKey("X-Amz-Date")) {
					changed.replaceHeader("X-Amz-Date", "20260301T235831Z");
				}
				else {
					changed.query(request.rawQuery().replace("X-Amz-Date=20260301T235830Z", "X-Amz-Date=20260301T235831Z"));
				}
			}
			case 6 -> {
				if (request.headers().containsKey("Authorization")) {
					String authorization = request.headers().get("Authorization").get(0);
					changed.replaceHeader("Authorization", flipLastHexDigit(authorization));
				}
				else {
					changed.query(flipLastHexDigit(request.rawQuery()));
				}
			}
			default -> {
				// Present the request under another key id: the key is unknown.
				if (request.headers().containsKey("Authorization")) {
					changed.replaceHeader("Authorization",
							request.headers().get("Authorization").get(0).replace(ACCESS_KEY_ID, "AKIAGATEHOUSEOTHER01"));
				}
				else {
					changed.query(request.rawQuery().replace(ACCESS_KEY_ID, "AKIAGATEHOUSEOTHER01"));
				}
			}
		}
		return changed.build();
	}

	/** The signature is the last thing in both forms (the SDK appends X-Amz-Signature last). */
	private static String flipLastHexDigit(String value) {
		char last = value.charAt(value.length() - 1);
		return value.substring(0, value.length() - 1) + ((last == '0') ? '1' : '0');
	}

	@Provide
	Arbitrary<ClientRequest> clientRequests() {
		Arbitrary<String> text = Arbitraries.frequencyOf(
				Tuple.of(4, Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8)),
				Tuple.of(3, Arbitraries.strings()
					.withChars(" !\"#$%&'()*+,/:;<=>?@[\\]^`{|}~-._")
					.alpha()
					.ofMinLength(1)
					.ofMaxLength(8)),
				Tuple.of(2, Arbitraries.strings()
					.withCharRange('\u00a0', '\u024f')
					.withCharRange('\u3040', '\u30ff')
					.withChars("\u20ac\ud83d\ude00")
					.ofMinLength(1)
					.ofMaxLength(6)));
		Arbitrary<String> segment = Arbitraries.frequencyOf(Tuple.of(8, text),
				Tuple.of(1, Arbitraries.of(".", "..", "")));
		Arbitrary<List<String>> path = segment.list().ofMaxSize(5);
		Arbitrary<String> queryValue = Arbitraries.frequencyOf(Tuple.of(6, text),
				Tuple.of(1, Arbitraries.just("")), Tuple.of(1, Arbitraries.just(null)));
		Arbitrary<List<Map.Entry<String, String>>> query = Combinators.combine(text, queryValue)
			.as((name, value) -> (Map.Entry<String, String>) new AbstractMap.SimpleEntry<>(name, value))
			.list()
			.ofMaxSize(5);
		Arbitrary<String> headerName = Arbitraries.strings()
			.withCharRange('a', 'z')
			.withChars("0123456789-")
			.ofMinLength(1)
			.ofMaxLength(10)
			.map((name) -> "x-t-" + name);
		Arbitrary<String> headerValue = Arbitraries.strings()
			.withCharRange(' ', '~')
			.withChars("\t")
			.ofMaxLength(20);
		Arbitrary<List<Map.Entry<String, String>>> headers = Combinators.combine(headerName, headerValue)
			.as((name, value) -> (Map.Entry<String, String>) new AbstractMap.SimpleEntry<>(name, value))
			.list()
			.ofMaxSize(4);
		Arbitrary<String> body = Arbitraries.strings().ofMaxLength(200);
		Arbitrary<Optional<String>> token = Arbitraries.strings()
			.withCharRange('!', '~')
			.ofMinLength(1)
			.ofMaxLength(300)
			.optional();
		Arbitrary<Boolean> presigned = Arbitraries.of(true, false);
		Arbitrary<Integer> expires = Arbitraries.integers().between(300, 604800);
		Arbitrary<Integer> offset = Arbitraries.integers().between(-299, 299);
		Arbitrary<SdkHttpMethod> method = Arbitraries.of(SdkHttpMethod.GET, SdkHttpMethod.POST, SdkHttpMethod.PUT,
				SdkHttpMethod.DELETE);
		return Combinators.combine(method, path, Arbitraries.of(true, false), query, headers, body, token, presigned)
			.as((m, p, slash, q, h, b, t, pre) -> new Object[] { m, p, slash, q, h, b, t, pre })
			.flatMap((parts) -> Combinators.combine(expires, offset)
				.as((e, o) -> newClientRequest(parts, e, o)));
	}

	@SuppressWarnings("unchecked")
	private static ClientRequest newClientRequest(Object[] parts, int expires, int offset) {
		return new ClientRequest((SdkHttpMethod) parts[0], (List<String>) parts[1], (Boolean) parts[2],
				(List<Map.Entry<String, String>>) parts[3], (List<Map.Entry<String, String>>) parts[4],
				(String) parts[5], (Optional<String>) parts[6], (Boolean) parts[7], expires, offset);
	}

}
