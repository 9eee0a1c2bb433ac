package io.gatehouse.shared.sigv4;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.gatehouse.shared.sigv4.SigV4Result.Refused;
import io.gatehouse.shared.sigv4.SigV4Result.Verified;

/**
 * Verifies AWS Signature Version 4 ({@code AWS4-HMAC-SHA256}) on a received request, per the AWS
 * General Reference "Signature Version 4 signing process" (IAM User Guide, "Create a signed AWS API
 * request" and "Authenticating Requests: Using Query Parameters"): canonical request, string to sign,
 * signing key derivation, constant-time comparison, and a clock-skew window (5 minutes by default).
 *
 * <p>Both forms are accepted: the {@code Authorization} header and the presigned URL whose query carries
 * {@code X-Amz-Algorithm}, {@code X-Amz-Credential}, {@code X-Amz-Date}, {@code X-Amz-Expires}
 * (at most 7 days), {@code X-Amz-SignedHeaders}, {@code X-Amz-Signature} and optionally
 * {@code X-Amz-Security-Token}. The canonical URI is built as the AWS SDKs do for every service but S3
 * (path normalised as {@code java.net.URI#normalize} does, then {@code UriEncode}d once more).
 *
 * <p>Rules beyond the bare algorithm, each a refusal:
 * <ul>
 * <li>{@code host} and the date header used ({@code x-amz-date}, else {@code date}) must be signed, as
 * AWS requires;</li>
 * <li>an {@code X-Amz-Security-Token} header must be signed too (every current SDK signs it; a token
 * added after signing, as the oldest STS clients did, is refused so a token cannot be swapped under a
 * signature);</li>
 * <li>the payload hash in the canonical request is always the hash of the body actually received
 * ({@link SignableRequest#payloadSha256Hex()}); an {@code x-amz-content-sha256} header, signed or not,
 * must equal it, so {@code UNSIGNED-PAYLOAD} and streaming payloads are refused;</li>
 * <li>the credential scope must name this surface's service, one of its regions, and the date of
 * {@code X-Amz-Date}.</li>
 * </ul>
 * Malformed or oversized input of any kind yields a {@link Refused}, never an exception. Exceptions
 * thrown by the {@link SigningKeyResolver} (a key store that is down, say) propagate, so an outage is
 * not reported to the caller as a bad signature. Messages are safe to return to the caller: they never
 * contain the secret, the expected signature or the canonical request.
 */
public final class SigV4Verifier {

	public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(5);

	/** The longest validity of a presigned URL that AWS accepts: 7 days. */
	public static final Duration MAX_PRESIGNED_EXPIRY = Duration.ofDays(7);

	static final int MAX_PATH_LENGTH = 8 * 1024;

	static final int MAX_QUERY_LENGTH = 64 * 1024;

	static final int MAX_QUERY_PARAMETERS = 512;

	static final int MAX_CANONICAL_HEADERS_LENGTH = 64 * 1024;

	static final int MAX_SESSION_TOKEN_LENGTH = 32 * 1024;

	static final String MISSING_AUTHENTICATION_MESSAGE = "Missing Authentication Token";

	static final String UNRECOGNIZED_CLIENT_MESSAGE = "The security token included in the request is invalid.";

	static final String SIGNATURE_MISMATCH_MESSAGE = "The request signature we calculated does not match the"
			+ " signature you provided. Check your AWS Secret Access Key and signing method. Consult the service"
			+ " documentation for details.";

	private static final String AUTHORIZATION = "authorization";

	private static final String X_AMZ_DATE = "x-amz-date";

	private static final String DATE = "date";

	private static final String HOST = "host";

	private static final String X_AMZ_SECURITY_TOKEN = "x-amz-security-token";

	private static final String X_AMZ_CONTENT_SHA256 = "x-amz-content-sha256";

	static final String QUERY_ALGORITHM = "X-Amz-Algorithm";

	static final String QUERY_CREDENTIAL = "X-Amz-Credential";

	static final String QUERY_DATE = "X-Amz-Date";

	static final String QUERY_EXPIRES = "X-Amz-Expires";

	static final String QUERY_SIGNED_HEADERS = "X-Amz-SignedHeaders";

	static final String QUERY_SIGNATURE = "X-Amz-Signature";

	static final String QUERY_SECURITY_TOKEN = "X-Amz-Security-Token";

	private final Clock clock;

	private final Duration clockSkew;

	public SigV4Verifier(Clock clock, Duration clockSkew) {
		this.clock = Objects.requireNonNull(clock, "clock");
		this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
		if (clockSkew.isNegative()) {
			throw new IllegalArgumentException("clockSkew must not be negative");
		}
	}

	public SigV4Verifier(Clock clock) {
		this(clock, DEFAULT_CLOCK_SKEW);
	}

	/**
	 * @param request the request as received
	 * @param expectation the service and regions this surface answers for
	 * @param keys where to find the secret for the key id in the credential scope
	 * @return {@link Verified} for an authentic request, else {@link Refused} with a caller-safe message
	 * @throws NullPointerException when an argument, or {@code request.payloadSha256Hex()}, is null: those
	 * come from the server, not from the caller
	 */
	public SigV4Result verify(SignableRequest request, SigV4Expectation expectation, SigningKeyResolver keys) {
		Objects.requireNonNull(request, "request");
		Objects.requireNonNull(expectation, "expectation");
		Objects.requireNonNull(keys, "keys");
		Objects.requireNonNull(request.payloadSha256Hex(), "payloadSha256Hex");
		Claim claim;
		try {
			ClaimOrRefusal read = readClaim(request, expectation);
			if (read.refused() != null) {
				return read.refused();
			}
			claim = read.claim();
		}
		catch (RuntimeException ex) {
			// A safety net for input no test thought of: refuse, never answer 500 to a crafted request.
			return incomplete("The request could not be read as a Signature Version 4 request.");
		}
		Optional<String> secret = keys.secretAccessKey(claim.parameters().accessKeyId(), claim.sessionToken());
		if (secret == null || secret.isEmpty()) {
			return new Refused(SigV4Failure.UNRECOGNIZED_CLIENT, UNRECOGNIZED_CLIENT_MESSAGE);
		}
		String stringToSign = SigningAlgorithm.stringToSign(claim.amzDate(), claim.parameters().scope(),
				claim.canonicalRequest());
		byte[] expected = SigningAlgorithm.signature(secret.get(), claim.parameters().scope(), stringToSign);
		if (!MessageDigest.isEqual(expected, claim.parameters().signature())) {
			return new Refused(SigV4Failure.INVALID_SIGNATURE, SIGNATURE_MISMATCH_MESSAGE);
		}
		CredentialScope scope = claim.parameters().scope();
		return new Verified(claim.parameters().accessKeyId(), scope.region(), scope.service(), claim.signedAt(),
				claim.sessionToken());
	}

	/**
	 * The canonical request this verifier derives from {@code request}, or empty when it refuses the request
	 * before getting that far; lets tests compare it with the published test-suite canonical requests.
	 */
	Optional<String> canonicalRequest(SignableRequest request, SigV4Expectation expectation) {
		ClaimOrRefusal read = readClaim(request, expectation);
		return (read.claim() != null) ? Optional.of(read.claim().canonicalRequest()) : Optional.empty();
	}

	/**
	 * The parts read and checked before any key is looked up.
	 */
	private record Claim(AuthorizationParameters parameters, String amzDate, Instant signedAt,
			Optional<String> sessionToken, String canonicalRequest) {
	}

	private record ClaimOrRefusal(Claim claim, Refused refused) {

		static ClaimOrRefusal of(Refused refused) {
			return new ClaimOrRefusal(null, refused);
		}

	}

	private ClaimOrRefusal readClaim(SignableRequest request, SigV4Expectation expectation) {
		String rawPath = (request.rawPath() != null) ? request.rawPath() : "";
		String rawQuery = (request.rawQuery() != null) ? request.rawQuery() : "";
		if (rawPath.length() > MAX_PATH_LENGTH) {
			return ClaimOrRefusal.of(incomplete("The request path is too long to verify."));
		}
		if (rawQuery.length() > MAX_QUERY_LENGTH) {
			return ClaimOrRefusal.of(incomplete("The query string is too long to verify."));
		}
		Optional<QueryString> parsedQuery = QueryString.parse(rawQuery, MAX_QUERY_PARAMETERS);
		if (parsedQuery.isEmpty()) {
			return ClaimOrRefusal.of(incomplete("The query string has too many parameters to verify."));
		}
		QueryString query = parsedQuery.get();
		RequestHeaders headers = new RequestHeaders(request.headers());
		List<String> authorization = headers.all(AUTHORIZATION);
		boolean presigned = !query.values(QUERY_ALGORITHM).isEmpty() || !query.values(QUERY_CREDENTIAL).isEmpty()
				|| !query.values(QUERY_SIGNATURE).isEmpty();
		if (presigned && !authorization.isEmpty()) {
			return ClaimOrRefusal.of(incomplete("Only one auth mechanism allowed; only the X-Amz-Algorithm query"
					+ " parameter or the Authorization header should be specified."));
		}
		if (!presigned && authorization.isEmpty()) {
			return ClaimOrRefusal.of(new Refused(SigV4Failure.MISSING_AUTHENTICATION, MISSING_AUTHENTICATION_MESSAGE));
		}
		return presigned ? readPresigned(request, expectation, query, headers)
				: readHeaderSigned(request, expectation, query, headers, authorization);
	}

	private ClaimOrRefusal readHeaderSigned(SignableRequest request, SigV4Expectation expectation, QueryString query,
			RequestHeaders headers, List<String> authorization) {
		if (authorization.size() > 1) {
			return ClaimOrRefusal.of(incomplete("The request has more than one Authorization header."));
		}
		AuthorizationParameters.Parsed parsed = AuthorizationParameters.fromAuthorizationHeader(authorization.get(0));
		if (!parsed.ok()) {
			return ClaimOrRefusal.of(incomplete(parsed.problem()));
		}
		AuthorizationParameters parameters = parsed.parameters();

		String dateHeader;
		String amzDate;
		Instant signedAt;
		List<String> amzDates = headers.all(X_AMZ_DATE);
		if (!amzDates.isEmpty()) {
			dateHeader = X_AMZ_DATE;
			Optional<Instant> parsedDate = (amzDates.size() == 1) ? AmzDate.parse(amzDates.get(0).strip())
					: Optional.empty();
			if (parsedDate.isEmpty()) {
				return ClaimOrRefusal.of(incomplete("X-Amz-Date must be one date in ISO 8601 basic format,"
						+ " yyyyMMdd'T'HHmmss'Z'."));
			}
			signedAt = parsedDate.get();
			amzDate = amzDates.get(0).strip();
		}
		else {
			List<String> dates = headers.all(DATE);
			if (dates.isEmpty()) {
				return ClaimOrRefusal.of(incomplete(
						"Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."));
			}
			dateHeader = DATE;
			Optional<Instant> parsedDate = (dates.size() == 1) ? AmzDate.parseHttpDate(dates.get(0))
					: Optional.empty();
			if (parsedDate.isEmpty()) {
				return ClaimOrRefusal.of(incomplete("The Date header is not a valid HTTP date."));
			}
			signedAt = parsedDate.get();
			amzDate = AmzDate.format(signedAt);
		}
		if (!parameters.signedHeaders().contains(HOST)) {
			return ClaimOrRefusal.of(incomplete("'Host' must be a 'SignedHeader' in the AWS Authorization."));
		}
		if (!parameters.signedHeaders().contains(dateHeader)) {
			return ClaimOrRefusal.of(incomplete("'" + (dateHeader.equals(DATE) ? "Date" : "X-Amz-Date")
					+ "' must be a 'SignedHeader' in the AWS Authorization."));
		}
		TokenRead token = readSessionToken(headers, query, parameters);
		if (token.refused() != null) {
			return ClaimOrRefusal.of(token.refused());
		}
		Optional<String> sessionToken = token.token();
		Refused refused = checkToken(sessionToken);
		if (refused == null) {
			refused = checkScope(parameters.scope(), expectation, amzDate);
		}
		if (refused == null) {
			refused = checkSkew(signedAt);
		}
		if (refused == null) {
			refused = checkContentSha256(request, headers);
		}
		if (refused != null) {
			return ClaimOrRefusal.of(refused);
		}
		return canonicalize(request, query, headers, parameters, amzDate, signedAt, sessionToken, false);
	}

	private ClaimOrRefusal readPresigned(SignableRequest request, SigV4Expectation expectation, QueryString query,
			RequestHeaders headers) {
		String[] names = { QUERY_ALGORITHM, QUERY_CREDENTIAL, QUERY_DATE, QUERY_EXPIRES, QUERY_SIGNED_HEADERS,
				QUERY_SIGNATURE };
		String[] values = new String[names.length];
		for (int i = 0; i < names.length; i++) {
			List<String> found = query.values(names[i]);
			if (found.size() != 1) {
				return ClaimOrRefusal.of(incomplete("A presigned URL requires exactly one '" + names[i]
						+ "' query parameter (X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date, X-Amz-Expires,"
						+ " X-Amz-SignedHeaders and X-Amz-Signature)."));
			}
			values[i] = found.get(0);
		}
		if (!values[0].equals(SigningAlgorithm.NAME)) {
			return ClaimOrRefusal.of(incomplete("Unsupported X-Amz-Algorithm; only " + SigningAlgorithm.NAME
					+ " (Signature Version 4) is accepted."));
		}
		AuthorizationParameters.Parsed parsed = AuthorizationParameters.fromQuery(values[1], values[4], values[5]);
		if (!parsed.ok()) {
			return ClaimOrRefusal.of(incomplete(parsed.problem()));
		}
		AuthorizationParameters parameters = parsed.parameters();
		String amzDate = values[2];
		Optional<Instant> parsedDate = AmzDate.parse(amzDate);
		if (parsedDate.isEmpty()) {
			return ClaimOrRefusal
				.of(incomplete("X-Amz-Date must be a date in ISO 8601 basic format, yyyyMMdd'T'HHmmss'Z'."));
		}
		Instant signedAt = parsedDate.get();
		long expires = parseExpires(values[3]);
		if (expires < 0) {
			return ClaimOrRefusal.of(incomplete("X-Amz-Expires must be a whole number of seconds from 1 to "
					+ MAX_PRESIGNED_EXPIRY.toSeconds() + " (7 days)."));
		}
		if (!parameters.signedHeaders().contains(HOST)) {
			return ClaimOrRefusal.of(incomplete("'Host' must be a 'SignedHeader' in the AWS Authorization."));
		}
		TokenRead token = readSessionToken(headers, query, parameters);
		if (token.refused() != null) {
			return ClaimOrRefusal.of(token.refused());
		}
		Optional<String> sessionToken = token.token();
		Refused refused = checkToken(sessionToken);
		if (refused == null) {
			refused = checkScope(parameters.scope(), expectation, amzDate);
		}
		if (refused == null) {
			refused = checkPresignedTime(amzDate, signedAt, expires);
		}
		if (refused == null) {
			refused = checkContentSha256(request, headers);
		}
		if (refused != null) {
			return ClaimOrRefusal.of(refused);
		}
		return canonicalize(request, query, headers, parameters, amzDate, signedAt, sessionToken, true);
	}

	private ClaimOrRefusal canonicalize(SignableRequest request, QueryString query, RequestHeaders headers,
			AuthorizationParameters parameters, String amzDate, Instant signedAt, Optional<String> sessionToken,
			boolean presigned) {
		CanonicalRequest.Result canonicalHeaders = CanonicalRequest.canonicalHeaders(headers,
				parameters.signedHeaders(), MAX_CANONICAL_HEADERS_LENGTH);
		if (canonicalHeaders.tooLarge()) {
			return ClaimOrRefusal.of(incomplete("The signed headers are too large to verify."));
		}
		if (canonicalHeaders.missingHeader().isPresent()) {
			return ClaimOrRefusal.of(new Refused(SigV4Failure.INVALID_SIGNATURE,
					"The signed header '" + canonicalHeaders.missingHeader().get() + "' is missing from the request."));
		}
		String method = (request.method() != null) ? request.method() : "";
		String canonicalRequest = CanonicalRequest.of(method, CanonicalRequest.canonicalUri(request.rawPath()),
				query.canonical(presigned ? QUERY_SIGNATURE : null), canonicalHeaders.block().get(),
				parameters.signedHeadersString(), request.payloadSha256Hex());
		return new ClaimOrRefusal(new Claim(parameters, amzDate, signedAt, sessionToken, canonicalRequest), null);
	}

	private record TokenRead(Optional<String> token, Refused refused) {
	}

	/**
	 * The session token may come as a header, which must then be signed, or as a query parameter, which
	 * the canonical query string signs anyway; never both, never twice.
	 */
	private static TokenRead readSessionToken(RequestHeaders headers, QueryString query,
			AuthorizationParameters parameters) {
		List<String> inHeaders = headers.all(X_AMZ_SECURITY_TOKEN);
		List<String> inQuery = query.values(QUERY_SECURITY_TOKEN);
		if (inHeaders.size() + inQuery.size() > 1) {
			return new TokenRead(Optional.empty(),
					incomplete("The request must carry at most one X-Amz-Security-Token."));
		}
		if (!inHeaders.isEmpty()) {
			if (!parameters.signedHeaders().contains(X_AMZ_SECURITY_TOKEN)) {
				return new TokenRead(Optional.empty(),
						incomplete("'X-Amz-Security-Token' must be a 'SignedHeader' in the AWS Authorization."));
			}
			return new TokenRead(Optional.of(inHeaders.get(0).strip()), null);
		}
		if (!inQuery.isEmpty()) {
			return new TokenRead(Optional.of(inQuery.get(0)), null);
		}
		return new TokenRead(Optional.empty(), null);
	}

	private static Refused checkToken(Optional<String> sessionToken) {
		if (sessionToken.isPresent()
				&& (sessionToken.get().isEmpty() || sessionToken.get().length() > MAX_SESSION_TOKEN_LENGTH)) {
			return new Refused(SigV4Failure.UNRECOGNIZED_CLIENT, UNRECOGNIZED_CLIENT_MESSAGE);
		}
		return null;
	}

	private static Refused checkScope(CredentialScope scope, SigV4Expectation expectation, String amzDate) {
		if (!scope.service().equals(expectation.service())) {
			return new Refused(SigV4Failure.INVALID_SIGNATURE,
					"Credential should be scoped to correct service: '" + expectation.service() + "'.");
		}
		if (expectation.regions() == null || !expectation.regions().contains(scope.region())) {
			return new Refused(SigV4Failure.INVALID_SIGNATURE,
					"Credential should be scoped to a valid region, not '" + scope.region() + "'.");
		}
		String date = amzDate.substring(0, 8);
		if (!scope.date().equals(date)) {
			return new Refused(SigV4Failure.INVALID_SIGNATURE,
					"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
							+ scope.date() + "' != '" + date + "', from '" + amzDate + "'.");
		}
		return null;
	}

	private Refused checkSkew(Instant signedAt) {
		Instant now = this.clock.instant();
		if (signedAt.isBefore(now.minus(this.clockSkew))) {
			return new Refused(SigV4Failure.SIGNATURE_EXPIRED,
					"Signature expired: " + AmzDate.format(signedAt) + " is now earlier than "
							+ AmzDate.format(now.minus(this.clockSkew)) + " (" + AmzDate.format(now) + " - "
							+ describe(this.clockSkew) + ".)");
		}
		return checkNotInFuture(signedAt, now);
	}

	private Refused checkPresignedTime(String amzDate, Instant signedAt, long expires) {
		Instant now = this.clock.instant();
		Instant expiry = signedAt.plusSeconds(expires);
		if (now.isAfter(expiry)) {
			return new Refused(SigV4Failure.SIGNATURE_EXPIRED, "Request has expired: " + amzDate + " + " + expires
					+ " s (X-Amz-Expires) is now earlier than " + AmzDate.format(now) + ".");
		}
		return checkNotInFuture(signedAt, now);
	}

	private Refused checkNotInFuture(Instant signedAt, Instant now) {
		if (signedAt.isAfter(now.plus(this.clockSkew))) {
			return new Refused(SigV4Failure.SIGNATURE_EXPIRED,
					"Signature not yet current: " + AmzDate.format(signedAt) + " is still later than "
							+ AmzDate.format(now.plus(this.clockSkew)) + " (" + AmzDate.format(now) + " + "
							+ describe(this.clockSkew) + ".)");
		}
		return null;
	}

	/**
	 * The server hashes the body it received; a client-supplied hash is never trusted over it, only
	 * checked against it.
	 */
	private static Refused checkContentSha256(SignableRequest request, RequestHeaders headers) {
		List<String> claimed = headers.all(X_AMZ_CONTENT_SHA256);
		if (claimed.isEmpty()) {
			return null;
		}
		if (claimed.size() > 1 || !claimed.get(0).strip().equalsIgnoreCase(request.payloadSha256Hex())) {
			return new Refused(SigV4Failure.INVALID_SIGNATURE,
					"The provided 'x-amz-content-sha256' header does not match what was computed.");
		}
		return null;
	}

	private static long parseExpires(String value) {
		if (value.isEmpty() || value.length() > 7) {
			return -1;
		}
		long seconds = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			seconds = seconds * 10 + (c - '0');
		}
		return (seconds >= 1 && seconds <= MAX_PRESIGNED_EXPIRY.toSeconds()) ? seconds : -1;
	}

	private static String describe(Duration skew) {
		if (skew.toSecondsPart() == 0 && skew.toNanosPart() == 0 && skew.toMinutes() > 0) {
			return skew.toMinutes() + " min";
		}
		return skew.toSeconds() + " s";
	}

	private static Refused incomplete(String message) {
		return new Refused(SigV4Failure.INCOMPLETE_SIGNATURE, message);
	}

}
