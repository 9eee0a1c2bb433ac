package io.gatehouse.userpool.user;

import java.time.Instant;

/**
 * The outcome of checking a password at sign-in ({@link UserService#checkPassword}). Every outcome took
 * one Argon2 verification, so none can be told from another by timing. The sign-in flow maps them to wire
 * errors: with {@code PreventUserExistenceErrors} enabled, {@link UnknownUser} and {@link WrongPassword}
 * must give the same answer.
 */
public sealed interface PasswordCheck {

	/** The password is right and the user is not locked out. The caller still checks enabled and status. */
	record Authenticated(User user) implements PasswordCheck {
	}

	/** @param sub the user whose password it was not (for the audit trail; never shown to the caller) */
	record WrongPassword(java.util.UUID sub, LockoutState lockout) implements PasswordCheck {
	}

	record UnknownUser() implements PasswordCheck {
	}

	/** Too many failures: refused whatever the password was. */
	record LockedOut(java.util.UUID sub, Instant lockedUntil) implements PasswordCheck {
	}

	/** The right temporary password, but past {@code TemporaryPasswordValidityDays}. */
	record TemporaryPasswordExpired(User user) implements PasswordCheck {
	}

}
