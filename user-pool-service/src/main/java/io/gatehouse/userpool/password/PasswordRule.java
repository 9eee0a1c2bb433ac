package io.gatehouse.userpool.password;

/** The rule a refused password broke, with Cognito's {@code InvalidPasswordException} wording. */
public enum PasswordRule {

	TOO_SHORT("Password not long enough"),

	TOO_LONG("Password is too long"),

	MISSING_UPPERCASE("Password must have uppercase characters"),

	MISSING_LOWERCASE("Password must have lowercase characters"),

	MISSING_NUMBER("Password must have numeric characters"),

	MISSING_SYMBOL("Password must have symbol characters"),

	COMMON_PASSWORD("Password is too common"),

	CONTAINS_CONTEXT_WORD("Password must not contain the user name, email or user pool name");

	private final String reason;

	PasswordRule(String reason) {
		this.reason = reason;
	}

	/** The message a client may see: {@code Password did not conform with policy: <reason>}. */
	public String message() {
		return "Password did not conform with policy: " + this.reason;
	}

}
