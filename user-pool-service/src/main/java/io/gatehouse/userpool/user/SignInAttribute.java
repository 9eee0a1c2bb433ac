package io.gatehouse.userpool.user;

/**
 * An attribute that can name a user at sign-in: Cognito's {@code UsernameAttributes} (email or phone number
 * instead of a username) and {@code AliasAttributes} (email, phone number or preferred username as well as
 * the username).
 */
public enum SignInAttribute {

	EMAIL(StandardAttributes.EMAIL),

	PHONE_NUMBER(StandardAttributes.PHONE_NUMBER),

	PREFERRED_USERNAME(StandardAttributes.PREFERRED_USERNAME);

	private final String attributeName;

	SignInAttribute(String attributeName) {
		this.attributeName = attributeName;
	}

	/** The attribute and wire name: {@code email}, {@code phone_number}, {@code preferred_username}. */
	public String attributeName() {
		return this.attributeName;
	}

	public static SignInAttribute fromAttributeName(String name) {
		for (SignInAttribute attribute : values()) {
			if (attribute.attributeName.equals(name)) {
				return attribute;
			}
		}
		throw new IllegalArgumentException("not a sign-in attribute");
	}

}
