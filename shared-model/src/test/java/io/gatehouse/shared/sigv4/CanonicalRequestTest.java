package io.gatehouse.shared.sigv4;

import java.net.URI;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalRequestTest {

	/**
	 * What the AWS SDK for Java v2 does to an encoded path before encoding it again: {@code URI#normalize},
	 * then drop a trailing slash that the path sent did not have.
	 */
	private static String sdkNormalize(String rawPath) {
		String path = URI.create("http://localhost" + rawPath).normalize().getRawPath();
		if (path.isEmpty()) {
			return "/";
		}
		if (path.length() > 1 && path.endsWith("/") && !rawPath.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		return path;
	}

	@Property(tries = 1000)
	void normalizeWhenAnyEncodedPathThenSameAsAwsSdk(@ForAll("encodedPaths") String rawPath) {
		assertThat(CanonicalRequest.normalize(rawPath)).isEqualTo(sdkNormalize(rawPath));
	}

	@Provide
	Arbitrary<String> encodedPaths() {
		return Arbitraries.of("", ".", "..", "a", "b%20c", "%2F", "%2E", "...", "a.b", "~x")
			.list()
			.ofMinSize(1)
			.ofMaxSize(8)
			.map((segments) -> String.join("/", segments))
			.map((path) -> path.startsWith("/") ? path : "/" + path);
	}

	@Test
	void canonicalUriWhenPathEncodedOnceThenEncodedAgain() {
		assertThat(CanonicalRequest.canonicalUri("/users/alice%40example.com/a%2Fb"))
			.isEqualTo("/users/alice%2540example.com/a%252Fb");
	}

	@Test
	void canonicalUriWhenEmptyThenSlash() {
		assertThat(CanonicalRequest.canonicalUri("")).isEqualTo("/");
		assertThat(CanonicalRequest.canonicalUri(null)).isEqualTo("/");
	}

	@Test
	void canonicalQueryWhenPlusAndLowerCaseEscapesThenUpperCaseAndPlusEncoded() {
		QueryString query = QueryString.parse("b=x+y&a=%7e%2f&c&=skipped&a=%41", 10).orElseThrow();

		assertThat(query.canonical(null)).isEqualTo("a=A&a=~%2F&b=x%2By&c=");
	}

}
