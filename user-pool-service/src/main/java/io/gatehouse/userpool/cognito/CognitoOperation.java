package io.gatehouse.userpool.cognito;

import tools.jackson.databind.node.ObjectNode;

/**
 * One operation of {@code AWSCognitoIdentityProviderService}: its name (the {@code X-Amz-Target} suffix),
 * how its caller is authenticated, and the adapter that turns the request into a service call.
 */
record CognitoOperation(String name, Authentication authentication, Handler handler) {

	/** How callers of an operation prove who they are. */
	enum Authentication {

		/** AWS SigV4 with an admin key: Admin* and pool/client management. */
		ADMIN_SIGV4

	}

	@FunctionalInterface
	interface Handler {

		ObjectNode handle(WireRequest request);

	}

	/** A group of operations; every bean of this type is served by the door. */
	interface Group {

		java.util.List<CognitoOperation> operations();

	}

}
