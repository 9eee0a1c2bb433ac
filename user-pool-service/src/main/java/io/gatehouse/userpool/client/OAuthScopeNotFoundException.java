package io.gatehouse.userpool.client;

/** A client names an OAuth scope that is neither a Cognito scope nor a resource-server scope. */
public final class OAuthScopeNotFoundException extends RuntimeException {

	public OAuthScopeNotFoundException(String message) {
		super(message, null, false, false);
	}

}
