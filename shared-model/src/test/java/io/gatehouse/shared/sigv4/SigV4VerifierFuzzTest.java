package io.gatehouse.shared.sigv4;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.gatehouse.shared.property.Generator;
import io.gatehouse.shared.property.Property;
import io.gatehouse.shared.sigv4.SigV4Result.Refused;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input never escapes as an exception and never yields anything but a refusal whose message
 * does not contain the secret.
 */
class SigV4VerifierFuzzTest {

	private static final String SECRET = "fuzz/Secret+Key/0123456789abcdefghijklmno";

	private static final SigningKeyResolver KEYS = (accessKeyId, sessionToken) -> Optional.of(SECRET);

	/** Sixty-four hex digits: the shape of a real signature. */
	private static final String HEX_SIGNATURE = "ab".repeat(32);

	private static final String AUTHORIZATION_PREFIX = "AWS4-HMAC-SHA256 ";

	private static final Generator<String> AUTHORIZATION_PIECES = Generator.of("AWS4-HMAC-SHA256", " ", ",",
			"Credential=", "SignedHeaders=", "Signature=", "AKIA", "/", "20260115", "local-1", "cognito-idp",
			"aws4_request", "host", ";", "x-amz-date", "=", "ab12", "\t", "\u0000", "%", "\ud800", "0123456789abcdef");

	private static final Generator<String> QUERY_PIECES = Generator.of("X-Amz-Algorithm=", "AWS4-HMAC-SHA256",
			"X-Amz-Credential=", "X-Amz-Signature=", "X-Amz-Date=", "X-Amz-Expires=", "X-Amz-SignedHeaders=",
			"X-Amz-Security-Token=", "&", "=", "%", "%2F", "%zz", "%E1%88", "+", "host", "3600", "99999999999",
			"20260115T100000Z", "\ud800", HEX_SIGNATURE, "AKIA%2F20260115%2Flocal-1%2Fcognito-idp%2Faws4_request");

	private static final Generator<String> PATH_PIECES = Generator.of("/", "..", ".", "//", "%", "%2F", "a",
			"\ud800");

	/** Well formed but signed with the wrong signature: refused for the signature, not for the syntax. */
	private static final String WRONG_SIGNATURE_AUTHORIZATION = AUTHORIZATION_PREFIX
			+ "Credential=AKIA/20260115/local-1/cognito-idp/aws4_request, SignedHeaders=host;x-amz-date, Signature="
			+ HEX_SIGNATURE;

	private static final String WRONG_SIGNATURE_QUERY = "X-Amz-Algorithm=AWS4-HMAC-SHA256"
			+ "&X-Amz-Credential=AKIA%2F20260115%2Flocal-1%2Fcognito-idp%2Faws4_request&X-Amz-Date=20260115T100000Z"
			+ "&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=" + HEX_SIGNATURE;

	private final SigV4Verifier verifier = new SigV4Verifier(
			Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC));

	record SignedHeaders(String authorization, String amzDate) {
	}

	@Test
	void verifyWhenAuthorizationIsGarbageThenRefusedWithoutException() {
		Generator<String> structured = AUTHORIZATION_PIECES.list(0, 40).map((pieces) -> String.join("", pieces));
		Generator<String> authorizations = Generator.oneOf(Generator.strings(Generator.anyChar(), 0, 300), structured,
				structured.map(AUTHORIZATION_PREFIX::concat));
		Generator<String> dates = Generator.oneOf(Generator.just("20260115T100000Z"),
				Generator.strings(Generator.textChar(), 0, 20),
				Generator.strings(Generator.charRange('0', '9'), 8, 8).map((day) -> day + "T100000Z"));
		Property.forAll((random) -> new SignedHeaders(authorizations.next(random), dates.next(random)))
			.examples(new SignedHeaders("", "20260115T100000Z"), new SignedHeaders("AWS4-HMAC-SHA256", ""),
					new SignedHeaders(AUTHORIZATION_PREFIX, "20260115T100000Z"),
					new SignedHeaders(WRONG_SIGNATURE_AUTHORIZATION, "20260115T100000Z"),
					new SignedHeaders(WRONG_SIGNATURE_AUTHORIZATION, ""),
					new SignedHeaders(WRONG_SIGNATURE_AUTHORIZATION, "00000000T100000Z"),
					new SignedHeaders(WRONG_SIGNATURE_AUTHORIZATION, "99999999T100000Z"),
					new SignedHeaders(WRONG_SIGNATURE_AUTHORIZATION, "\u0000".repeat(20)),
					new SignedHeaders(AUTHORIZATION_PREFIX + "Credential=" + "/".repeat(283), "20260115T100000Z"),
					new SignedHeaders("\u0000", "\ud800"), new SignedHeaders("\ud800".repeat(300), "20260115T100000Z"))
			.tries(500)
			.check((headers) -> {
				SignableRequest request = SigV4TestRequests.post("/")
					.header("X-Amz-Date", headers.amzDate())
					.header("Authorization", headers.authorization())
					.body("{}")
					.build();

				SigV4Result result = this.verifier.verify(request, SigV4Expectation.of("cognito-idp", "local-1"), KEYS);

				assertThat(result).isInstanceOf(Refused.class);
				assertThat(((Refused) result).message()).doesNotContain(SECRET);
			});
	}

	/** A raw query and a raw path, either maybe absent (null). */
	record Target(String query, String path) {
	}

	@Test
	void verifyWhenQueryIsGarbageThenRefusedWithoutException() {
		Generator<String> queries = Generator.oneOf(Generator.strings(Generator.anyChar(), 0, 200),
				QUERY_PIECES.list(0, 30).map((pieces) -> String.join("", pieces)), Generator.just(null));
		Generator<String> paths = Generator.oneOf(Generator.strings(Generator.anyChar(), 0, 100),
				PATH_PIECES.list(0, 20).map((pieces) -> "/" + String.join("/", pieces)), Generator.just(null));
		Property.forAll((random) -> new Target(queries.next(random), paths.next(random)))
			.examples(new Target(null, null), new Target(null, "/"), new Target("", ""), new Target("", "/"),
					new Target(WRONG_SIGNATURE_QUERY, "/"), new Target(WRONG_SIGNATURE_QUERY, null),
					new Target(WRONG_SIGNATURE_QUERY.replace("3600", "99999999999"), "/"),
					new Target(WRONG_SIGNATURE_QUERY.replace("3600", "0"), "/"),
					new Target(WRONG_SIGNATURE_QUERY.replace("3600", "-1"), "/"),
					new Target(WRONG_SIGNATURE_QUERY + "&X-Amz-Signature=" + HEX_SIGNATURE, "/"),
					new Target("%", "%"), new Target("%zz", "/%zz"), new Target("%E1%88", "/%E1%88"),
					new Target("\ud800", "\ud800"), new Target("&&&", "//.."), new Target("=", "/./../.."),
					new Target("\u0000".repeat(200), "/".repeat(100)))
			.tries(500)
			.check((target) -> {
				SignableRequest request = new SignableRequest("GET", target.path(), target.query(),
						Map.of("Host", List.of("localhost"), "X-Amz-Date", List.of("20260115T100000Z")),
						SigningAlgorithm.sha256Hex(""));

				SigV4Result result = this.verifier.verify(request, SigV4Expectation.of("cognito-idp", "local-1"), KEYS);

				assertThat(result).isInstanceOf(Refused.class);
				assertThat(((Refused) result).message()).doesNotContain(SECRET);
			});
	}

}
