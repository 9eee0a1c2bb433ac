package io.gatehouse.shared.sigv4;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.gatehouse.shared.sigv4.SigV4Result.Refused;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input never escapes as an exception and never yields anything but a refusal whose message
 * does not contain the secret.
 */
class SigV4VerifierFuzzTest {

	private static final String SECRET = "fuzz/Secret+Key/0123456789abcdefghijklmno";

	private static final SigningKeyResolver KEYS = (accessKeyId, sessionToken) -> Optional.of(SECRET);

	private final SigV4Verifier verifier = new SigV4Verifier(
			Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC));

	@Property(tries = 500)
	void verifyWhenAuthorizationIsGarbageThenRefusedWithoutException(@ForAll("authorizationHeaders") String authorization,
			@ForAll("dates") String amzDate) {
		SignableRequest request = SigV4TestRequests.post("/")
			.header("X-Amz-Date", amzDate)
			.header("Authorization", authorization)
			.body("{}")
			.build();

		SigV4Result result = this.verifier.verify(request, SigV4Expectation.of("cognito-idp", "local-1"), KEYS);

		assertThat(result).isInstanceOf(Refused.class);
		assertThat(((Refused) result).message()).doesNotContain(SECRET);
	}

	@Property(tries = 500)
	void verifyWhenQueryIsGarbageThenRefusedWithoutException(@ForAll("queries") String query,
			@ForAll("paths") String path) {
		SignableRequest request = new SignableRequest("GET", path, query,
				Map.of("Host", List.of("localhost"), "X-Amz-Date", List.of("20260115T100000Z")),
				SigningAlgorithm.sha256Hex(""));

		SigV4Result result = this.verifier.verify(request, SigV4Expectation.of("cognito-idp", "local-1"), KEYS);

		assertThat(result).isInstanceOf(Refused.class);
		assertThat(((Refused) result).message()).doesNotContain(SECRET);
	}

	@Provide
	Arbitrary<String> authorizationHeaders() {
		Arbitrary<String> noise = Arbitraries.strings().all().ofMaxLength(300);
		Arbitrary<String> pieces = Arbitraries.of("AWS4-HMAC-SHA256", " ", ",", "Credential=", "SignedHeaders=",
				"Signature=", "AKIA", "/", "20260115", "local-1", "cognito-idp", "aws4_request", "host", ";",
				"x-amz-date", "=", "ab12", "\t", "\u0000", "%", "\ud800", "0123456789abcdef");
		Arbitrary<String> structured = pieces.list().ofMaxSize(40).map((list) -> String.join("", list));
		return Arbitraries.oneOf(noise, structured, structured.map((s) -> "AWS4-HMAC-SHA256 " + s));
	}

	@Provide
	Arbitrary<String> dates() {
		return Arbitraries.oneOf(Arbitraries.just("20260115T100000Z"), Arbitraries.strings().ofMaxLength(20),
				Arbitraries.strings().numeric().ofLength(8).map((d) -> d + "T100000Z"));
	}

	@Provide
	Arbitrary<String> queries() {
		Arbitrary<String> pieces = Arbitraries.of("X-Amz-Algorithm=", "AWS4-HMAC-SHA256", "X-Amz-Credential=",
				"X-Amz-Signature=", "X-Amz-Date=", "X-Amz-Expires=", "X-Amz-SignedHeaders=", "X-Amz-Security-Token=",
				"&", "=", "%", "%2F", "%zz", "%E1%88", "+", "host", "3600", "99999999999", "20260115T100000Z", "\ud800",
				"ab".repeat(32), "AKIA%2F20260115%2Flocal-1%2Fcognito-idp%2Faws4_request");
		return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(200),
				pieces.list().ofMaxSize(30).map((list) -> String.join("", list)),
				Arbitraries.just(null));
	}

	@Provide
	Arbitrary<String> paths() {
		return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(100),
				Arbitraries.of("/", "..", ".", "//", "%", "%2F", "a", "\ud800").list().ofMaxSize(20)
					.map((list) -> "/" + String.join("/", list)),
				Arbitraries.just(null));
	}

}
