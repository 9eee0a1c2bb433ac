package io.gatehouse.identitypool.cognito;

/** A refusal already in the Cognito catalogue's terms. */
final class CognitoException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final CognitoError error;

	CognitoException(CognitoError error, String message) {
		super(message, null, false, false);
		this.error = error;
	}

	CognitoException(CognitoError error) {
		this(error, error.defaultMessage());
	}

	CognitoError error() {
		return this.error;
	}

}
