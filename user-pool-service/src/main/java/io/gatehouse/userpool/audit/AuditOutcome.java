package io.gatehouse.userpool.audit;

/** How an audited action ended. */
public enum AuditOutcome {

	/** Done: an admin operation succeeded, or a user authenticated (Cognito's {@code Pass}). */
	SUCCESS,

	/** Attempted by an authenticated admin or a user and failed (Cognito's {@code Fail}). */
	FAILURE,

	/** Refused before anything happened: the caller could not be authenticated. */
	REFUSED,

	/** An authentication that continues with a challenge (Cognito's {@code InProgress}). */
	IN_PROGRESS

}
