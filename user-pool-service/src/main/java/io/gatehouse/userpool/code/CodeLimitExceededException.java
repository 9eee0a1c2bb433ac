package io.gatehouse.userpool.code;

/** Too many codes asked for one purpose in the window; maps to Cognito's {@code LimitExceededException}. */
public final class CodeLimitExceededException extends RuntimeException {

	CodeLimitExceededException() {
		super("Attempt limit exceeded, please try after some time.", null, false, false);
	}

}
