package io.gatehouse.identitypool.openid;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "openid_signing_key")
class SigningKey {

	@Id
	private String kid;

	@Column(name = "private_key_encrypted", nullable = false)
	private String privateKeyEncrypted;

	@Column(name = "public_jwk", nullable = false)
	private String publicJwk;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected SigningKey() {
	}

	SigningKey(String kid, String privateKeyEncrypted, String publicJwk, Instant createdAt) {
		this.kid = kid;
		this.privateKeyEncrypted = privateKeyEncrypted;
		this.publicJwk = publicJwk;
		this.createdAt = createdAt;
	}

	String kid() {
		return this.kid;
	}

	String privateKeyEncrypted() {
		return this.privateKeyEncrypted;
	}

	String publicJwk() {
		return this.publicJwk;
	}

	Instant createdAt() {
		return this.createdAt;
	}

}
