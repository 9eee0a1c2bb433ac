package io.gatehouse.userpool.user;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

/**
 * The {@code user_account} row. The sign-in throttling columns are deliberately not mapped: they change
 * only through atomic SQL in {@link SignInThrottle}, and a JPA update of a stale entity must never
 * overwrite them.
 */
@Entity
@Table(name = "user_account")
class UserAccount {

	@Id
	private UUID sub;

	@Column(name = "pool_id", nullable = false, updatable = false)
	private String poolId;

	@Column(nullable = false, updatable = false)
	private String username;

	@Column(name = "username_key", nullable = false, updatable = false)
	private String usernameKey;

	@Column(name = "sign_in_email")
	private String signInEmail;

	@Column(name = "sign_in_phone")
	private String signInPhone;

	@Column(name = "sign_in_preferred_username")
	private String signInPreferredUsername;

	@Convert(converter = AttributesJsonConverter.class)
	@ColumnTransformer(write = "?::jsonb")
	@Column(nullable = false, columnDefinition = "jsonb")
	private Map<String, String> attributes = new LinkedHashMap<>();

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private UserStatus status;

	@Column(nullable = false)
	private boolean enabled;

	@Column(name = "password_hash")
	private String passwordHash;

	@Column(name = "password_changed_at")
	private Instant passwordChangedAt;

	@Column(name = "temporary_password_expires_at")
	private Instant temporaryPasswordExpiresAt;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected UserAccount() {
	}

	UserAccount(UUID sub, String poolId, String username, String usernameKey, Instant now) {
		this.sub = sub;
		this.poolId = poolId;
		this.username = username;
		this.usernameKey = usernameKey;
		this.enabled = true;
		this.createdAt = now;
		this.updatedAt = now;
	}

	User toUser() {
		return new User(this.sub, this.poolId, this.username, this.attributes, this.status, this.enabled,
				this.createdAt, this.updatedAt, this.passwordChangedAt, this.temporaryPasswordExpiresAt);
	}

	UUID sub() {
		return this.sub;
	}

	String usernameKey() {
		return this.usernameKey;
	}

	SignInNames signInNames() {
		return new SignInNames(this.signInEmail, this.signInPhone, this.signInPreferredUsername);
	}

	boolean enabled() {
		return this.enabled;
	}

	Instant passwordChangedAt() {
		return this.passwordChangedAt;
	}

	Instant temporaryPasswordExpiresAt() {
		return this.temporaryPasswordExpiresAt;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	String poolId() {
		return this.poolId;
	}

	String username() {
		return this.username;
	}

	Map<String, String> attributes() {
		return this.attributes;
	}

	void attributes(Map<String, String> attributes, SignInNames signInNames, Instant now) {
		this.attributes = new LinkedHashMap<>(attributes);
		this.signInEmail = signInNames.email();
		this.signInPhone = signInNames.phone();
		this.signInPreferredUsername = signInNames.preferredUsername();
		this.updatedAt = now;
	}

	UserStatus status() {
		return this.status;
	}

	void status(UserStatus status, Instant now) {
		this.status = status;
		this.updatedAt = now;
	}

	void enabled(boolean enabled, Instant now) {
		this.enabled = enabled;
		this.updatedAt = now;
	}

	String passwordHash() {
		return this.passwordHash;
	}

	/** Replaces the hash of the same password (stronger parameters); not a password change. */
	void rehash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	void password(String passwordHash, Instant temporaryPasswordExpiresAt, Instant now) {
		this.passwordHash = passwordHash;
		this.passwordChangedAt = now;
		this.temporaryPasswordExpiresAt = temporaryPasswordExpiresAt;
		this.updatedAt = now;
	}

}
