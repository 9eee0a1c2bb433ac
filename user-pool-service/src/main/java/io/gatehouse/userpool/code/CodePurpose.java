package io.gatehouse.userpool.code;

/**
 * What a one-time code proves. A user has at most one live code per purpose; issuing another supersedes
 * it. Later features add their purposes here (MFA codes, for instance) and get the same guarantees.
 */
public enum CodePurpose {

	/** {@code SignUp} / {@code ResendConfirmationCode} → {@code ConfirmSignUp}. */
	SIGN_UP_CONFIRMATION,

	/** {@code ForgotPassword} → {@code ConfirmForgotPassword}. */
	FORGOT_PASSWORD,

	/** {@code GetUserAttributeVerificationCode} → {@code VerifyUserAttribute} for {@code email}. */
	VERIFY_EMAIL,

	/** {@code GetUserAttributeVerificationCode} → {@code VerifyUserAttribute} for {@code phone_number}. */
	VERIFY_PHONE_NUMBER,

	/** {@code EMAIL_OTP} sign-in challenge. */
	EMAIL_OTP,

	/** {@code SMS_MFA} / {@code SMS_OTP} sign-in challenge. */
	SMS_OTP

}
