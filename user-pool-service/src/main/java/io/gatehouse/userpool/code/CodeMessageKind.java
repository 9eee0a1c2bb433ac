package io.gatehouse.userpool.code;

/** What a mailed code is for, which decides the default wording and the hosted page it links to. */
public enum CodeMessageKind {

	/** Sign-up confirmation; links to the hosted confirm page. */
	SIGN_UP,

	/** Forgot password; links to the hosted reset page. */
	FORGOT_PASSWORD,

	/** Attribute verification ({@code GetUserAttributeVerificationCode}); no link. */
	VERIFY_ATTRIBUTE

}
