package io.gatehouse.identitypool.identity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "identity")
class Identity {

	@Id
	private String id;

	@Column(name = "pool_id", nullable = false)
	private String poolId;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "last_modified_at", nullable = false)
	private Instant lastModifiedAt;

	protected Identity() {
	}

	Identity(String id, String poolId, Instant createdAt) {
		this.id = id;
		this.poolId = poolId;
		this.createdAt = createdAt;
		this.lastModifiedAt = createdAt;
	}

	String id() {
		return this.id;
	}

	String poolId() {
		return this.poolId;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant lastModifiedAt() {
		return this.lastModifiedAt;
	}

	void modified(Instant at) {
		this.lastModifiedAt = at;
	}

}
