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
		ADMIN_SIGV4,

		/**
		 * The app client named by {@code ClientId} (SignUp, InitiateAuth, ForgotPassword...): anyone may call,
		 * a confidential client's calls need its {@code SecretHash}. An {@code Authorization} header an SDK adds
		 * anyway is ignored, as Cognito ignores it.
		 */
		CLIENT,

		/**
		 * The user's access token in {@code AccessToken}, with scope {@code aws.cognito.signin.user.admin}
		 * (GetUser, ChangePassword, GlobalSignOut...). An {@code Authorization} header is ignored here too.
		 */
		ACCESS_TOKEN

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
