package io.gatehouse.shared.sigv4;

import java.util.Objects;
import java.util.Optional;

/**
 * An AWS access key pair, with the session token of temporary credentials (AWS General Reference,
 * "Understanding and getting your AWS credentials"). {@link #toString()} never shows the secret or the
 * token, so a logged instance leaks nothing.
 *
 * @param accessKeyId the access key id, named in the credential scope
 * @param secretAccessKey the secret access key; only ever used to derive signing keys
 * @param sessionToken the session token of temporary credentials, sent as {@code X-Amz-Security-Token}
 */
public record SigV4Credentials(String accessKeyId, String secretAccessKey, Optional<String> sessionToken) {

	public SigV4Credentials {
		Objects.requireNonNull(accessKeyId, "accessKeyId");
		Objects.requireNonNull(secretAccessKey, "secretAccessKey");
		Objects.requireNonNull(sessionToken, "sessionToken");
	}

	/** Long-term credentials, without a session token. */
	public static SigV4Credentials of(String accessKeyId, String secretAccessKey) {
		return new SigV4Credentials(accessKeyId, secretAccessKey, Optional.empty());
	}

	/** Temporary credentials. */
	public static SigV4Credentials of(String accessKeyId, String secretAccessKey, String sessionToken) {
		return new SigV4Credentials(accessKeyId, secretAccessKey, Optional.of(sessionToken));
	}

	@Override
	public String toString() {
		return "SigV4Credentials[accessKeyId=" + this.accessKeyId + ", secretAccessKey=<redacted>, sessionToken="
				+ (this.sessionToken.isPresent() ? "<redacted>" : "<none>") + "]";
	}

}
