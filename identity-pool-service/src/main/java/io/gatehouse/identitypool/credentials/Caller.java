package io.gatehouse.identitypool.credentials;

/** Who signed a request. */
public sealed interface Caller {

	/** A long-term admin access key. */
	record Admin(String accessKeyId) implements Caller {
	}

	/** Temporary credentials for a role, issued to an identity of an identity pool. */
	record AssumedRole(SessionClaims session) implements Caller {
	}

}
