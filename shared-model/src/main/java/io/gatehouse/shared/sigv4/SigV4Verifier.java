package io.gatehouse.shared.sigv4;

import java.time.Clock;
import java.time.Duration;

/**
 * Verifies AWS Signature Version 4 ({@code AWS4-HMAC-SHA256}) on a received request, per the AWS
 * General Reference "Signature Version 4 signing process": canonical request, string to sign, signing
 * key derivation, constant-time comparison, and a clock-skew window (5 minutes by default).
 */
public final class SigV4Verifier {

	public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(5);

	private final Clock clock;

	private final Duration clockSkew;

	public SigV4Verifier(Clock clock, Duration clockSkew) {
		this.clock = clock;
		this.clockSkew = clockSkew;
	}

	public SigV4Verifier(Clock clock) {
		this(clock, DEFAULT_CLOCK_SKEW);
	}

	/**
	 * @param request the request as received
	 * @param expectation the service and regions this surface answers for
	 * @param keys where to find the secret for the key id in the credential scope
	 */
	public SigV4Result verify(SignableRequest request, SigV4Expectation expectation, SigningKeyResolver keys) {
		throw new UnsupportedOperationException("not yet implemented");
	}

}
