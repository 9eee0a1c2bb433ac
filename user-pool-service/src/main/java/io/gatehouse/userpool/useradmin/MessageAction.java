package io.gatehouse.userpool.useradmin;

/** Cognito's {@code MessageActionType} of AdminCreateUser. */
public enum MessageAction {

	/** Send the invitation again to an existing user, with a new temporary password. */
	RESEND,

	/** Create the user without sending anything. */
	SUPPRESS

}
