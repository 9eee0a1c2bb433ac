package io.gatehouse.shared.sigv4;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Signs requests with AWS Signature Version 4 ({@code AWS4-HMAC-SHA256}) per the AWS General Reference
 * "Signature Version 4 signing process", the way the AWS SDKs do for every service but S3; what it signs,
 * {@link SigV4Verifier} accepts.
 *
 * <p>{@link #sign} returns the headers to add to the request: {@code X-Amz-Date}, {@code Authorization},
 * {@code X-Amz-Security-Token} for temporary credentials and, when asked for, {@code X-Amz-Content-Sha256}.
 * Every header of the given request is signed except those a proxy may rewrite ({@code connection},
 * {@code expect}, {@code user-agent}, {@code x-amzn-trace-id}), so the request must carry the
 * {@code Host} header exactly as the HTTP client will send it. The request's
 * {@link SignableRequest#payloadSha256Hex()} must be the hash of the body that will be sent.
 *
 * <p>{@link #presign} returns the query string of a presigned URL instead (AWS General Reference,
 * "Authenticating Requests: Using Query Parameters").
 */
public final class SigV4Signer {

	/** Headers the SDKs leave unsigned because intermediaries change them. */
	private static final Set<String> UNSIGNED_HEADERS = Set.of("authorization", "connection", "expect", "user-agent",
			"x-amzn-trace-id");

	/** Headers this signer sets itself; values already on the request are replaced. */
	private static final Set<String> OWN_HEADERS = Set.of("x-amz-date", "x-amz-security-token",
			"x-amz-content-sha256");

	private final Clock clock;

	private final boolean contentSha256Header;

	public SigV4Signer(Clock clock) {
		this(clock, false);
	}

	private SigV4Signer(Clock clock, boolean contentSha256Header) {
		this.clock = Objects.requireNonNull(clock, "clock");
		this.contentSha256Header = contentSha256Header;
	}

	/** A signer that also sends (and signs) {@code X-Amz-Content-Sha256}, as S3-style clients do. */
	public SigV4Signer withContentSha256Header() {
		return new SigV4Signer(this.clock, true);
	}

	/**
	 * @param request the request to send, with its {@code Host} header
	 * @param credentials the key pair (and session token) to sign with
	 * @param region the region of the credential scope
	 * @param service the service of the credential scope, e.g. {@code cognito-idp}
	 * @return the headers to add, in a stable order, names as AWS spells them
	 * @throws IllegalArgumentException when the request has no {@code Host} header
	 */
	public Map<String, String> sign(SignableRequest request, SigV4Credentials credentials, String region,
			String service) {
		Objects.requireNonNull(credentials, "credentials");
		Instant now = this.clock.instant();
		String amzDate = AmzDate.format(now);
		CredentialScope scope = new CredentialScope(amzDate.substring(0, 8), region, service);

		Map<String, List<String>> signed = signableHeaders(request);
		Map<String, String> added = new LinkedHashMap<>();
		added.put("X-Amz-Date", amzDate);
		signed.put("x-amz-date", List.of(amzDate));
		credentials.sessionToken().ifPresent((token) -> {
			added.put("X-Amz-Security-Token", token);
			signed.put("x-amz-security-token", List.of(token));
		});
		if (this.contentSha256Header) {
			added.put("X-Amz-Content-Sha256", request.payloadSha256Hex());
			signed.put("x-amz-content-sha256", List.of(request.payloadSha256Hex()));
		}
		List<String> names = new ArrayList<>(signed.keySet());
		String canonicalHeaders = canonicalHeaders(signed);
		String signedHeaders = String.join(";", names);
		String canonicalRequest = CanonicalRequest.of(request.method(), CanonicalRequest.canonicalUri(request.rawPath()),
				QueryString.parse(request.rawQuery(), Integer.MAX_VALUE).orElseThrow().canonical(null),
				canonicalHeaders, signedHeaders, request.payloadSha256Hex());
		String signature = SigningAlgorithm.hex(SigningAlgorithm.signature(credentials.secretAccessKey(), scope,
				SigningAlgorithm.stringToSign(amzDate, scope, canonicalRequest)));
		Map<String, String> result = new LinkedHashMap<>();
		result.put("Authorization", SigningAlgorithm.NAME + " Credential=" + credentials.accessKeyId() + '/' + scope
				+ ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
		result.putAll(added);
		return Collections.unmodifiableMap(result);
	}

	/**
	 * @param request the request to presign, with its {@code Host} header
	 * @param credentials the key pair (and session token) to sign with
	 * @param region the region of the credential scope
	 * @param service the service of the credential scope
	 * @param expiresIn how long the URL stays valid: 1 second to 7 days
	 * @return the raw query string to send in place of {@code request.rawQuery()}: its parameters followed
	 * by the {@code X-Amz-*} ones
	 * @throws IllegalArgumentException when the request has no {@code Host} header, already carries
	 * {@code X-Amz-*} authentication parameters, or {@code expiresIn} is out of range
	 */
	public String presign(SignableRequest request, SigV4Credentials credentials, String region, String service,
			Duration expiresIn) {
		Objects.requireNonNull(credentials, "credentials");
		if (expiresIn.getSeconds() < 1 || expiresIn.compareTo(SigV4Verifier.MAX_PRESIGNED_EXPIRY) > 0) {
			throw new IllegalArgumentException("expiresIn must be from 1 second to 7 days");
		}
		Instant now = this.clock.instant();
		String amzDate = AmzDate.format(now);
		CredentialScope scope = new CredentialScope(amzDate.substring(0, 8), region, service);
		Map<String, List<String>> signed = signableHeaders(request);
		String signedHeaders = String.join(";", signed.keySet());

		List<QueryString.Parameter> parameters = new ArrayList<>(
				QueryString.parse(request.rawQuery(), Integer.MAX_VALUE).orElseThrow().parameters());
		for (QueryString.Parameter parameter : parameters) {
			if (parameter.name().startsWith("X-Amz-")) {
				throw new IllegalArgumentException("the request already carries X-Amz-* query parameters");
			}
		}
		parameters.add(QueryString.Parameter.of(SigV4Verifier.QUERY_ALGORITHM, SigningAlgorithm.NAME));
		parameters.add(QueryString.Parameter.of(SigV4Verifier.QUERY_CREDENTIAL, credentials.accessKeyId() + '/' + scope));
		parameters.add(QueryString.Parameter.of(SigV4Verifier.QUERY_DATE, amzDate));
		parameters.add(QueryString.Parameter.of(SigV4Verifier.QUERY_EXPIRES, Long.toString(expiresIn.getSeconds())));
		parameters.add(QueryString.Parameter.of(SigV4Verifier.QUERY_SIGNED_HEADERS, signedHeaders));
		credentials.sessionToken()
			.ifPresent((token) -> parameters.add(QueryString.Parameter.of(SigV4Verifier.QUERY_SECURITY_TOKEN, token)));
		QueryString query = QueryString.of(parameters);
		String canonicalRequest = CanonicalRequest.of(request.method(), CanonicalRequest.canonicalUri(request.rawPath()),
				query.canonical(null), canonicalHeaders(signed), signedHeaders, request.payloadSha256Hex());
		String signature = SigningAlgorithm.hex(SigningAlgorithm.signature(credentials.secretAccessKey(), scope,
				SigningAlgorithm.stringToSign(amzDate, scope, canonicalRequest)));
		parameters.add(QueryString.Parameter.of(SigV4Verifier.QUERY_SIGNATURE, signature));
		return QueryString.of(parameters).toRawQuery();
	}

	/** The request's headers by lower-case name, sorted, without those left unsigned or set here. */
	private static Map<String, List<String>> signableHeaders(SignableRequest request) {
		Objects.requireNonNull(request, "request");
		Objects.requireNonNull(request.payloadSha256Hex(), "payloadSha256Hex");
		RequestHeaders headers = new RequestHeaders(request.headers());
		if (!headers.contains("host")) {
			throw new IllegalArgumentException("the request must carry the Host header it will be sent with");
		}
		Map<String, List<String>> signed = new TreeMap<>();
		for (String name : headers.names()) {
			String lowerCase = name.toLowerCase(Locale.ROOT);
			if (!UNSIGNED_HEADERS.contains(lowerCase) && !OWN_HEADERS.contains(lowerCase)) {
				signed.put(lowerCase, headers.all(name));
			}
		}
		return signed;
	}

	private static String canonicalHeaders(Map<String, List<String>> signed) {
		StringBuilder out = new StringBuilder(256);
		signed.forEach((name, values) -> {
			out.append(name).append(':');
			for (int i = 0; i < values.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				CanonicalRequest.appendTrimmed(out, values.get(i));
			}
			out.append('\n');
		});
		return out.toString();
	}

}
