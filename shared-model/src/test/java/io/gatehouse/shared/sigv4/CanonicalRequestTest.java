package io.gatehouse.shared.sigv4;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.gatehouse.shared.property.Generator;
import io.gatehouse.shared.property.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalRequestTest {

	private static final List<String> SEGMENTS = List.of("", ".", "..", "a", "b%20c", "%2F", "%2E", "...", "a.b",
			"~x");

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

	@Test
	void normalizeWhenAnyEncodedPathThenSameAsAwsSdk() {
		// Every path of up to three segments (1,110 of them), then longer ones at random.
		Generator<String> paths = Generator.of(SEGMENTS).list(1, 8).map(CanonicalRequestTest::encodedPath);
		Property.forAll(paths)
			.examples(allPathsUpTo(3))
			.tries(1000)
			.check((rawPath) -> assertThat(CanonicalRequest.normalize(rawPath)).isEqualTo(sdkNormalize(rawPath)));
	}

	private static String encodedPath(List<String> segments) {
		String path = String.join("/", segments);
		return path.startsWith("/") ? path : "/" + path;
	}

	private static List<String> allPathsUpTo(int maxSegments) {
		List<String> paths = new ArrayList<>();
		List<List<String>> shorter = List.of(List.of());
		for (int size = 1; size <= maxSegments; size++) {
			List<List<String>> longer = new ArrayList<>();
			for (List<String> prefix : shorter) {
				for (String segment : SEGMENTS) {
					List<String> segments = new ArrayList<>(prefix);
					segments.add(segment);
					longer.add(segments);
					paths.add(encodedPath(segments));
				}
			}
			shorter = longer;
		}
		return paths;
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
