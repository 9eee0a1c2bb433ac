package io.gatehouse.userpool.user;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A user as the rest of the service sees it. {@code attributes} holds every attribute with a value, the
 * standard ones, {@code custom:*} and {@code dev:*}, including {@code sub}, as Cognito returns them. The
 * password hash is never part of it.
 *
 * @param username the username as given at creation (for a pool with {@code UsernameAttributes}, the sub)
 * @param passwordChangedAt when the password was last set (tokens and sessions older than this may be revoked)
 * @param temporaryPasswordExpiresAt for {@link UserStatus#FORCE_CHANGE_PASSWORD}, when the temporary password
 * stops working; otherwise {@code null}
 */
public record User(UUID sub, String poolId, String username, Map<String, String> attributes, UserStatus status,
		boolean enabled, Instant createdAt, Instant updatedAt, Instant passwordChangedAt,
		Instant temporaryPasswordExpiresAt) {

	public User {
		attributes = Map.copyOf(attributes);
	}

	public Optional<String> attribute(String name) {
		return Optional.ofNullable(this.attributes.get(name));
	}

	public Optional<String> email() {
		return attribute(StandardAttributes.EMAIL);
	}

	public boolean emailVerified() {
		return "true".equals(this.attributes.get(StandardAttributes.EMAIL_VERIFIED));
	}

	public Optional<String> phoneNumber() {
		return attribute(StandardAttributes.PHONE_NUMBER);
	}

	public boolean phoneNumberVerified() {
		return "true".equals(this.attributes.get(StandardAttributes.PHONE_NUMBER_VERIFIED));
	}

}
