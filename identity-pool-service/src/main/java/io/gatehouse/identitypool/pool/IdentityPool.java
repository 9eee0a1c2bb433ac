package io.gatehouse.identitypool.pool;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "identity_pool")
class IdentityPool {

	@Id
	private String id;

	@Column(nullable = false)
	private String name;

	@Column(name = "allow_unauthenticated", nullable = false)
	private boolean allowUnauthenticated;

	@Column(name = "allow_classic_flow", nullable = false)
	private boolean allowClassicFlow;

	@Column(name = "developer_provider_name")
	private String developerProviderName;

	/** JSON: {@link StoredProviders}. */
	@Column(nullable = false)
	private String providers;

	/** JSON: {@link PoolRoles}. */
	@Column(nullable = false)
	private String roles;

	/** JSON: provider name to {@link PrincipalTagMap}. */
	@Column(name = "principal_tags", nullable = false)
	private String principalTags;

	/** JSON: tag key to value. */
	@Column(nullable = false)
	private String tags;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected IdentityPool() {
	}

	IdentityPool(String id, Instant createdAt) {
		this.id = id;
		this.createdAt = createdAt;
		this.roles = "{}";
		this.principalTags = "{}";
	}

	String id() {
		return this.id;
	}

	String name() {
		return this.name;
	}

	boolean allowUnauthenticated() {
		return this.allowUnauthenticated;
	}

	boolean allowClassicFlow() {
		return this.allowClassicFlow;
	}

	String developerProviderName() {
		return this.developerProviderName;
	}

	String providers() {
		return this.providers;
	}

	String roles() {
		return this.roles;
	}

	String principalTags() {
		return this.principalTags;
	}

	String tags() {
		return this.tags;
	}

	void define(String name, boolean allowUnauthenticated, boolean allowClassicFlow, String developerProviderName,
			String providers, String tags) {
		this.name = name;
		this.allowUnauthenticated = allowUnauthenticated;
		this.allowClassicFlow = allowClassicFlow;
		this.developerProviderName = developerProviderName;
		this.providers = providers;
		this.tags = tags;
	}

	void roles(String roles) {
		this.roles = roles;
	}

	void principalTags(String principalTags) {
		this.principalTags = principalTags;
	}

}
