package io.gatehouse.identitypool.provider;

import java.time.Instant;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "oidc_provider")
class OidcProvider {

	@Id
	private String arn;

	@Column(nullable = false)
	private String url;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "client_ids", nullable = false)
	private String[] clientIds;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(nullable = false)
	private String[] thumbprints;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected OidcProvider() {
	}

	OidcProvider(String arn, String url, String[] clientIds, String[] thumbprints, Instant createdAt) {
		this.arn = arn;
		this.url = url;
		this.clientIds = clientIds;
		this.thumbprints = thumbprints;
		this.createdAt = createdAt;
	}

	String arn() {
		return this.arn;
	}

	String url() {
		return this.url;
	}

	String[] clientIds() {
		return this.clientIds;
	}

	String[] thumbprints() {
		return this.thumbprints;
	}

	Instant createdAt() {
		return this.createdAt;
	}

}
