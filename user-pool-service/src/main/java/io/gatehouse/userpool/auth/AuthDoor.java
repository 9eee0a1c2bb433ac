package io.gatehouse.userpool.auth;

/** The way a sign-in came in, recorded with every authentication event. */
public enum AuthDoor {

	/** The hosted pages (the OAuth 2.0 authorization code flow). */
	HOSTED_UI,

	/** {@code InitiateAuth} / {@code RespondToAuthChallenge}. */
	USER_API,

	/** {@code AdminInitiateAuth} / {@code AdminRespondToAuthChallenge}. */
	ADMIN_API

}
