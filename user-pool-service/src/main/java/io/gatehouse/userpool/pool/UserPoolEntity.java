package io.gatehouse.userpool.pool;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "user_pool")
class UserPoolEntity {

	@Id
	private String id;

	@Column(nullable = false)
	private String name;

	/** {@link UserPoolSettings} as AWS-shaped JSON. */
	@JdbcTypeCode(SqlTypes.JSON)
	@Column(nullable = false)
	private String settings;

	/** The merged schema, a JSON array of {@code SchemaAttributeType}. */
	@JdbcTypeCode(SqlTypes.JSON)
	@Column(name = "schema_attributes", nullable = false)
	private String schemaAttributes;

	/** Mirrors {@code DeletionProtection} so a delete can be refused atomically in SQL. */
	@Column(name = "deletion_protection", nullable = false)
	private boolean deletionProtection;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected UserPoolEntity() {
	}

	UserPoolEntity(String id, String name, String settings, String schemaAttributes, boolean deletionProtection,
			Instant createdAt) {
		this.id = id;
		this.name = name;
		this.settings = settings;
		this.schemaAttributes = schemaAttributes;
		this.deletionProtection = deletionProtection;
		this.createdAt = createdAt;
		this.updatedAt = createdAt;
	}

	void update(String name, String settings, boolean deletionProtection, Instant updatedAt) {
		this.name = name;
		this.settings = settings;
		this.deletionProtection = deletionProtection;
		this.updatedAt = updatedAt;
	}

	String id() {
		return this.id;
	}

	String name() {
		return this.name;
	}

	String settings() {
		return this.settings;
	}

	String schemaAttributes() {
		return this.schemaAttributes;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

}
