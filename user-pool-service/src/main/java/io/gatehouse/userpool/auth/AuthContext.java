package io.gatehouse.userpool.auth;

import java.util.Objects;

/**
 * Where a sign-in attempt comes from, for the audit trail (and, later, adaptive authentication).
 *
 * @param door the door the attempt came through
 * @param sourceIp the caller's IP address as the door determined it; may be null
 * @param userAgent the caller's {@code User-Agent}; may be null, cut to 256 characters
 */
public record AuthContext(AuthDoor door, String sourceIp, String userAgent) {

	public AuthContext {
		Objects.requireNonNull(door, "door");
		if (sourceIp != null && sourceIp.length() > 64) {
			sourceIp = sourceIp.substring(0, 64);
		}
		if (userAgent != null && userAgent.length() > 256) {
			userAgent = userAgent.substring(0, 256);
		}
	}

}
