package io.gatehouse.userpool.admin;

import io.gatehouse.shared.sigv4.SigV4Failure;

/** Whether a request may call admin operations. */
public sealed interface AdminAuthentication {

	/** Signed with a known admin key. */
	record Authenticated(String accessKeyId) implements AdminAuthentication {
	}

	/**
	 * Refused before anything happened.
	 *
	 * @param message safe to send to the caller
	 */
	record Refused(SigV4Failure failure, String message) implements AdminAuthentication {
	}

}
