package io.gatehouse.shared.sigv4;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.gatehouse.shared.sigv4.SigV4Result.Refused;
import io.gatehouse.shared.sigv4.SigV4Result.Verified;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SigV4VerifierTest {

	private static final Instant SIGNED_AT = Instant.parse("2026-01-15T10:00:00Z");

	private static final String ACCESS_KEY_ID = "AKIAGATEHOUSEADMIN01";

	private static final String SECRET = "s3cr3t/Key+With/Slashes0123456789abcdefgh";

	private static final SigV4Credentials CREDENTIALS = SigV4Credentials.of(ACCESS_KEY_ID, SECRET);

	private static final String SIGNATURE = "abababababababababababababababababababababababababababababababab";

	private static final String SHORT_SIGNATURE = "ababababababababababababababababababababababababababababababab";

	private static final String NOT_HEX_SIGNATURE = "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz";

	private static final SigV4Expectation COGNITO = SigV4Expectation.of("cognito-idp", "local-1", "eu-west-1");

	private final SigV4Signer signer = new SigV4Signer(Clock.fixed(SIGNED_AT, ZoneOffset.UTC));

	private final List<Optional<String>> tokensSeen = new ArrayList<>();

	private final SigningKeyResolver keys = (accessKeyId, sessionToken) -> {
		this.tokensSeen.add(sessionToken);
		return ACCESS_KEY_ID.equals(accessKeyId) ? Optional.of(SECRET) : Optional.empty();
	};

	private static SigV4TestRequests adminCall() {
		return SigV4TestRequests.post("/")
			.replaceHeader("Host", "localhost:9000")
			.header("Content-Type", "application/x-amz-json-1.1")
			.header("X-Amz-Target", "AWSCognitoIdentityProviderService.AdminGetUser")
			.body("{\"UserPoolId\":\"local-1_abcdefghi\",\"Username\":\"alice\"}");
	}

	private SigV4TestRequests signed(SigV4TestRequests request) {
		return signed(request, CREDENTIALS, "local-1", "cognito-idp");
	}

	private SigV4TestRequests signed(SigV4TestRequests request, SigV4Credentials credentials, String region,
			String service) {
		Map<String, String> added = this.signer.sign(request.build(), credentials, region, service);
		return request.headers(added);
	}

	private static SigV4Verifier verifierAt(Instant now) {
		return new SigV4Verifier(Clock.fixed(now, ZoneOffset.UTC));
	}

	private SigV4Result verify(SigV4TestRequests request) {
		return verifierAt(SIGNED_AT).verify(request.build(), COGNITO, this.keys);
	}

	private static String authorizationOf(SigV4TestRequests request) {
		return request.build().headers().get("Authorization").get(0);
	}

	private static SigV4Failure failureOf(SigV4Result result) {
		assertThat(result).isInstanceOf(Refused.class);
		return ((Refused) result).failure();
	}

	@Test
	void verifyWhenSignedBySignerThenVerified() {
		SigV4Result result = verify(signed(adminCall()));

		assertThat(result).isEqualTo(new Verified(ACCESS_KEY_ID, "local-1", "cognito-idp", SIGNED_AT, Optional.empty()));
	}

	@Test
	void verifyWhenNoAuthorizationThenMissingAuthentication() {
		SigV4Result result = verify(adminCall().header("X-Amz-Date", "20260115T100000Z"));

		assertThat(result)
			.isEqualTo(new Refused(SigV4Failure.MISSING_AUTHENTICATION, "Missing Authentication Token"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "AWS AKIAGATEHOUSEADMIN01:c2lnbmF0dXJl",
			"AWS4-HMAC-SHA256", "AWS4-HMAC-SHA256 ", "AWS4-HMAC-SHA256Credential=x",
			"AWS4-ECDSA-P256-SHA256 Credential=AKIAGATEHOUSEADMIN01/20260115/local-1/cognito-idp/aws4_request",
			"AWS4-HMAC-SHA256 SignedHeaders=host;x-amz-date, Signature=" + SIGNATURE,
			"AWS4-HMAC-SHA256 Credential=AKIAGATEHOUSEADMIN01/20260115/local-1/cognito-idp/aws4_request, "
					+ "Signature=" + SIGNATURE,
			"AWS4-HMAC-SHA256 Credential=AKIAGATEHOUSEADMIN01/20260115/local-1/cognito-idp/aws4_request, "
					+ "SignedHeaders=host;x-amz-date",
			"AWS4-HMAC-SHA256 Credential=AKIAGATEHOUSEADMIN01/20260115/local-1/cognito-idp/aws4_request, "
					+ "Credential=AKIAGATEHOUSEADMIN01/20260115/local-1/cognito-idp/aws4_request, "
					+ "SignedHeaders=host;x-amz-date, Signature=" + SIGNATURE,
			"AWS4-HMAC-SHA256 Credential=AKIAGATEHOUSEADMIN01/20260115/local-1/cognito-idp/aws4_request, "
					+ "SignedHeaders=host;x-amz-date, Signature=" + SIGNATURE + ", Extra=1",
			"AWS4-HMAC-SHA256 Credential=AKIAGATEHOUSEADMIN01/20260115/local-1/cognito-idp/aws4_request, "
					+ "SignedHeaders=host;x-amz-date, Signature",
			"AWS4-HMAC-SHA256 Credential=AKIAGATEHOUSEADMIN01/20260115/local-1/cognito-idp, "
					+ "SignedHeaders=host;x-amz-date, Signature=" + SIGNATURE,
			"AWS4-HMAC-SHA256 Credential=AKIAGATEHOUSEADMIN01/20260115/local-1/cognito-idp/aws4_request/x, "
					+ "SignedHeaders=host;x-amz-date, Signature=" + SIGNATURE,
			"AWS4-HMAC-SHA256 Credential=AKIAGATEHOUSEADMIN01/20261341/local-1/cognito-idp/aws4_request, "
					+ "SignedHeaders=host;x-amz-date, Signature=" + SIGNATURE,
			"AWS4-HMAC-SHA256 Credential=AKIAGATEHOUSEADMIN01/20260115/local-1/cognito-idp/aws5_request, "
					+ "SignedHeaders=host;x-amz-date, Signature=" + SIGNATURE,
			"AWS4-HMAC-SHA256 Credential=/20260115/local-1/cognito-idp/aws4_request, "
					+ "SignedHeaders=host;x-amz-date, Signature=" + SIGNATURE,
			"AWS4-HMAC-SHA256 Credential=AKIAGATEHOUSEADMIN01/20260115/local-1/cognito-idp/aws4_request, "
					+ "SignedHeaders=Host;X-Amz-Date, Signature=" + SIGNATURE,
			"AWS4-HMAC-SHA256 Credential=AKIAGATEHOUSEADMIN01/20260115/local-1/cognito-idp/aws4_request, "
					+ "SignedHeaders=x-amz-date;host, Signature=" + SIGNATURE,
			"AWS4-HMAC-SHA256 Credential=AKIAGATEHOUSEADMIN01/20260115/local-1/cognito-idp/aws4_request, "
					+ "SignedHeaders=host;;x-amz-date, Signature=" + SIGNATURE,
			"AWS4-HMAC-SHA256 Credential=AKIAGATEHOUSEADMIN01/20260115/local-1/cognito-idp/aws4_request, "
					+ "SignedHeaders=host;host;x-amz-date, Signature=" + SIGNATURE,
			"AWS4-HMAC-SHA256 Credential=AKIAGATEHOUSEADMIN01/20260115/local-1/cognito-idp/aws4_request, "
					+ "SignedHeaders=, Signature=" + SIGNATURE,
			"AWS4-HMAC-SHA256 Credential=AKIAGATEHOUSEADMIN01/20260115/local-1/cognito-idp/aws4_request, "
					+ "SignedHeaders=host;x-amz-date, Signature=" + SHORT_SIGNATURE,
			"AWS4-HMAC-SHA256 Credential=AKIAGATEHOUSEADMIN01/20260115/local-1/cognito-idp/aws4_request, "
					+ "SignedHeaders=host;x-amz-date, Signature=" + NOT_HEX_SIGNATURE,
			"AWS4-HMAC-SHA256 Credential=AKIAGATEHOUSEADMIN01/20260115/local\u00e9/cognito-idp/aws4_request, "
					+ "SignedHeaders=host;x-amz-date, Signature=" + SIGNATURE,
			"AWS4-HMAC-SHA256 Credential=AKIA<script>/20260115/local-1/cognito-idp/aws4_request, "
					+ "SignedHeaders=host;x-amz-date, Signature=" + SIGNATURE })
	void verifyWhenAuthorizationMalformedThenIncompleteSignature(String authorization) {
		SigV4TestRequests request = adminCall().header("X-Amz-Date", "20260115T100000Z")
			.header("Authorization", authorization);

		SigV4Result result = verify(request);

		assertThat(failureOf(result)).isEqualTo(SigV4Failure.INCOMPLETE_SIGNATURE);
		assertThat(this.tokensSeen).as("no key is looked up for a malformed header").isEmpty();
	}

	@Test
	void verifyWhenAuthorizationHugeThenIncompleteSignatureWithoutScanningIt() {
		SigV4TestRequests request = signed(adminCall());
		request.replaceHeader("Authorization", authorizationOf(request) + ",".repeat(1_000_000));

		assertThat(failureOf(verify(request))).isEqualTo(SigV4Failure.INCOMPLETE_SIGNATURE);
	}

	@Test
	void verifyWhenTooManySignedHeadersThenIncompleteSignature() {
		StringBuilder names = new StringBuilder("host");
		for (int i = 0; i < 100; i++) {
			names.append(";x-h").append(String.format("%03d", i));
		}
		names.append(";x-amz-date");
		SigV4TestRequests request = adminCall().header("X-Amz-Date", "20260115T100000Z")
			.header("Authorization", "AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY_ID
					+ "/20260115/local-1/cognito-idp/aws4_request, SignedHeaders=" + names + ", Signature="
					+ SIGNATURE);

		assertThat(failureOf(verify(request))).isEqualTo(SigV4Failure.INCOMPLETE_SIGNATURE);
	}

	@ParameterizedTest
	@ValueSource(strings = { ",", ", ", " ", " , ", "\t", ",\t" })
	void verifyWhenComponentsSeparatedDifferentlyThenVerified(String separator) {
		SigV4TestRequests request = signed(adminCall());
		String authorization = authorizationOf(request);
		String[] components = authorization.substring("AWS4-HMAC-SHA256 ".length()).split(", ");
		request.replaceHeader("Authorization", "AWS4-HMAC-SHA256 " + String.join(separator, components));

		assertThat(verify(request)).isInstanceOf(Verified.class);
	}

	@Test
	void verifyWhenComponentsReorderedThenVerified() {
		SigV4TestRequests request = signed(adminCall());
		String[] components = authorizationOf(request).substring("AWS4-HMAC-SHA256 ".length()).split(", ");
		request.replaceHeader("Authorization",
				"  AWS4-HMAC-SHA256   " + components[2] + "," + components[0] + ",  " + components[1] + "  ");

		assertThat(verify(request)).isInstanceOf(Verified.class);
	}

	@Test
	void verifyWhenHeaderNamesInOtherCaseThenVerified() {
		SignableRequest signed = signed(adminCall()).build();
		SigV4TestRequests lowerCased = SigV4TestRequests.post("/").withoutHeader("Host").body("x");
		signed.headers().forEach((name, values) -> values
			.forEach((value) -> lowerCased.header(name.toLowerCase(Locale.ROOT), value)));
		SignableRequest request = new SignableRequest("POST", "/", null, lowerCased.build().headers(),
				signed.payloadSha256Hex());

		assertThat(verifierAt(SIGNED_AT).verify(request, COGNITO, this.keys)).isInstanceOf(Verified.class);
	}

	@Test
	void verifyWhenAccessKeyUnknownThenUnrecognizedClient() {
		SigV4TestRequests request = signed(adminCall(), SigV4Credentials.of("AKIAUNKNOWN000000000", SECRET), "local-1",
				"cognito-idp");

		assertThat(verify(request)).isEqualTo(new Refused(SigV4Failure.UNRECOGNIZED_CLIENT,
				"The security token included in the request is invalid."));
	}

	@Test
	void verifyWhenSecretWrongThenInvalidSignature() {
		SigV4TestRequests request = signed(adminCall(), SigV4Credentials.of(ACCESS_KEY_ID, SECRET + "x"), "local-1",
				"cognito-idp");

		SigV4Result result = verify(request);

		assertThat(result).isEqualTo(new Refused(SigV4Failure.INVALID_SIGNATURE,
				SigV4Verifier.SIGNATURE_MISMATCH_MESSAGE));
	}

	@Test
	void verifyWhenServiceWrongThenInvalidSignature() {
		SigV4TestRequests request = signed(adminCall(), CREDENTIALS, "local-1", "cognito-identity");

		assertThat(verify(request)).isEqualTo(new Refused(SigV4Failure.INVALID_SIGNATURE,
				"Credential should be scoped to correct service: 'cognito-idp'."));
	}

	@Test
	void verifyWhenRegionWrongThenInvalidSignature() {
		SigV4TestRequests request = signed(adminCall(), CREDENTIALS, "us-east-1", "cognito-idp");

		assertThat(verify(request)).isEqualTo(new Refused(SigV4Failure.INVALID_SIGNATURE,
				"Credential should be scoped to a valid region, not 'us-east-1'."));
	}

	@Test
	void verifyWhenOtherExpectedRegionThenVerified() {
		SigV4TestRequests request = signed(adminCall(), CREDENTIALS, "eu-west-1", "cognito-idp");

		assertThat(verify(request)).isEqualTo(
				new Verified(ACCESS_KEY_ID, "eu-west-1", "cognito-idp", SIGNED_AT, Optional.empty()));
	}

	@Test
	void verifyWhenScopeDateDiffersFromAmzDateThenInvalidSignature() {
		SigV4TestRequests request = signed(adminCall());
		request.replaceHeader("X-Amz-Date", "20260116T000100Z");

		SigV4Result result = new SigV4Verifier(Clock.fixed(Instant.parse("2026-01-16T00:01:00Z"), ZoneOffset.UTC))
			.verify(request.build(), COGNITO, this.keys);

		assertThat(result).isEqualTo(new Refused(SigV4Failure.INVALID_SIGNATURE,
				"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
						+ "'20260115' != '20260116', from '20260116T000100Z'."));
	}

	@Test
	void verifyWhenAmzDateMalformedThenIncompleteSignature() {
		SigV4TestRequests request = signed(adminCall());
		request.replaceHeader("X-Amz-Date", "2026-01-15T10:00:00Z");

		assertThat(failureOf(verify(request))).isEqualTo(SigV4Failure.INCOMPLETE_SIGNATURE);
	}

	@Test
	void verifyWhenSignedJustInsideSkewThenVerified() {
		SignableRequest request = signed(adminCall()).build();

		assertThat(verifierAt(SIGNED_AT.plus(Duration.ofMinutes(5))).verify(request, COGNITO, this.keys))
			.isInstanceOf(Verified.class);
		assertThat(verifierAt(SIGNED_AT.minus(Duration.ofMinutes(5))).verify(request, COGNITO, this.keys))
			.isInstanceOf(Verified.class);
	}

	@Test
	void verifyWhenSignedJustOutsideSkewThenSignatureExpired() {
		SignableRequest request = signed(adminCall()).build();

		SigV4Result result = verifierAt(SIGNED_AT.plus(Duration.ofMinutes(5)).plusSeconds(1)).verify(request, COGNITO,
				this.keys);

		assertThat(result).isEqualTo(new Refused(SigV4Failure.SIGNATURE_EXPIRED,
				"Signature expired: 20260115T100000Z is now earlier than 20260115T100001Z "
						+ "(20260115T100501Z - 5 min.)"));
	}

	@Test
	void verifyWhenSignedJustTooFarInFutureThenSignatureExpired() {
		SignableRequest request = signed(adminCall()).build();

		SigV4Result result = verifierAt(SIGNED_AT.minus(Duration.ofMinutes(5)).minusSeconds(1)).verify(request,
				COGNITO, this.keys);

		assertThat(result).isEqualTo(new Refused(SigV4Failure.SIGNATURE_EXPIRED,
				"Signature not yet current: 20260115T100000Z is still later than 20260115T095959Z "
						+ "(20260115T095459Z + 5 min.)"));
	}

	@Test
	void verifyWhenBodyTamperedThenInvalidSignature() {
		SigV4TestRequests request = signed(adminCall());
		request.body("{\"UserPoolId\":\"local-1_abcdefghi\",\"Username\":\"mallory\"}");

		assertThat(verify(request)).isEqualTo(new Refused(SigV4Failure.INVALID_SIGNATURE,
				SigV4Verifier.SIGNATURE_MISMATCH_MESSAGE));
	}

	@Test
	void verifyWhenBodyTamperedUnderSignedContentSha256ThenInvalidSignature() {
		SigV4TestRequests request = adminCall();
		request.headers(this.signer.withContentSha256Header().sign(request.build(), CREDENTIALS, "local-1",
				"cognito-idp"));
		assertThat(verify(request)).isInstanceOf(Verified.class);

		request.body("{\"UserPoolId\":\"local-1_abcdefghi\",\"Username\":\"mallory\"}");

		assertThat(verify(request)).isEqualTo(new Refused(SigV4Failure.INVALID_SIGNATURE,
				"The provided 'x-amz-content-sha256' header does not match what was computed."));
	}

	@ParameterizedTest
	@ValueSource(strings = { "UNSIGNED-PAYLOAD", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
			"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" })
	void verifyWhenContentSha256IsNotTheBodyHashThenInvalidSignature(String claimedHash) {
		SigV4TestRequests request = adminCall().header("x-amz-content-sha256", claimedHash);
		signed(request);

		assertThat(failureOf(verify(request))).isEqualTo(SigV4Failure.INVALID_SIGNATURE);
	}

	@Test
	void verifyWhenSignedHeaderTamperedThenInvalidSignature() {
		SigV4TestRequests request = signed(adminCall());
		request.replaceHeader("X-Amz-Target", "AWSCognitoIdentityProviderService.AdminDeleteUser");

		assertThat(failureOf(verify(request))).isEqualTo(SigV4Failure.INVALID_SIGNATURE);
	}

	@Test
	void verifyWhenSignedHeaderValueOnlyReformattedThenVerified() {
		SigV4TestRequests request = signed(adminCall());
		request.replaceHeader("Content-Type", "  application/x-amz-json-1.1\t ");

		assertThat(verify(request)).isInstanceOf(Verified.class);
	}

	@Test
	void verifyWhenHostTamperedThenInvalidSignature() {
		SigV4TestRequests request = signed(adminCall());
		request.replaceHeader("Host", "evil.example:9000");

		assertThat(failureOf(verify(request))).isEqualTo(SigV4Failure.INVALID_SIGNATURE);
	}

	@Test
	void verifyWhenSignedHeaderRemovedThenInvalidSignature() {
		SigV4TestRequests request = signed(adminCall());
		request.withoutHeader("X-Amz-Target");

		assertThat(verify(request)).isEqualTo(new Refused(SigV4Failure.INVALID_SIGNATURE,
				"The signed header 'x-amz-target' is missing from the request."));
	}

	@Test
	void verifyWhenUnsignedHeaderAddedThenVerified() {
		SigV4TestRequests request = signed(adminCall());
		request.header("User-Agent", "aws-cli/2.15").header("X-Forwarded-For", "203.0.113.7");

		assertThat(verify(request)).isInstanceOf(Verified.class);
	}

	@Test
	void verifyWhenPathOrQueryTamperedThenInvalidSignature() {
		SigV4TestRequests pathTampered = signed(adminCall());
		pathTampered.path("/admin");
		SigV4TestRequests queryTampered = signed(adminCall());
		queryTampered.query("Action=DeleteRole");
		SigV4TestRequests methodTampered = signed(adminCall());
		methodTampered.method("PUT");

		assertThat(failureOf(verify(pathTampered))).isEqualTo(SigV4Failure.INVALID_SIGNATURE);
		assertThat(failureOf(verify(queryTampered))).isEqualTo(SigV4Failure.INVALID_SIGNATURE);
		assertThat(failureOf(verify(methodTampered))).isEqualTo(SigV4Failure.INVALID_SIGNATURE);
	}

	@Test
	void verifyWhenHostNotSignedThenIncompleteSignature() {
		SigV4TestRequests request = signed(adminCall());
		request.replaceHeader("Authorization",
				authorizationOf(request).replaceFirst("SignedHeaders=content-type;host;", "SignedHeaders=content-type;"));

		assertThat(verify(request)).isEqualTo(new Refused(SigV4Failure.INCOMPLETE_SIGNATURE,
				"'Host' must be a 'SignedHeader' in the AWS Authorization."));
	}

	@Test
	void verifyWhenAmzDateNotSignedThenIncompleteSignature() {
		SigV4TestRequests request = signed(adminCall());
		request.replaceHeader("Authorization", authorizationOf(request).replace(";x-amz-date", ""));

		assertThat(verify(request)).isEqualTo(new Refused(SigV4Failure.INCOMPLETE_SIGNATURE,
				"'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization."));
	}

	@Test
	void verifyWhenNoDateHeaderThenIncompleteSignature() {
		SigV4TestRequests request = signed(adminCall());
		request.withoutHeader("X-Amz-Date");

		assertThat(verify(request)).isEqualTo(new Refused(SigV4Failure.INCOMPLETE_SIGNATURE,
				"Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."));
	}

	@Test
	void verifyWhenSignedWithHttpDateHeaderThenVerified() {
		SigV4TestRequests request = adminCall().header("Date", "Thu, 15 Jan 2026 10:00:00 GMT");
		SignableRequest unsigned = request.build();
		String canonicalRequest = CanonicalRequest.of("POST", "/", "",
				"content-type:application/x-amz-json-1.1\ndate:Thu, 15 Jan 2026 10:00:00 GMT\nhost:localhost:9000\n"
						+ "x-amz-target:AWSCognitoIdentityProviderService.AdminGetUser\n",
				"content-type;date;host;x-amz-target", unsigned.payloadSha256Hex());
		CredentialScope scope = new CredentialScope("20260115", "local-1", "cognito-idp");
		String signature = SigningAlgorithm.hex(SigningAlgorithm.signature(SECRET, scope,
				SigningAlgorithm.stringToSign("20260115T100000Z", scope, canonicalRequest)));
		request.header("Authorization", "AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY_ID + "/" + scope
				+ ", SignedHeaders=content-type;date;host;x-amz-target, Signature=" + signature);

		assertThat(verify(request)).isEqualTo(
				new Verified(ACCESS_KEY_ID, "local-1", "cognito-idp", SIGNED_AT, Optional.empty()));
	}

	@Test
	void verifyWhenSessionTokenSignedThenPassedToResolverAndReturned() {
		SigV4TestRequests request = signed(adminCall(), SigV4Credentials.of(ACCESS_KEY_ID, SECRET, "sealed-token"),
				"local-1", "cognito-idp");

		SigV4Result result = verify(request);

		assertThat(result).isEqualTo(
				new Verified(ACCESS_KEY_ID, "local-1", "cognito-idp", SIGNED_AT, Optional.of("sealed-token")));
		assertThat(this.tokensSeen).containsExactly(Optional.of("sealed-token"));
	}

	@Test
	void verifyWhenSessionTokenSwappedThenInvalidSignature() {
		SigV4TestRequests request = signed(adminCall(), SigV4Credentials.of(ACCESS_KEY_ID, SECRET, "sealed-token"),
				"local-1", "cognito-idp");
		request.replaceHeader("X-Amz-Security-Token", "another-token");

		assertThat(failureOf(verify(request))).isEqualTo(SigV4Failure.INVALID_SIGNATURE);
	}

	@Test
	void verifyWhenSessionTokenAddedUnsignedThenIncompleteSignature() {
		SigV4TestRequests request = signed(adminCall());
		request.header("X-Amz-Security-Token", "sealed-token");

		assertThat(verify(request)).isEqualTo(new Refused(SigV4Failure.INCOMPLETE_SIGNATURE,
				"'X-Amz-Security-Token' must be a 'SignedHeader' in the AWS Authorization."));
		assertThat(this.tokensSeen).isEmpty();
	}

	@Test
	void verifyWhenTwoAuthorizationHeadersThenIncompleteSignature() {
		SigV4TestRequests request = signed(adminCall());
		request.header("authorization", authorizationOf(request));

		assertThat(failureOf(verify(request))).isEqualTo(SigV4Failure.INCOMPLETE_SIGNATURE);
	}

	@Test
	void verifyWhenResolverFailsThenExceptionPropagates() {
		SignableRequest request = signed(adminCall()).build();
		SigningKeyResolver broken = (accessKeyId, sessionToken) -> {
			throw new IllegalStateException("key store unavailable");
		};

		assertThatIllegalStateException()
			.isThrownBy(() -> verifierAt(SIGNED_AT).verify(request, COGNITO, broken))
			.withMessage("key store unavailable");
	}

	@Test
	void verifyWhenPathTooLongOrQueryTooLargeThenIncompleteSignature() {
		SigV4TestRequests longPath = signed(adminCall().path("/" + "a/".repeat(5000)));
		SigV4TestRequests manyParameters = signed(adminCall().query("a=1&".repeat(600)));
		SigV4TestRequests longQuery = signed(adminCall().query("a=" + "b".repeat(70_000)));

		assertThat(failureOf(verify(longPath))).isEqualTo(SigV4Failure.INCOMPLETE_SIGNATURE);
		assertThat(failureOf(verify(manyParameters))).isEqualTo(SigV4Failure.INCOMPLETE_SIGNATURE);
		assertThat(failureOf(verify(longQuery))).isEqualTo(SigV4Failure.INCOMPLETE_SIGNATURE);
	}

	@Test
	void verifyWhenNormalisedPathAndReencodedQueryThenVerified() {
		SigV4TestRequests request = signed(
				adminCall().path("/a/./b/../c%20d//e").query("b=%E1%88%B4&a=x%2By&a=+&flag&=ignored"));

		assertThat(verify(request)).isInstanceOf(Verified.class);
	}

	@Test
	void presignWhenVerifiedThenVerified() {
		SigV4TestRequests request = SigV4TestRequests.get("/sts/")
			.replaceHeader("Host", "localhost:9100")
			.query("Action=GetCallerIdentity&Version=2011-06-15");
		String presignedQuery = this.signer.presign(request.build(), CREDENTIALS, "local-1", "cognito-idp",
				Duration.ofMinutes(15));

		SigV4Result result = verify(request.query(presignedQuery));

		assertThat(result).isEqualTo(new Verified(ACCESS_KEY_ID, "local-1", "cognito-idp", SIGNED_AT, Optional.empty()));
	}

	@Test
	void verifyWhenPresignedWithSessionTokenThenTokenReturned() {
		SigV4TestRequests request = SigV4TestRequests.get("/");
		String presignedQuery = this.signer.presign(request.build(),
				SigV4Credentials.of(ACCESS_KEY_ID, SECRET, "token/with+reserved=chars"), "local-1", "cognito-idp",
				Duration.ofMinutes(15));

		SigV4Result result = verify(request.query(presignedQuery));

		assertThat(result).isEqualTo(new Verified(ACCESS_KEY_ID, "local-1", "cognito-idp", SIGNED_AT,
				Optional.of("token/with+reserved=chars")));
	}

	@Test
	void verifyWhenPresignedUrlExpiredThenSignatureExpired() {
		SigV4TestRequests request = SigV4TestRequests.get("/");
		request.query(this.signer.presign(request.build(), CREDENTIALS, "local-1", "cognito-idp",
				Duration.ofMinutes(15)));
		SignableRequest presigned = request.build();

		SigV4Result atExpiry = verifierAt(SIGNED_AT.plus(Duration.ofMinutes(15))).verify(presigned, COGNITO, this.keys);
		SigV4Result afterExpiry = verifierAt(SIGNED_AT.plus(Duration.ofMinutes(15)).plusSeconds(1)).verify(presigned,
				COGNITO, this.keys);

		assertThat(atExpiry).isInstanceOf(Verified.class);
		assertThat(afterExpiry).isEqualTo(new Refused(SigV4Failure.SIGNATURE_EXPIRED,
				"Request has expired: 20260115T100000Z + 900 s (X-Amz-Expires) is now earlier than 20260115T101501Z."));
	}

	@Test
	void verifyWhenPresignedUrlFromTheFutureThenSignatureExpired() {
		SigV4TestRequests request = SigV4TestRequests.get("/");
		request.query(this.signer.presign(request.build(), CREDENTIALS, "local-1", "cognito-idp",
				Duration.ofMinutes(15)));

		SigV4Result result = verifierAt(SIGNED_AT.minus(Duration.ofMinutes(6))).verify(request.build(), COGNITO,
				this.keys);

		assertThat(failureOf(result)).isEqualTo(SigV4Failure.SIGNATURE_EXPIRED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "604801", "0", "-1", "1e3", "", "99999999999999999999" })
	void verifyWhenPresignedExpiresOutOfRangeThenIncompleteSignature(String expires) {
		SigV4TestRequests request = SigV4TestRequests.get("/");
		String presignedQuery = this.signer.presign(request.build(), CREDENTIALS, "local-1", "cognito-idp",
				Duration.ofMinutes(15));

		SigV4Result result = verify(request.query(presignedQuery.replace("X-Amz-Expires=900", "X-Amz-Expires=" + expires)));

		assertThat(failureOf(result)).isEqualTo(SigV4Failure.INCOMPLETE_SIGNATURE);
	}

	@Test
	void verifyWhenPresignedExpiresExtendedThenInvalidSignature() {
		SigV4TestRequests request = SigV4TestRequests.get("/");
		String presignedQuery = this.signer.presign(request.build(), CREDENTIALS, "local-1", "cognito-idp",
				Duration.ofMinutes(15));

		SigV4Result result = verify(request.query(presignedQuery.replace("X-Amz-Expires=900", "X-Amz-Expires=604800")));

		assertThat(failureOf(result)).isEqualTo(SigV4Failure.INVALID_SIGNATURE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "X-Amz-Signature", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires",
			"X-Amz-SignedHeaders" })
	void verifyWhenPresignedParameterMissingThenIncompleteSignature(String parameter) {
		SigV4TestRequests request = SigV4TestRequests.get("/");
		String presignedQuery = this.signer.presign(request.build(), CREDENTIALS, "local-1", "cognito-idp",
				Duration.ofMinutes(15));
		StringBuilder without = new StringBuilder();
		for (String pair : presignedQuery.split("&")) {
			if (!pair.startsWith(parameter + "=")) {
				without.append((without.length() > 0) ? "&" : "").append(pair);
			}
		}

		assertThat(failureOf(verify(request.query(without.toString()))))
			.isEqualTo(SigV4Failure.INCOMPLETE_SIGNATURE);
	}

	@Test
	void verifyWhenPresignedAndAuthorizationHeaderBothThenIncompleteSignature() {
		SigV4TestRequests request = SigV4TestRequests.get("/");
		String presignedQuery = this.signer.presign(request.build(), CREDENTIALS, "local-1", "cognito-idp",
				Duration.ofMinutes(15));
		signed(request.query(presignedQuery));

		assertThat(failureOf(verify(request))).isEqualTo(SigV4Failure.INCOMPLETE_SIGNATURE);
	}

	@Test
	void verifyWhenPresignedHostNotSignedThenIncompleteSignature() {
		SigV4TestRequests request = SigV4TestRequests.get("/").header("X-Custom", "v");
		String presignedQuery = this.signer.presign(request.build(), CREDENTIALS, "local-1", "cognito-idp",
				Duration.ofMinutes(15));

		SigV4Result result = verify(
				request.query(presignedQuery.replace("X-Amz-SignedHeaders=host%3Bx-custom", "X-Amz-SignedHeaders=x-custom")));

		assertThat(result).isEqualTo(new Refused(SigV4Failure.INCOMPLETE_SIGNATURE,
				"'Host' must be a 'SignedHeader' in the AWS Authorization."));
	}

	@Test
	void credentialsWhenPrintedThenSecretAndTokenRedacted() {
		SigV4Credentials credentials = SigV4Credentials.of(ACCESS_KEY_ID, SECRET, "sealed-token");

		assertThat(credentials.toString()).contains(ACCESS_KEY_ID)
			.doesNotContain(SECRET)
			.doesNotContain("sealed-token");
	}

}
