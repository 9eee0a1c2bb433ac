package io.gatehouse.identitypool.credentials;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "admin_key")
class AdminKey {

	@Id
	@Column(name = "access_key_id")
	private String accessKeyId;

	@Column(name = "secret_encrypted", nullable = false)
	private String secretEncrypted;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected AdminKey() {
	}

	AdminKey(String accessKeyId, String secretEncrypted, Instant createdAt) {
		this.accessKeyId = accessKeyId;
		this.secretEncrypted = secretEncrypted;
		this.createdAt = createdAt;
	}

	String accessKeyId() {
		return this.accessKeyId;
	}

	String secretEncrypted() {
		return this.secretEncrypted;
	}

}
