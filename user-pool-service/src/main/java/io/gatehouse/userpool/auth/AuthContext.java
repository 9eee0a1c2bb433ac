package io.gatehouse.userpool.auth;

import java.util.Objects;

import io.gatehouse.userpool.audit.RequestOrigin;

/**
 * Where a sign-in attempt or account operation comes from, for the audit trail (and, later, adaptive
 * authentication).
 *
 * @param door the door the attempt came through
 * @param sourceIp the caller's IP address as the door determined it; may be null
 * @param userAgent the caller's {@code User-Agent}; may be null
 * @param requestId the id the door's response carries (the Cognito door's {@code x-amzn-RequestId}); may be null
 */
public record AuthContext(AuthDoor door, String sourceIp, String userAgent, String requestId) {

	public AuthContext {
		Objects.requireNonNull(door, "door");
	}

	public AuthContext(AuthDoor door, String sourceIp, String userAgent) {
		this(door, sourceIp, userAgent, null);
	}

	RequestOrigin origin() {
		return new RequestOrigin(this.sourceIp, this.userAgent, this.requestId);
	}

}
