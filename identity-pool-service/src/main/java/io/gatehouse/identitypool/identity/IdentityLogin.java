package io.gatehouse.identitypool.identity;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A login (provider, subject) linked to an identity; unique per pool. */
@Entity
@Table(name = "identity_login")
@IdClass(IdentityLogin.Key.class)
class IdentityLogin {

	@Id
	@Column(name = "pool_id")
	private String poolId;

	@Id
	private String provider;

	@Id
	private String subject;

	@Column(name = "identity_id", nullable = false)
	private String identityId;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected IdentityLogin() {
	}

	String provider() {
		return this.provider;
	}

	String subject() {
		return this.subject;
	}

	String identityId() {
		return this.identityId;
	}

	record Key(String poolId, String provider, String subject) implements Serializable {
	}

}
