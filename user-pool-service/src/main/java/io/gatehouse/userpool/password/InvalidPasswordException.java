package io.gatehouse.userpool.password;

/**
 * A password broke a rule; maps to Cognito's {@code InvalidPasswordException}. The message is safe to show
 * and never contains the password.
 */
public final class InvalidPasswordException extends RuntimeException {

	private final PasswordRule rule;

	public InvalidPasswordException(PasswordRule rule) {
		super(rule.message(), null, false, false);
		this.rule = rule;
	}

	public PasswordRule rule() {
		return this.rule;
	}

}
