package io.gatehouse.shared.sigv4;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.gatehouse.shared.sigv4.SigV4Result.Refused;
import io.gatehouse.shared.sigv4.SigV4Result.Verified;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.gatehouse.shared.sigv4.SigV4TestRequests.ACCESS_KEY_ID;
import static io.gatehouse.shared.sigv4.SigV4TestRequests.SECRET;
import static io.gatehouse.shared.sigv4.SigV4TestRequests.SUITE_CLOCK;
import static io.gatehouse.shared.sigv4.SigV4TestRequests.SUITE_EXPECTATION;
import static io.gatehouse.shared.sigv4.SigV4TestRequests.SUITE_TIME;
import static io.gatehouse.shared.sigv4.SigV4TestRequests.suiteKeys;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published AWS Signature Version 4 test suite (the AWS General Reference example and the
 * {@code aws-sig-v4-test-suite} cases as maintained in {@code awslabs/aws-c-auth},
 * {@code tests/aws-signing-test-suite/v4}): credentials {@code AKIDEXAMPLE}, time 20150830T123600Z, region
 * {@code us-east-1}, service {@code service}. Each case gives the request, the expected canonical request
 * and the expected signatures for the {@code Authorization} header and for the presigned URL
 * ({@code X-Amz-Expires=3600}); the values are typed in below.
 */
class SigV4TestSuiteTest {

	private static final String STS_TOKEN = "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4"
			+ "FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI"
			+ "/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQ"
			+ "DYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT"
			+ "38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9K"
			+ "SYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==";

	private static final String UNRESERVED = "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private static final String SCOPE = "20150830/us-east-1/service/aws4_request";

	/**
	 * One test-suite case.
	 *
	 * @param name the case's folder name
	 * @param normalize whether the case normalises the path (false: the S3-style unnormalised variants)
	 * @param headers the request's headers as {@code Name:value}, before signing
	 * @param sessionToken the session token of the case's credentials
	 * @param tokenAddedAfterSigning whether the case adds the token after signing (old STS style)
	 * @param canonicalRequest the expected canonical request of the header-signed request
	 * @param signature the expected signature of the header-signed request
	 * @param presignedSignature the expected {@code X-Amz-Signature} of the presigned URL
	 */
	record Vector(String name, boolean normalize, String method, String path, String query, List<String> headers,
			String body, String sessionToken, boolean tokenAddedAfterSigning, String canonicalRequest,
			String signature, String presignedSignature) {

		@Override
		public String toString() {
			return this.name;
		}

		String signedHeaders() {
			String[] lines = this.canonicalRequest.split("\n", -1);
			return lines[lines.length - 2];
		}

		/** The request before signing. */
		SigV4TestRequests unsigned() {
			SigV4TestRequests request = SigV4TestRequests.get(this.path)
				.withoutHeader("Host")
				.method(this.method)
				.query(this.query.isEmpty() ? null : this.query)
				.body(this.body);
			for (String header : this.headers) {
				int colon = header.indexOf(':');
				request.header(header.substring(0, colon), header.substring(colon + 1));
			}
			return request;
		}

		/** The request as the suite signs it into the {@code Authorization} header. */
		SignableRequest headerSigned() {
			SigV4TestRequests request = unsigned().header("X-Amz-Date", "20150830T123600Z");
			if (this.signedHeaders().contains("x-amz-content-sha256")) {
				request.header("x-amz-content-sha256", SigningAlgorithm.sha256Hex(this.body));
			}
			if (this.sessionToken != null) {
				request.header("X-Amz-Security-Token", this.sessionToken);
			}
			return request.header("Authorization", "AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY_ID + "/" + SCOPE
					+ ", SignedHeaders=" + signedHeaders() + ", Signature=" + this.signature)
				.build();
		}

		/** The request as the suite presigns it. */
		SignableRequest presigned() {
			List<String> signedHeaders = new ArrayList<>();
			for (String header : this.headers) {
				signedHeaders.add(header.substring(0, header.indexOf(':')).toLowerCase(Locale.ROOT));
			}
			String query = (this.query.isEmpty() ? "" : this.query + "&")
					+ "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fservice"
					+ "%2Faws4_request&X-Amz-Date=20150830T123600Z&X-Amz-SignedHeaders="
					+ String.join("%3B", signedHeaders.stream().distinct().sorted().toList())
					+ "&X-Amz-Expires=3600"
					+ ((this.sessionToken != null) ? "&X-Amz-Security-Token=" + UriEncoding.encode(this.sessionToken, false)
							: "")
					+ "&X-Amz-Signature=" + this.presignedSignature;
			return unsigned().query(query).build();
		}

	}

	static Stream<Vector> vectors() {
		return Stream.of(
			new Vector("get-header-key-duplicate", true, "GET", "/", "",
					List.of("Host:example.amazonaws.com", "My-Header1:value2", "My-Header1:value2", "My-Header1:value1"), "",
					null,
					false,
					"GET\n"
							+ "/\n"
							+ "\n"
							+ "host:example.amazonaws.com\n"
							+ "my-header1:value2,value2,value1\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;my-header1;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea",
					"3349ee0b81b4b589da0ff28a395c3591e04de515651dd74f298fa992d1507a97"),
			new Vector("get-header-value-multiline", true, "GET", "/", "",
					List.of("Host:example.amazonaws.com", "My-Header1:value1\n  value2\n     value3"), "",
					null,
					false,
					"GET\n"
							+ "/\n"
							+ "\n"
							+ "host:example.amazonaws.com\n"
							+ "my-header1:value1 value2 value3\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;my-header1;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "cfd34249e4b1c8d6b91ef74165d41a32e5fab3306300901bb65a51a73575eefd",
					"e6f5def831211aca02987a44b96826706278c7bc078112ae0263659c5b2f2d56"),
			new Vector("get-header-value-order", true, "GET", "/", "",
					List.of("Host:example.amazonaws.com", "My-Header1:value4", "My-Header1:value1",
							"My-Header1:value3", "My-Header1:value2"), "",
					null,
					false,
					"GET\n"
							+ "/\n"
							+ "\n"
							+ "host:example.amazonaws.com\n"
							+ "my-header1:value4,value1,value3,value2\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;my-header1;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01",
					"313720e71ca6202fdcfa9b20f88de01a4eb0638a83c833b1c184359a4eda864e"),
			new Vector("get-header-value-trim", true, "GET", "/", "",
					List.of("Host:example.amazonaws.com", "My-Header1: value1", "My-Header2: \"a   b   c\""), "",
					null,
					false,
					"GET\n"
							+ "/\n"
							+ "\n"
							+ "host:example.amazonaws.com\n"
							+ "my-header1:value1\n"
							+ "my-header2:\"a b c\"\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;my-header1;my-header2;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736",
					"e7bb0fd515e125e1aec2ecc4c0c17484fb06f6846b927c35e46005dd3df3acd4"),
			new Vector("get-relative-normalized", true, "GET", "/example/..", "",
					List.of("Host:example.amazonaws.com"), "",
					null,
					false,
					"GET\n"
							+ "/\n"
							+ "\n"
							+ "host:example.amazonaws.com\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
					"e93c787ed7f371d5c6b165c1b38ede9550f4dce4144713e844b25b7192d3865d"),
			new Vector("get-relative-relative-normalized", true, "GET", "/example1/example2/../..", "",
					List.of("Host:example.amazonaws.com"), "",
					null,
					false,
					"GET\n"
							+ "/\n"
							+ "\n"
							+ "host:example.amazonaws.com\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
					"e93c787ed7f371d5c6b165c1b38ede9550f4dce4144713e844b25b7192d3865d"),
			new Vector("get-relative-relative-unnormalized", false, "GET", "/example1/example2/../..", "",
					List.of("Host:example.amazonaws.com"), "",
					null,
					false,
					"GET\n"
							+ "/example1/example2/../..\n"
							+ "\n"
							+ "host:example.amazonaws.com\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "dc33e0856fd4baca4d7aa2146c38958283844764f38c74252a333df5e613003b",
					"b45db0bfd1cf15003493b733e33aa208dd981bd0e63037a6ed953f71d2118a16"),
			new Vector("get-relative-unnormalized", false, "GET", "/example/..", "",
					List.of("Host:example.amazonaws.com"), "",
					null,
					false,
					"GET\n"
							+ "/example/..\n"
							+ "\n"
							+ "host:example.amazonaws.com\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "eca7ead57bb5aa5c8e28007acd4ff04e1ff9a0ff3b237ec1554a184887ff9282",
					"cbcb213b928a077e43275df47b500f1dfaa864ab3f5a18f6b95f4ff0938167ee"),
			new Vector("get-slash-dot-slash-normalized", true, "GET", "/./", "",
					List.of("Host:example.amazonaws.com"), "",
					null,
					false,
					"GET\n"
							+ "/\n"
							+ "\n"
							+ "host:example.amazonaws.com\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
					"e93c787ed7f371d5c6b165c1b38ede9550f4dce4144713e844b25b7192d3865d"),
			new Vector("get-slash-dot-slash-unnormalized", false, "GET", "/./", "",
					List.of("Host:example.amazonaws.com"), "",
					null,
					false,
					"GET\n"
							+ "/./\n"
							+ "\n"
							+ "host:example.amazonaws.com\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "68714168e6557f8f2de0ef956fc24dc2593a4bd2961f8df51898d8a134695145",
					"a9b13e8f3484d9505bf1a6f347219f8f35b0fe8f128ceea597efc146a3dfe90c"),
			new Vector("get-slash-normalized", true, "GET", "//", "",
					List.of("Host:example.amazonaws.com"), "",
					null,
					false,
					"GET\n"
							+ "/\n"
							+ "\n"
							+ "host:example.amazonaws.com\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
					"e93c787ed7f371d5c6b165c1b38ede9550f4dce4144713e844b25b7192d3865d"),
			new Vector("get-slash-pointless-dot-normalized", true, "GET", "/./example", "",
					List.of("Host:example.amazonaws.com"), "",
					null,
					false,
					"GET\n"
							+ "/example\n"
							+ "\n"
							+ "host:example.amazonaws.com\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "ef75d96142cf21edca26f06005da7988e4f8dc83a165a80865db7089db637ec5",
					"35034b1a0bdd969f346975386daf8aedfd4976573b8348cf4f67eaa41c5857de"),
			new Vector("get-slash-pointless-dot-unnormalized", false, "GET", "/./example", "",
					List.of("Host:example.amazonaws.com"), "",
					null,
					false,
					"GET\n"
							+ "/./example\n"
							+ "\n"
							+ "host:example.amazonaws.com\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "beb03f223f7deae4146464f06e29eebbee9c8afbe15c290cf07aa8b119e14cff",
					"72b11f16d9530b18204bfb71f2d6ab085894c0ed8d352730a6e76234c58b5e10"),
			new Vector("get-slash-unnormalized", false, "GET", "//", "",
					List.of("Host:example.amazonaws.com"), "",
					null,
					false,
					"GET\n"
							+ "//\n"
							+ "\n"
							+ "host:example.amazonaws.com\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "c88bcd3d312d75078c0cd961d6deae3f4c754924b01669efcfcb439fd5e5b76e",
					"b2a9542809db687769200f56a844a03f2bd0291d6eb90232d5101c6a579446cd"),
			new Vector("get-slashes-normalized", true, "GET", "//example//", "",
					List.of("Host:example.amazonaws.com"), "",
					null,
					false,
					"GET\n"
							+ "/example/\n"
							+ "\n"
							+ "host:example.amazonaws.com\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84",
					"c1834e8fb0307243711f0f907f6ab7311ed300d87f13792d7ee4da89ab93e082"),
			new Vector("get-slashes-unnormalized", false, "GET", "//example//", "",
					List.of("Host:example.amazonaws.com"), "",
					null,
					false,
					"GET\n"
							+ "//example//\n"
							+ "\n"
							+ "host:example.amazonaws.com\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "87cca117541a147f6df867677d98a7d80dff226d2bfca9e4ffa899665623c7e5",
					"822a5a9ba28072c5ab2bb4a6307d0c88276d40e49fec6b724c03fb4d4ba60fc2"),
			new Vector("get-space-normalized", true, "GET", "/example space/", "",
					List.of("Host:example.amazonaws.com"), "",
					null,
					false,
					"GET\n"
							+ "/example%20space/\n"
							+ "\n"
							+ "host:example.amazonaws.com\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741",
					"7a1f416954786484c9824d93c1f26ef64acb9b1b6c9154d08c9f07d0e394abf6"),
			new Vector("get-space-unnormalized", false, "GET", "/example space/", "",
					List.of("Host:example.amazonaws.com"), "",
					null,
					false,
					"GET\n"
							+ "/example%20space/\n"
							+ "\n"
							+ "host:example.amazonaws.com\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741",
					"7a1f416954786484c9824d93c1f26ef64acb9b1b6c9154d08c9f07d0e394abf6"),
			new Vector("get-unreserved", true, "GET", "/" + UNRESERVED, "",
					List.of("Host:example.amazonaws.com"), "",
					null,
					false,
					"GET\n"
							+ "/" + UNRESERVED + "\n"
							+ "\n"
							+ "host:example.amazonaws.com\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f",
					"95968482db1b9e0fadef6efc1bd24689f77c77d9ef56919c96a28cc92e0d6005"),
			new Vector("get-utf8", true, "GET", "/\u1234", "",
					List.of("Host:example.amazonaws.com"), "",
					null,
					false,
					"GET\n"
							+ "/%E1%88%B4\n"
							+ "\n"
							+ "host:example.amazonaws.com\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85",
					"10eae3f14a260bd3911cc6d008d3c576d143b05b62f09782a7a4b37f52178e44"),
			new Vector("get-vanilla-empty-query-key", true, "GET", "/", "Param1=value1",
					List.of("Host:example.amazonaws.com"), "",
					null,
					false,
					"GET\n"
							+ "/\n"
							+ "Param1=value1\n"
							+ "host:example.amazonaws.com\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb",
					"49096700cbbaa5753443850f40df10f904fc2fdb544dc9512203cc77c471a9de"),
			new Vector("get-vanilla-query-order-encoded", true, "GET", "/", "Param-3=Value3&Param=Value2&%E1%88%B4=Value1",
					List.of("Host:example.amazonaws.com"), "",
					null,
					false,
					"GET\n"
							+ "/\n"
							+ "%E1%88%B4=Value1&Param=Value2&Param-3=Value3\n"
							+ "host:example.amazonaws.com\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "371d3713e185cc334048618a97f809c9ffe339c62934c032af5a0e595648fcac",
					"c5f1848ceec943ac2ca68ee720460c23aaae30a2300586597ada94c4a65e4787"),
			new Vector("get-vanilla-query-order-key-case", true, "GET", "/", "Param2=value2&Param1=value1",
					List.of("Host:example.amazonaws.com"), "",
					null,
					false,
					"GET\n"
							+ "/\n"
							+ "Param1=value1&Param2=value2\n"
							+ "host:example.amazonaws.com\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500",
					"86012e2c9ad4d77369f5d81c11f75158aae4f895a085212cc6d3f923d300bed5"),
			new Vector("get-vanilla-query-unreserved", true, "GET", "/", UNRESERVED + "=" + UNRESERVED,
					List.of("Host:example.amazonaws.com"), "",
					null,
					false,
					"GET\n"
							+ "/\n"
							+ UNRESERVED + "=" + UNRESERVED + "\n"
							+ "host:example.amazonaws.com\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197",
					"8e76a88a7433637b12778d5592799b29ad21ecd6cf6325051c21d86f0acda2bf"),
			new Vector("get-vanilla-query", true, "GET", "/", "",
					List.of("Host:example.amazonaws.com"), "",
					null,
					false,
					"GET\n"
							+ "/\n"
							+ "\n"
							+ "host:example.amazonaws.com\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
					"e93c787ed7f371d5c6b165c1b38ede9550f4dce4144713e844b25b7192d3865d"),
			new Vector("get-vanilla-utf8-query", true, "GET", "/", "\u1234=bar",
					List.of("Host:example.amazonaws.com"), "",
					null,
					false,
					"GET\n"
							+ "/\n"
							+ "%E1%88%B4=bar\n"
							+ "host:example.amazonaws.com\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04",
					"0bdd809b1519ac4f0c1dc3540e2cc46bd0c7f778eda408b2ebf3b913d21ff600"),
			new Vector("get-vanilla-with-session-token", true, "GET", "/", "",
					List.of("Host:example.amazonaws.com"), "",
					"6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf19"
							+ "4267"
							+ ""
							+ ""
							+ ""
							+ "",
					false,
					"GET\n"
							+ "/\n"
							+ "\n"
							+ "host:example.amazonaws.com\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "x-amz-security-token:6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267\n"
							+ "\n"
							+ "host;x-amz-date;x-amz-security-token\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8",
					"7ff2b50b376cb4d151970630573d6291dc128cc5c2a12ffb237f73cc53f67b6c"),
			new Vector("get-vanilla", true, "GET", "/", "",
					List.of("Host:example.amazonaws.com"), "",
					null,
					false,
					"GET\n"
							+ "/\n"
							+ "\n"
							+ "host:example.amazonaws.com\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
					"e93c787ed7f371d5c6b165c1b38ede9550f4dce4144713e844b25b7192d3865d"),
			new Vector("post-header-key-case", true, "POST", "/", "",
					List.of("Host:example.amazonaws.com"), "",
					null,
					false,
					"POST\n"
							+ "/\n"
							+ "\n"
							+ "host:example.amazonaws.com\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b",
					"2ce6e6d2e0cf2f9d1b55fafec88cd20574c31dc2e7631979f71ba2310083e95b"),
			new Vector("post-header-key-sort", true, "POST", "/", "",
					List.of("Host:example.amazonaws.com", "My-Header1:value1"), "",
					null,
					false,
					"POST\n"
							+ "/\n"
							+ "\n"
							+ "host:example.amazonaws.com\n"
							+ "my-header1:value1\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;my-header1;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c",
					"c09d07e0d55871f10f2a6d350d994acf6825a3cae70673d7def55616e6119dd7"),
			new Vector("post-header-value-case", true, "POST", "/", "",
					List.of("Host:example.amazonaws.com", "My-Header1:VALUE1"), "",
					null,
					false,
					"POST\n"
							+ "/\n"
							+ "\n"
							+ "host:example.amazonaws.com\n"
							+ "my-header1:VALUE1\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;my-header1;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d",
					"0698bc9e4f7f9139065ba2909c0e99da257e8e2a42492a097bcd46d792391fed"),
			new Vector("post-sts-header-after", true, "POST", "/", "",
					List.of("Host:example.amazonaws.com"), "",
					STS_TOKEN,
					true,
					"POST\n"
							+ "/\n"
							+ "\n"
							+ "host:example.amazonaws.com\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b",
					"2ce6e6d2e0cf2f9d1b55fafec88cd20574c31dc2e7631979f71ba2310083e95b"),
			new Vector("post-sts-header-before", true, "POST", "/", "",
					List.of("Host:example.amazonaws.com"), "",
					STS_TOKEN,
					false,
					"POST\n"
							+ "/\n"
							+ "\n"
							+ "host:example.amazonaws.com\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "x-amz-security-token:" + STS_TOKEN + "\n"
							+ "\n"
							+ "host;x-amz-date;x-amz-security-token\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead",
					"46c2e3c63c1dbe7d39f8ada16fe7f001c1f56c5791441565323677f96308871c"),
			new Vector("post-vanilla-empty-query-value", true, "POST", "/", "Param1=value1",
					List.of("Host:example.amazonaws.com"), "",
					null,
					false,
					"POST\n"
							+ "/\n"
							+ "Param1=value1\n"
							+ "host:example.amazonaws.com\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11",
					"a9ef26247f293bffe40eeff86a0480ba8c14d31503b2e0c3399e3a16bf1a3682"),
			new Vector("post-vanilla-query", true, "POST", "/", "Param1=value1",
					List.of("Host:example.amazonaws.com"), "",
					null,
					false,
					"POST\n"
							+ "/\n"
							+ "Param1=value1\n"
							+ "host:example.amazonaws.com\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11",
					"a9ef26247f293bffe40eeff86a0480ba8c14d31503b2e0c3399e3a16bf1a3682"),
			new Vector("post-vanilla", true, "POST", "/", "",
					List.of("Host:example.amazonaws.com"), "",
					null,
					false,
					"POST\n"
							+ "/\n"
							+ "\n"
							+ "host:example.amazonaws.com\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "host;x-amz-date\n"
							+ "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
					, "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b",
					"2ce6e6d2e0cf2f9d1b55fafec88cd20574c31dc2e7631979f71ba2310083e95b"),
			new Vector("post-x-www-form-urlencoded-parameters", true, "POST", "/", "",
					List.of("Content-Type:application/x-www-form-urlencoded; charset=utf-8",
							"Host:example.amazonaws.com", "Content-Length:13"), "Param1=value1",
					null,
					false,
					"POST\n"
							+ "/\n"
							+ "\n"
							+ "content-length:13\n"
							+ "content-type:application/x-www-form-urlencoded; charset=utf-8\n"
							+ "host:example.amazonaws.com\n"
							+ "x-amz-content-sha256:9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "content-length;content-type;host;x-amz-content-sha256;x-amz-date\n"
							+ "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e"
					, "328d1b9eaadca9f5818ef05e8392801e091653bafec24fcab71e7344e7f51422",
					"0dbeb9b026c7b6675f266b8427efec9b4fa8b1f6ef1477d717aea231106eab4d"),
			new Vector("post-x-www-form-urlencoded", true, "POST", "/", "",
					List.of("Content-Type:application/x-www-form-urlencoded",
							"Host:example.amazonaws.com", "Content-Length:13"), "Param1=value1",
					null,
					false,
					"POST\n"
							+ "/\n"
							+ "\n"
							+ "content-length:13\n"
							+ "content-type:application/x-www-form-urlencoded\n"
							+ "host:example.amazonaws.com\n"
							+ "x-amz-content-sha256:9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e\n"
							+ "x-amz-date:20150830T123600Z\n"
							+ "\n"
							+ "content-length;content-type;host;x-amz-content-sha256;x-amz-date\n"
							+ "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e"
					, "d3875051da38690788ef43de4db0d8f280229d82040bfac253562e56c3f20e0b",
					"89a40deed0f26f9461242825a082d2222717248abc7ab41f552ad84a94ad46e9")
		);
	}

	static Stream<Vector> normalizedVectors() {
		return vectors().filter((vector) -> vector.normalize() && !vector.tokenAddedAfterSigning());
	}

	static Stream<Vector> unnormalizedVectors() {
		return vectors().filter((vector) -> !vector.normalize());
	}

	private final SigV4Verifier verifier = new SigV4Verifier(SUITE_CLOCK);

	private final SigV4Signer signer = new SigV4Signer(SUITE_CLOCK);

	@Test
	void verifyWhenGeneralReferenceGetVanillaExampleThenVerified() {
		SignableRequest request = SigV4TestRequests.get("/")
			.header("X-Amz-Date", "20150830T123600Z")
			.header("Authorization",
					"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
							+ "SignedHeaders=host;x-amz-date, "
							+ "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
			.build();

		SigV4Result result = this.verifier.verify(request, SUITE_EXPECTATION, suiteKeys());

		assertThat(result).isEqualTo(new Verified("AKIDEXAMPLE", "us-east-1", "service", SUITE_TIME,
				Optional.empty()));
		assertThat(this.verifier.canonicalRequest(request, SUITE_EXPECTATION)).contains("""
				GET
				/

				host:example.amazonaws.com
				x-amz-date:20150830T123600Z

				host;x-amz-date
				e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855""");
	}

	@Test
	void stringToSignWhenGeneralReferenceGetVanillaExampleThenPublishedStringToSign() {
		String canonicalRequest = vectors().filter((vector) -> vector.name().equals("get-vanilla"))
			.findFirst()
			.orElseThrow()
			.canonicalRequest();

		String stringToSign = SigningAlgorithm.stringToSign("20150830T123600Z",
				new CredentialScope("20150830", "us-east-1", "service"), canonicalRequest);

		assertThat(stringToSign).isEqualTo("""
				AWS4-HMAC-SHA256
				20150830T123600Z
				20150830/us-east-1/service/aws4_request
				bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63""");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("normalizedVectors")
	void canonicalRequestWhenTestSuiteRequestThenPublishedCanonicalRequest(Vector vector) {
		assertThat(this.verifier.canonicalRequest(vector.headerSigned(), SUITE_EXPECTATION))
			.contains(vector.canonicalRequest());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("normalizedVectors")
	void verifyWhenTestSuiteRequestSignedInHeaderThenVerified(Vector vector) {
		SigV4Result result = this.verifier.verify(vector.headerSigned(), SUITE_EXPECTATION, suiteKeys());

		assertThat(result).isEqualTo(new Verified(ACCESS_KEY_ID, "us-east-1", "service", SUITE_TIME,
				Optional.ofNullable(vector.sessionToken())));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("normalizedVectors")
	void verifyWhenTestSuiteRequestPresignedThenVerified(Vector vector) {
		SigV4Result result = this.verifier.verify(vector.presigned(), SUITE_EXPECTATION, suiteKeys());

		assertThat(result).isEqualTo(new Verified(ACCESS_KEY_ID, "us-east-1", "service", SUITE_TIME,
				Optional.ofNullable(vector.sessionToken())));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("normalizedVectors")
	void verifyWhenTestSuiteSignatureTamperedThenInvalidSignature(Vector vector) {
		SignableRequest signed = vector.headerSigned();
		String authorization = signed.headers().get("Authorization").get(0);
		char last = authorization.charAt(authorization.length() - 1);
		SignableRequest tampered = SigV4TestRequests.from(signed)
			.replaceHeader("Authorization",
					authorization.substring(0, authorization.length() - 1) + ((last == '0') ? '1' : '0'))
			.build();

		SigV4Result result = this.verifier.verify(tampered, SUITE_EXPECTATION, suiteKeys());

		assertThat(result).isInstanceOf(Refused.class)
			.extracting((refused) -> ((Refused) refused).failure())
			.isEqualTo(SigV4Failure.INVALID_SIGNATURE);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("normalizedVectors")
	void signWhenTestSuiteRequestThenPublishedAuthorizationHeader(Vector vector) {
		SigV4Signer signer = vector.signedHeaders().contains("x-amz-content-sha256")
				? this.signer.withContentSha256Header() : this.signer;
		SigV4Credentials credentials = (vector.sessionToken() != null)
				? SigV4Credentials.of(ACCESS_KEY_ID, SECRET, vector.sessionToken())
				: SigV4Credentials.of(ACCESS_KEY_ID, SECRET);

		Map<String, String> added = signer.sign(vector.unsigned().build(), credentials, "us-east-1", "service");

		assertThat(added).containsEntry("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/" + SCOPE
				+ ", SignedHeaders=" + vector.signedHeaders() + ", Signature=" + vector.signature())
			.containsEntry("X-Amz-Date", "20150830T123600Z");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("normalizedVectors")
	void presignWhenTestSuiteRequestThenPublishedSignature(Vector vector) {
		SigV4Credentials credentials = (vector.sessionToken() != null)
				? SigV4Credentials.of(ACCESS_KEY_ID, SECRET, vector.sessionToken())
				: SigV4Credentials.of(ACCESS_KEY_ID, SECRET);

		String query = this.signer.presign(vector.unsigned().build(), credentials, "us-east-1", "service",
				Duration.ofHours(1));

		assertThat(query).endsWith("&X-Amz-Signature=" + vector.presignedSignature());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unnormalizedVectors")
	void canonicalUriWhenUnnormalizedTestSuiteCaseThenPublishedCanonicalUri(Vector vector) {
		String expectedUri = vector.canonicalRequest().split("\n", -1)[1];

		assertThat(CanonicalRequest.canonicalUri(vector.path(), false)).isEqualTo(expectedUri);
		assertThat(SigningAlgorithm.hex(SigningAlgorithm.signature(SECRET,
				new CredentialScope("20150830", "us-east-1", "service"),
				SigningAlgorithm.stringToSign("20150830T123600Z",
						new CredentialScope("20150830", "us-east-1", "service"), vector.canonicalRequest()))))
			.isEqualTo(vector.signature());
	}

	@Test
	void verifyWhenSessionTokenAddedAfterSigningThenIncompleteSignature() {
		Vector vector = vectors().filter(Vector::tokenAddedAfterSigning).findFirst().orElseThrow();

		SigV4Result result = this.verifier.verify(vector.headerSigned(), SUITE_EXPECTATION, suiteKeys());

		assertThat(result).isEqualTo(new Refused(SigV4Failure.INCOMPLETE_SIGNATURE,
				"'X-Amz-Security-Token' must be a 'SignedHeader' in the AWS Authorization."));
	}

	@Test
	void vectorsWhenCountedThenWholePublishedSuite() {
		assertThat(vectors()).hasSize(38);
		assertThat(normalizedVectors()).hasSize(30);
	}

}
