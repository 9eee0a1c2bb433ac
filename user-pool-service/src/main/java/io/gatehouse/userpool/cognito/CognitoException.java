package io.gatehouse.userpool.cognito;

/** An error decided at the door (wire shape, authentication), carried to the response as is. */
final class CognitoException extends RuntimeException {

	private final CognitoError error;

	CognitoException(CognitoError error, String message) {
		super((message != null) ? message : error.defaultMessage(), null, false, false);
		this.error = error;
	}

	CognitoError error() {
		return this.error;
	}

}
