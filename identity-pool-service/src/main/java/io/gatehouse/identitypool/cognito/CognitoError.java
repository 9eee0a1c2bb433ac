package io.gatehouse.identitypool.cognito;

import io.gatehouse.identitypool.Refusal;
import io.gatehouse.identitypool.credentials.Authentication;

/**
 * The errors of the Cognito Identity API, as the AWS API reference names them: type name, HTTP status and
 * a message safe to show when the cause has none of its own.
 */
enum CognitoError {

	INVALID_PARAMETER("InvalidParameterException", 400, "The request is not valid."),
	RESOURCE_NOT_FOUND("ResourceNotFoundException", 400, "The resource was not found."),
	RESOURCE_CONFLICT("ResourceConflictException", 400, "The resource is in conflict."),
	NOT_AUTHORIZED("NotAuthorizedException", 400, "Not authorized."),
	INVALID_POOL_CONFIGURATION("InvalidIdentityPoolConfigurationException", 400,
			"Invalid identity pool configuration. Check assigned IAM roles for this pool."),
	LIMIT_EXCEEDED("LimitExceededException", 400, "A limit was exceeded."),
	EXTERNAL_SERVICE("ExternalServiceException", 400, "An external identity provider could not be reached."),
	TOO_MANY_REQUESTS("TooManyRequestsException", 429, "Too many requests."),
	UNKNOWN_OPERATION("UnknownOperationException", 400, "The operation is not known."),
	SERIALIZATION("SerializationException", 400, "The request body is not valid JSON for this operation."),
	MISSING_AUTHENTICATION("MissingAuthenticationTokenException", 403, "Missing Authentication Token"),
	INCOMPLETE_SIGNATURE("IncompleteSignatureException", 400, "The request signature is incomplete."),
	UNRECOGNIZED_CLIENT("UnrecognizedClientException", 400, "The security token included in the request is invalid."),
	INVALID_SIGNATURE("InvalidSignatureException", 400, "The request signature is not valid."),
	EXPIRED_TOKEN("ExpiredTokenException", 400, "The security token included in the request is expired"),
	ACCESS_DENIED("AccessDeniedException", 400, "The caller is not allowed to perform this action."),
	INTERNAL("InternalErrorException", 500, "An internal error occurred."),
	/** The database is unreachable: the API's own server-fault type, with 503 so clients retry. */
	SERVICE_UNAVAILABLE("InternalErrorException", 503, "The service is temporarily unavailable. Try again later.");

	private final String type;

	private final int status;

	private final String defaultMessage;

	CognitoError(String type, int status, String defaultMessage) {
		this.type = type;
		this.status = status;
		this.defaultMessage = defaultMessage;
	}

	String type() {
		return this.type;
	}

	int status() {
		return this.status;
	}

	String defaultMessage() {
		return this.defaultMessage;
	}

	static CognitoError of(Refusal refusal) {
		return switch (refusal) {
			case INVALID_PARAMETER, MALFORMED_POLICY -> INVALID_PARAMETER;
			case NOT_FOUND -> RESOURCE_NOT_FOUND;
			case ALREADY_EXISTS, CONFLICT -> RESOURCE_CONFLICT;
			case NOT_AUTHORIZED, EXPIRED_TOKEN -> NOT_AUTHORIZED;
			case TOO_MANY_REQUESTS -> TOO_MANY_REQUESTS;
			case ACCESS_DENIED -> ACCESS_DENIED;
			case INVALID_POOL_CONFIGURATION -> INVALID_POOL_CONFIGURATION;
			case LIMIT_EXCEEDED -> LIMIT_EXCEEDED;
			case EXTERNAL_SERVICE -> EXTERNAL_SERVICE;
		};
	}

	static CognitoError of(Authentication.Failure failure) {
		return switch (failure) {
			case MISSING -> MISSING_AUTHENTICATION;
			case INCOMPLETE -> INCOMPLETE_SIGNATURE;
			case UNRECOGNIZED -> UNRECOGNIZED_CLIENT;
			case INVALID_SIGNATURE -> INVALID_SIGNATURE;
			case EXPIRED_TOKEN -> EXPIRED_TOKEN;
		};
	}

}
