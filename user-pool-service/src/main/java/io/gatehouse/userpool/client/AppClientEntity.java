package io.gatehouse.userpool.client;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "app_client")
class AppClientEntity {

	@Id
	@Column(name = "client_id")
	private String clientId;

	@Column(name = "pool_id", nullable = false)
	private String poolId;

	@Column(name = "client_name", nullable = false)
	private String clientName;

	/** {@link AppClientSettings} as AWS-shaped JSON. */
	@JdbcTypeCode(SqlTypes.JSON)
	@Column(nullable = false)
	private String settings;

	/** The secret sealed under the master key, bound to this client id; null for public clients. */
	@Column(name = "client_secret_ciphertext")
	private String clientSecretCiphertext;

	/** HMAC-SHA256 of the secret under the client-secret hash key; null for public clients. */
	@Column(name = "client_secret_hash")
	private byte[] clientSecretHash;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected AppClientEntity() {
	}

	AppClientEntity(String clientId, String poolId, String clientName, String settings, String clientSecretCiphertext,
			byte[] clientSecretHash, Instant createdAt) {
		this.clientId = clientId;
		this.poolId = poolId;
		this.clientName = clientName;
		this.settings = settings;
		this.clientSecretCiphertext = clientSecretCiphertext;
		this.clientSecretHash = clientSecretHash;
		this.createdAt = createdAt;
		this.updatedAt = createdAt;
	}

	void update(String clientName, String settings, Instant updatedAt) {
		this.clientName = clientName;
		this.settings = settings;
		this.updatedAt = updatedAt;
	}

	String clientId() {
		return this.clientId;
	}

	String poolId() {
		return this.poolId;
	}

	String clientName() {
		return this.clientName;
	}

	String settings() {
		return this.settings;
	}

	String clientSecretCiphertext() {
		return this.clientSecretCiphertext;
	}

	byte[] clientSecretHash() {
		return this.clientSecretHash;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

}
