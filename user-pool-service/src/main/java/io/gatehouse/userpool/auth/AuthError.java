package io.gatehouse.userpool.auth;

/**
 * Why a sign-in step, sign-up or recovery operation was refused, with the Cognito error type each door
 * translates it to and a message safe for any caller. Which of these a caller can see is decided once, by the
 * engine and the account services, from the client's {@code PreventUserExistenceErrors}: with
 * {@code ENABLED} an unknown user, a wrong password and a lockout are all {@link #NOT_AUTHORIZED}.
 */
public enum AuthError {

	/** Unknown user, wrong password, or (unless the client reveals users) a lockout. */
	NOT_AUTHORIZED("NotAuthorizedException", "Incorrect username or password."),

	/** Only for clients with {@code PreventUserExistenceErrors=LEGACY}. */
	USER_NOT_FOUND("UserNotFoundException", "User does not exist."),

	/** Only after the right password. */
	USER_DISABLED("NotAuthorizedException", "User is disabled."),

	/** Only after the right password. */
	USER_NOT_CONFIRMED("UserNotConfirmedException", "User is not confirmed."),

	/** Only after the right password. */
	PASSWORD_RESET_REQUIRED("PasswordResetRequiredException", "Password reset required for the user"),

	/** Only after the right temporary password. */
	TEMPORARY_PASSWORD_EXPIRED("NotAuthorizedException",
			"Temporary password has expired and must be reset by an administrator."),

	/** A lockout, for clients with {@code PreventUserExistenceErrors=LEGACY} only. */
	PASSWORD_ATTEMPTS_EXCEEDED("NotAuthorizedException", "Password attempts exceeded"),

	/** The Session is unknown, used, expired, or belongs to another pool, client or challenge. */
	SESSION_EXPIRED("NotAuthorizedException", "Invalid session for the user, session is expired."),

	/** The new password breaks the pool's policy; the message names the rule. */
	INVALID_PASSWORD("InvalidPasswordException", "Password does not conform to policy."),

	INVALID_PARAMETER("InvalidParameterException", "A parameter is not valid."),

	/** {@code AdminCreateUserConfig.AllowAdminCreateUserOnly}. */
	SIGN_UP_NOT_PERMITTED("NotAuthorizedException", "SignUp is not permitted for this user pool"),

	/** {@code AccountRecoverySetting} is {@code admin_only}. */
	RECOVERY_NOT_PERMITTED("NotAuthorizedException", "User password cannot be reset in the current state."),

	/** ConfirmSignUp of a user who is not waiting for confirmation (clients that reveal users only). */
	CANNOT_CONFIRM("NotAuthorizedException", "User cannot be confirmed. Current status is CONFIRMED"),

	/** A verified email or phone given here is another user's sign-in name. */
	ALIAS_EXISTS("AliasExistsException", "An account with the given email already exists."),

	CODE_MISMATCH("CodeMismatchException", "Invalid verification code provided, please try again."),

	EXPIRED_CODE("ExpiredCodeException", "Invalid code provided, please request a code again."),

	/** Too many wrong current passwords at ChangePassword (the sign-in lockout, told as Cognito tells it there). */
	LIMIT_EXCEEDED("LimitExceededException", "Attempt limit exceeded, please try after some time."),

	TOO_MANY_FAILED_ATTEMPTS("TooManyFailedAttemptsException", "Attempt limit exceeded, please try after some time.");

	private final String errorType;

	private final String defaultMessage;

	AuthError(String errorType, String defaultMessage) {
		this.errorType = errorType;
		this.defaultMessage = defaultMessage;
	}

	/** The AWS error type ({@code __type}) of the Cognito API reference. */
	public String errorType() {
		return this.errorType;
	}

	public String defaultMessage() {
		return this.defaultMessage;
	}

}
