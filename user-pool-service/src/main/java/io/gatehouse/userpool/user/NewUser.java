package io.gatehouse.userpool.user;

import java.util.Map;

/**
 * A command to create a user.
 *
 * @param username what the caller gave as {@code Username}; for a pool with {@code UsernameAttributes} an
 * email address or phone number, which becomes that attribute while the username becomes the new sub
 * @param attributes initial attributes (validated against the pool schema)
 * @param password the password, or {@code null} for a user without one (federated, or a temporary password
 * to be set later)
 * @param status the initial status: {@code UNCONFIRMED} for sign-up, {@code FORCE_CHANGE_PASSWORD} when
 * {@code password} is an administrator's temporary password, {@code CONFIRMED}, {@code EXTERNAL_PROVIDER}
 * @param writer who writes the attributes
 */
public record NewUser(String username, Map<String, String> attributes, String password, UserStatus status,
		AttributeWriter writer) {

	public NewUser {
		attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
	}

	@Override
	public String toString() {
		return "NewUser[username=" + this.username + ", status=" + this.status + ", password=[redacted]]";
	}

}
