package io.gatehouse.userpool.cognito;

import org.springframework.http.HttpStatus;

/**
 * The errors of the Cognito API door: AWS error type ({@code __type} and {@code x-amzn-ErrorType}),
 * HTTP status, and a message safe for any caller when the cause has none to offer. Types and statuses
 * are those of the Cognito user pools API reference and its "Common Errors".
 */
enum CognitoError {

	INVALID_PARAMETER("InvalidParameterException", HttpStatus.BAD_REQUEST, "A parameter is not valid."),

	RESOURCE_NOT_FOUND("ResourceNotFoundException", HttpStatus.BAD_REQUEST, "The resource does not exist."),

	INVALID_OAUTH_FLOW("InvalidOAuthFlowException", HttpStatus.BAD_REQUEST, "The OAuth flow is not valid."),

	SCOPE_DOES_NOT_EXIST("ScopeDoesNotExistException", HttpStatus.BAD_REQUEST, "The scope does not exist."),

	USER_NOT_FOUND("UserNotFoundException", HttpStatus.BAD_REQUEST, "User does not exist."),

	USERNAME_EXISTS("UsernameExistsException", HttpStatus.BAD_REQUEST, "User already exists"),

	ALIAS_EXISTS("AliasExistsException", HttpStatus.BAD_REQUEST, "An account with the given alias already exists."),

	INVALID_PASSWORD("InvalidPasswordException", HttpStatus.BAD_REQUEST, "The password does not conform to the policy."),

	GROUP_EXISTS("GroupExistsException", HttpStatus.BAD_REQUEST, "A group with the name already exists."),

	NOT_AUTHORIZED("NotAuthorizedException", HttpStatus.BAD_REQUEST, "Not authorized."),

	UNSUPPORTED_USER_STATE("UnsupportedUserStateException", HttpStatus.BAD_REQUEST,
			"The user is in a state that does not allow this request."),

	CODE_DELIVERY_FAILURE("CodeDeliveryFailureException", HttpStatus.BAD_REQUEST,
			"The message could not be delivered."),

	LIMIT_EXCEEDED("LimitExceededException", HttpStatus.BAD_REQUEST, "Attempt limit exceeded, please try after some time."),

	USER_NOT_CONFIRMED("UserNotConfirmedException", HttpStatus.BAD_REQUEST, "User is not confirmed."),

	PASSWORD_RESET_REQUIRED("PasswordResetRequiredException", HttpStatus.BAD_REQUEST,
			"Password reset required for the user"),

	CODE_MISMATCH("CodeMismatchException", HttpStatus.BAD_REQUEST,
			"Invalid verification code provided, please try again."),

	EXPIRED_CODE("ExpiredCodeException", HttpStatus.BAD_REQUEST, "Invalid code provided, please request a code again."),

	TOO_MANY_FAILED_ATTEMPTS("TooManyFailedAttemptsException", HttpStatus.BAD_REQUEST,
			"Attempt limit exceeded, please try after some time."),

	TOO_MANY_REQUESTS("TooManyRequestsException", HttpStatus.TOO_MANY_REQUESTS, "Too many requests."),

	UNSUPPORTED_OPERATION("UnsupportedOperationException", HttpStatus.BAD_REQUEST,
			"The operation is not enabled for this client."),

	UNSUPPORTED_TOKEN_TYPE("UnsupportedTokenTypeException", HttpStatus.BAD_REQUEST,
			"Only refresh tokens can be revoked."),

	UNKNOWN_OPERATION("UnknownOperationException", HttpStatus.BAD_REQUEST, "The operation is not supported."),

	MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationTokenException", HttpStatus.BAD_REQUEST,
			"Missing Authentication Token"),

	INCOMPLETE_SIGNATURE("IncompleteSignatureException", HttpStatus.BAD_REQUEST,
			"The request signature does not conform to AWS standards."),

	INVALID_SIGNATURE("InvalidSignatureException", HttpStatus.BAD_REQUEST,
			"The request signature we calculated does not match the signature you provided."),

	UNRECOGNIZED_CLIENT("UnrecognizedClientException", HttpStatus.BAD_REQUEST,
			"The security token included in the request is invalid."),

	INTERNAL_ERROR("InternalErrorException", HttpStatus.INTERNAL_SERVER_ERROR, "An internal error occurred."),

	SERVICE_UNAVAILABLE("ServiceUnavailableException", HttpStatus.SERVICE_UNAVAILABLE,
			"The service is temporarily unavailable. Try again later.");

	private final String type;

	private final HttpStatus status;

	private final String defaultMessage;

	CognitoError(String type, HttpStatus status, String defaultMessage) {
		this.type = type;
		this.status = status;
		this.defaultMessage = defaultMessage;
	}

	/** The error with AWS error type {@code type}, for errors decided by a feature in those terms. */
	static CognitoError ofType(String type) {
		for (CognitoError error : values()) {
			if (error.type.equals(type)) {
				return error;
			}
		}
		return INTERNAL_ERROR;
	}

	String type() {
		return this.type;
	}

	HttpStatus status() {
		return this.status;
	}

	String defaultMessage() {
		return this.defaultMessage;
	}

}
