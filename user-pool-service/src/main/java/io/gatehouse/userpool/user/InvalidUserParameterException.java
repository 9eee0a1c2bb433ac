package io.gatehouse.userpool.user;

import java.util.Optional;

/**
 * An attribute or username broke the pool's rules; maps to Cognito's {@code InvalidParameterException}. The
 * message names the attribute (sanitized) and the rule, never the value.
 */
public final class InvalidUserParameterException extends RuntimeException {

	private final String attributeName;

	InvalidUserParameterException(String attributeName, String message) {
		super(message, null, false, false);
		this.attributeName = attributeName;
	}

	static InvalidUserParameterException attribute(String name, String reason) {
		String safeName = AttributeValidator.safeName(name);
		return new InvalidUserParameterException(safeName,
				"Attributes did not conform to the schema: " + safeName + ": " + reason);
	}

	static InvalidUserParameterException username(String message) {
		return new InvalidUserParameterException(null, message);
	}

	/** The offending attribute, sanitized; empty when the username itself was refused. */
	public Optional<String> attributeName() {
		return Optional.ofNullable(this.attributeName);
	}

}
