package io.gatehouse.shared.sigv4;

import java.time.Instant;
import java.util.Optional;

/** The outcome of verifying one request. */
public sealed interface SigV4Result {

	/**
	 * The request is authentic.
	 *
	 * @param accessKeyId the key that signed it
	 * @param region the region of the credential scope
	 * @param service the service of the credential scope
	 * @param signedAt the request's {@code X-Amz-Date}
	 * @param sessionToken the {@code X-Amz-Security-Token}, for temporary credentials
	 */
	record Verified(String accessKeyId, String region, String service, Instant signedAt,
			Optional<String> sessionToken) implements SigV4Result {
	}

	/**
	 * The request is refused. The message is safe to send to the caller.
	 */
	record Refused(SigV4Failure failure, String message) implements SigV4Result {
	}

}
