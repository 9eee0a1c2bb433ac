package io.gatehouse.userpool.group;

/** No such group in the pool; Cognito answers {@code ResourceNotFoundException}. */
public final class GroupNotFoundException extends RuntimeException {

	GroupNotFoundException() {
		super("Group not found.", null, false, false);
	}

}
