package io.gatehouse.userpool.client;

/** The OAuth flows of a client are refused: an unsupported flow, or flows that can't be combined. */
public final class OAuthFlowNotAllowedException extends RuntimeException {

	public OAuthFlowNotAllowedException(String message) {
		super(message, null, false, false);
	}

}
