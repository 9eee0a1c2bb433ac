package io.gatehouse.userpool.group;

/** CreateGroup with a name the pool already has; Cognito's {@code GroupExistsException}. */
public final class GroupExistsException extends RuntimeException {

	GroupExistsException() {
		super("A group with the name already exists.", null, false, false);
	}

}
