package io.gatehouse.identitypool.role;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "role")
class Role {

	@Id
	private String name;

	@Column(name = "role_id", nullable = false)
	private String roleId;

	@Column(nullable = false)
	private String path;

	private String description;

	@Column(name = "assume_role_policy", nullable = false)
	private String assumeRolePolicy;

	@Column(name = "max_session_duration", nullable = false)
	private int maxSessionDuration;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Version
	private long version;

	protected Role() {
	}

	Role(String name, String roleId, String path, String description, String assumeRolePolicy, int maxSessionDuration,
			Instant createdAt) {
		this.name = name;
		this.roleId = roleId;
		this.path = path;
		this.description = description;
		this.assumeRolePolicy = assumeRolePolicy;
		this.maxSessionDuration = maxSessionDuration;
		this.createdAt = createdAt;
	}

	String name() {
		return this.name;
	}

	String roleId() {
		return this.roleId;
	}

	String path() {
		return this.path;
	}

	String description() {
		return this.description;
	}

	String assumeRolePolicy() {
		return this.assumeRolePolicy;
	}

	int maxSessionDuration() {
		return this.maxSessionDuration;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	void assumeRolePolicy(String document) {
		this.assumeRolePolicy = document;
	}

	/** Marks the role changed when only its inline policies changed, so the version moves. */
	void touch() {
		this.version++;
	}

}
