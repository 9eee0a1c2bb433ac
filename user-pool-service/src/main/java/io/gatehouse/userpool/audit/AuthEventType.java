package io.gatehouse.userpool.audit;

/** Cognito's {@code EventType} of {@code AuthEventType} (AdminListUserAuthEvents). */
public enum AuthEventType {

	SIGN_IN("SignIn"),

	SIGN_UP("SignUp"),

	FORGOT_PASSWORD("ForgotPassword"),

	PASSWORD_CHANGE("PasswordChange"),

	RESEND_CODE("ResendCode");

	private final String wireName;

	AuthEventType(String wireName) {
		this.wireName = wireName;
	}

	/** The name on the wire and in the {@code action} column. */
	public String wireName() {
		return this.wireName;
	}

	static AuthEventType fromWireName(String name) {
		for (AuthEventType type : values()) {
			if (type.wireName.equals(name)) {
				return type;
			}
		}
		throw new IllegalArgumentException("unknown auth event type");
	}

}
