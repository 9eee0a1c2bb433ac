package io.gatehouse.userpool.hostedui;

/** The pool of a hosted page does not exist (or its id is malformed): the 404 page, nothing more. */
final class HostedPageNotFoundException extends RuntimeException {

	HostedPageNotFoundException() {
		super("no such user pool", null, false, false);
	}

}
