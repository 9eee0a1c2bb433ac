package io.gatehouse.identitypool.credentials;

/** The outcome of authenticating a signed request. */
public sealed interface Authentication {

	record Authenticated(Caller caller) implements Authentication {
	}

	/** Refused; the message is safe to send to the caller. */
	record Refused(Failure failure, String message) implements Authentication {
	}

	enum Failure {

		/** No signature at all. */
		MISSING,

		/** An incomplete or malformed {@code Authorization} header. */
		INCOMPLETE,

		/** The access key id is unknown, or the session token is not one this installation sealed. */
		UNRECOGNIZED,

		/** The signature does not match, names another region or service, or is outside the clock skew. */
		INVALID_SIGNATURE,

		/** The temporary credentials have expired. */
		EXPIRED_TOKEN

	}

}
