package io.gatehouse.userpool.admin;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "admin_access_key")
class AdminAccessKeyEntity {

	enum Origin {

		CONFIGURED, GENERATED

	}

	@Id
	@Column(name = "access_key_id")
	private String accessKeyId;

	/** The secret access key sealed under the master key, bound to the key id. */
	@Column(name = "secret_ciphertext", nullable = false)
	private String secretCiphertext;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Origin origin;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected AdminAccessKeyEntity() {
	}

	AdminAccessKeyEntity(String accessKeyId, String secretCiphertext, Origin origin, Instant createdAt) {
		this.accessKeyId = accessKeyId;
		this.secretCiphertext = secretCiphertext;
		this.origin = origin;
		this.createdAt = createdAt;
	}

	void reseal(String secretCiphertext) {
		this.secretCiphertext = secretCiphertext;
	}

	String accessKeyId() {
		return this.accessKeyId;
	}

	String secretCiphertext() {
		return this.secretCiphertext;
	}

}
