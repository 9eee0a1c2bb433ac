package io.gatehouse.identitypool.credentials;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "session_key")
class SessionKey {

	@Id
	private String kid;

	@Column(name = "key_encrypted", nullable = false)
	private String keyEncrypted;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected SessionKey() {
	}

	SessionKey(String kid, String keyEncrypted, Instant createdAt) {
		this.kid = kid;
		this.keyEncrypted = keyEncrypted;
		this.createdAt = createdAt;
	}

	String kid() {
		return this.kid;
	}

	String keyEncrypted() {
		return this.keyEncrypted;
	}

	Instant createdAt() {
		return this.createdAt;
	}

}
