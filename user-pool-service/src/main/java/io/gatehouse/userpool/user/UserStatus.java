package io.gatehouse.userpool.user;

/** Cognito's {@code UserStatusType}, the values Gatehouse produces. */
public enum UserStatus {

	/** Signed up, not yet confirmed by code or administrator. */
	UNCONFIRMED,

	CONFIRMED,

	/** Created by an administrator with a temporary password that must be changed at first sign-in. */
	FORCE_CHANGE_PASSWORD,

	/** An administrator required a password reset; sign-in must go through forgot-password. */
	RESET_REQUIRED,

	/** Created by a federated sign-in; has no password here. */
	EXTERNAL_PROVIDER

}
