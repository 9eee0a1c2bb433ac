package io.gatehouse.identitypool.iam;

import io.gatehouse.identitypool.Refusal;
import io.gatehouse.identitypool.credentials.Authentication;

/** IAM's error codes (IAM API Reference, "Common Errors" and each action's errors). */
enum IamError {

	INVALID_INPUT("Sender", "InvalidInput", 400),
	VALIDATION("Sender", "ValidationError", 400),
	MALFORMED_POLICY("Sender", "MalformedPolicyDocument", 400),
	NO_SUCH_ENTITY("Sender", "NoSuchEntity", 404),
	ENTITY_ALREADY_EXISTS("Sender", "EntityAlreadyExists", 409),
	DELETE_CONFLICT("Sender", "DeleteConflict", 409),
	LIMIT_EXCEEDED("Sender", "LimitExceeded", 409),
	INVALID_ACTION("Sender", "InvalidAction", 400),
	MISSING_AUTHENTICATION("Sender", "MissingAuthenticationToken", 403),
	INCOMPLETE_SIGNATURE("Sender", "IncompleteSignature", 403),
	INVALID_CLIENT_TOKEN_ID("Sender", "InvalidClientTokenId", 403),
	SIGNATURE_DOES_NOT_MATCH("Sender", "SignatureDoesNotMatch", 403),
	EXPIRED_TOKEN("Sender", "ExpiredToken", 403),
	ACCESS_DENIED("Sender", "AccessDenied", 403),
	THROTTLING("Sender", "Throttling", 400),
	SERVICE_UNAVAILABLE("Receiver", "ServiceUnavailable", 503),
	SERVICE_FAILURE("Receiver", "ServiceFailure", 500);

	static final String NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";

	private final String type;

	private final String code;

	private final int status;

	IamError(String type, String code, int status) {
		this.type = type;
		this.code = code;
		this.status = status;
	}

	String type() {
		return this.type;
	}

	String code() {
		return this.code;
	}

	int status() {
		return this.status;
	}

	static IamError of(Refusal refusal) {
		return switch (refusal) {
			case INVALID_PARAMETER, NOT_AUTHORIZED, EXPIRED_TOKEN, INVALID_POOL_CONFIGURATION, EXTERNAL_SERVICE -> INVALID_INPUT;
			case MALFORMED_POLICY -> MALFORMED_POLICY;
			case NOT_FOUND -> NO_SUCH_ENTITY;
			case ALREADY_EXISTS -> ENTITY_ALREADY_EXISTS;
			case CONFLICT -> DELETE_CONFLICT;
			case LIMIT_EXCEEDED -> LIMIT_EXCEEDED;
			case TOO_MANY_REQUESTS -> THROTTLING;
			case ACCESS_DENIED -> ACCESS_DENIED;
		};
	}

	static IamError of(Authentication.Failure failure) {
		return switch (failure) {
			case MISSING -> MISSING_AUTHENTICATION;
			case INCOMPLETE -> INCOMPLETE_SIGNATURE;
			case UNRECOGNIZED -> INVALID_CLIENT_TOKEN_ID;
			case INVALID_SIGNATURE -> SIGNATURE_DOES_NOT_MATCH;
			case EXPIRED_TOKEN -> EXPIRED_TOKEN;
		};
	}

}
