package io.gatehouse.shared.sigv4;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.gatehouse.shared.property.Generator;
import io.gatehouse.shared.property.Property;
import io.gatehouse.shared.sigv4.SigV4Result.Refused;
import io.gatehouse.shared.sigv4.SigV4Result.Verified;
import org.junit.jupiter.api.Test;
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

	private static final Generator<Character> ALPHA = Generator.oneOf(Generator.charRange('A', 'Z'),
			Generator.charRange('a', 'z'));

	/** Names and values: alphanumeric, reserved and punctuation characters, or non-ASCII ones. */
	private static final Generator<String> TEXT = Generator.frequency(
			4, Generator.strings(Generator.oneOf(ALPHA, Generator.charRange('0', '9')), 1, 8),
			3, Generator.strings(Generator.oneOf(Generator.charsOf(" !\"#$%&'()*+,/:;<=>?@[\\]^`{|}~-._"), ALPHA), 1,
					8),
			// The emoji's two surrogates are drawn one at a time: lone surrogates too.
			2, Generator.strings(Generator.oneOf(Generator.charRange('\u00a0', '\u024f'),
					Generator.charRange('\u3040', '\u30ff'), Generator.charsOf("\u20ac\ud83d\ude00")), 1, 6));

	private static final Generator<Map.Entry<String, String>> QUERY_PARAMETER = entries(TEXT,
			Generator.frequency(6, TEXT, 1, Generator.just(""), 1, Generator.just(null)));

	private static final Generator<Map.Entry<String, String>> HEADER = entries(
			Generator.strings(Generator.oneOf(Generator.charRange('a', 'z'), Generator.charsOf("0123456789-")), 1, 10)
				.map("x-t-"::concat),
			Generator.strings(Generator.oneOf(Generator.charRange(' ', '~'), Generator.charsOf("\t")), 0, 20));

	private static final Generator<ClientRequest> CLIENT_REQUESTS = clientRequests();

	/** The boundaries random requests would rarely all reach. */
	private static final List<ClientRequest> EDGE_REQUESTS = edgeRequests();

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

		/** The smallest request: no path, query, headers, body or session token, signed in a header. */
		static ClientRequest minimal(SdkHttpMethod method) {
			return new ClientRequest(method, List.of(), false, List.of(), List.of(), "", Optional.empty(), false, 300,
					0);
		}

		ClientRequest withPath(boolean trailingSlash, String... segments) {
			return new ClientRequest(this.method, List.of(segments), trailingSlash, this.query, this.headers,
					this.body, this.sessionToken, this.presigned, this.expiresSeconds, this.verifierOffsetSeconds);
		}

		/** Adds a query parameter; a null value is one without {@code =}. */
		ClientRequest withQuery(String name, String value) {
			List<Map.Entry<String, String>> query = new ArrayList<>(this.query);
			query.add(new AbstractMap.SimpleEntry<>(name, value));
			return new ClientRequest(this.method, this.pathSegments, this.trailingSlash, query, this.headers,
					this.body, this.sessionToken, this.presigned, this.expiresSeconds, this.verifierOffsetSeconds);
		}

		ClientRequest withHeader(String name, String value) {
			List<Map.Entry<String, String>> headers = new ArrayList<>(this.headers);
			headers.add(new AbstractMap.SimpleEntry<>(name, value));
			return new ClientRequest(this.method, this.pathSegments, this.trailingSlash, this.query, headers,
					this.body, this.sessionToken, this.presigned, this.expiresSeconds, this.verifierOffsetSeconds);
		}

		ClientRequest withBody(String body) {
			return new ClientRequest(this.method, this.pathSegments, this.trailingSlash, this.query, this.headers,
					body, this.sessionToken, this.presigned, this.expiresSeconds, this.verifierOffsetSeconds);
		}

		ClientRequest withSessionToken(String sessionToken) {
			return new ClientRequest(this.method, this.pathSegments, this.trailingSlash, this.query, this.headers,
					this.body, Optional.of(sessionToken), this.presigned, this.expiresSeconds,
					this.verifierOffsetSeconds);
		}

		ClientRequest verifiedAt(int verifierOffsetSeconds) {
			return new ClientRequest(this.method, this.pathSegments, this.trailingSlash, this.query, this.headers,
					this.body, this.sessionToken, this.presigned, this.expiresSeconds, verifierOffsetSeconds);
		}

		ClientRequest presignedFor(int expiresSeconds) {
			return new ClientRequest(this.method, this.pathSegments, this.trailingSlash, this.query, this.headers,
					this.body, this.sessionToken, true, expiresSeconds, this.verifierOffsetSeconds);
		}

		ClientRequest headerSigned() {
			return new ClientRequest(this.method, this.pathSegments, this.trailingSlash, this.query, this.headers,
					this.body, this.sessionToken, false, this.expiresSeconds, this.verifierOffsetSeconds);
		}

	}

	/** One request, signed and then changed in one of eight ways (see {@code mutate}). */
	record Tampering(ClientRequest client, int mutation) {
	}

	@Test
	void verifyWhenSignedByAwsSdkThenVerified() {
		Property.forAll(CLIENT_REQUESTS).examples(EDGE_REQUESTS).tries(400).check((client) -> {
			SignableRequest received = signWithAwsSdk(client);

			SigV4Result result = verifier(client).verify(received, EXPECTATION, KEYS);

			assertThat(result).as("canonical request: %s", verifier(client).canonicalRequest(received, EXPECTATION))
				.isEqualTo(new Verified(ACCESS_KEY_ID, "local-1", "cognito-idp", SIGNED_AT, client.sessionToken()));
		});
	}

	@Test
	void verifyWhenAwsSdkSignedPartChangedThenRefused() {
		List<Tampering> examples = new ArrayList<>();
		for (ClientRequest client : EDGE_REQUESTS) {
			for (int mutation = 0; mutation <= 7; mutation++) {
				examples.add(new Tampering(client, mutation));
			}
		}
		Generator<Integer> mutations = Generator.ints(0, 7);
		Generator<Tampering> tamperings = (random) -> new Tampering(CLIENT_REQUESTS.next(random),
				mutations.next(random));
		Property.forAll(tamperings).examples(examples).tries(300).check((tampering) -> {
			SignableRequest received = signWithAwsSdk(tampering.client());
			SignableRequest tampered = mutate(received, tampering.mutation());

			SigV4Result result = verifier(tampering.client()).verify(tampered, EXPECTATION, KEYS);

			assertThat(result).as("mutation %d", tampering.mutation()).isInstanceOf(Refused.class);
		});
	}

	@Test
	void verifyWhenSignedByOurSignerThenAwsSdkAgrees() {
		// Our signer signs in the Authorization header only, so only header-signed requests are compared.
		List<ClientRequest> examples = EDGE_REQUESTS.stream().filter((client) -> !client.presigned()).toList();
		Property.forAll(CLIENT_REQUESTS.map(ClientRequest::headerSigned))
			.examples(examples)
			.tries(300)
			.check((client) -> {
				SignableRequest sdkSigned = signWithAwsSdk(client);
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
			});
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

	private static Generator<ClientRequest> clientRequests() {
		Generator<SdkHttpMethod> methods = Generator.of(SdkHttpMethod.GET, SdkHttpMethod.POST, SdkHttpMethod.PUT,
				SdkHttpMethod.DELETE);
		Generator<List<String>> paths = Generator.frequency(8, TEXT, 1, Generator.of(".", "..", "")).list(0, 5);
		Generator<List<Map.Entry<String, String>>> queries = QUERY_PARAMETER.list(0, 5);
		Generator<List<Map.Entry<String, String>>> headers = HEADER.list(0, 4);
		Generator<String> bodies = Generator.strings(Generator.textChar(), 0, 200);
		Generator<Optional<String>> tokens = Generator.strings(Generator.charRange('!', '~'), 1, 300).optional(0.25);
		Generator<Integer> expires = Generator.ints(300, 604800);
		Generator<Integer> offsets = Generator.ints(-299, 299);
		return (random) -> new ClientRequest(methods.next(random), paths.next(random), random.nextBoolean(),
				queries.next(random), headers.next(random), bodies.next(random), tokens.next(random),
				random.nextBoolean(), expires.next(random), offsets.next(random));
	}

	private static List<ClientRequest> edgeRequests() {
		String longToken = "!~".repeat(150);
		String nonAscii = "\u00e9\u4e2d\u20ac\ud83d\ude00";
		List<ClientRequest> header = List.of(ClientRequest.minimal(SdkHttpMethod.GET),
				ClientRequest.minimal(SdkHttpMethod.POST).withPath(true).verifiedAt(-299),
				ClientRequest.minimal(SdkHttpMethod.PUT).withPath(true, ".", "..", "").verifiedAt(299),
				ClientRequest.minimal(SdkHttpMethod.DELETE).withPath(false, "..", "..", "a", ".", ""),
				ClientRequest.minimal(SdkHttpMethod.GET)
					.withPath(false, ":/?#[]@", "!$&'()*+", ",;= %~-.", "\\\"^`{|}<")
					.withQuery("a", "")
					.withQuery("a", null)
					.withQuery("b", "x y")
					.withQuery("a", "1")
					.withQuery("=&?/", "%+ "),
				ClientRequest.minimal(SdkHttpMethod.POST)
					.withHeader("x-t-a", "")
					.withHeader("x-t-a", "  two  spaces  ")
					.withHeader("x-t-b", "\tx\t")
					.withHeader("x-t-0123456789", "~".repeat(20))
					.withBody("{}"),
				ClientRequest.minimal(SdkHttpMethod.PUT)
					.withPath(true, nonAscii, "\ud83d", "\ude00")
					.withQuery(nonAscii, nonAscii)
					.withBody(nonAscii.repeat(40))
					.withSessionToken(longToken),
				ClientRequest.minimal(SdkHttpMethod.GET).withBody("x".repeat(200)).withSessionToken("!"));
		List<ClientRequest> edges = new ArrayList<>(header);
		for (ClientRequest client : header) {
			edges.add(client.presignedFor(300));
			edges.add(client.presignedFor(604800).verifiedAt(299));
		}
		return edges;
	}

	private static <K, V> Generator<Map.Entry<K, V>> entries(Generator<K> keys, Generator<V> values) {
		return (random) -> new AbstractMap.SimpleEntry<>(keys.next(random), values.next(random));
	}

}
