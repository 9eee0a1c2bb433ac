package io.gatehouse.identitypool.role;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "role_policy")
@IdClass(RolePolicy.Key.class)
class RolePolicy {

	@Id
	@Column(name = "role_name")
	private String roleName;

	@Id
	@Column(name = "policy_name")
	private String policyName;

	@Column(nullable = false)
	private String document;

	protected RolePolicy() {
	}

	RolePolicy(String roleName, String policyName, String document) {
		this.roleName = roleName;
		this.policyName = policyName;
		this.document = document;
	}

	String policyName() {
		return this.policyName;
	}

	String document() {
		return this.document;
	}

	void document(String document) {
		this.document = document;
	}

	record Key(String roleName, String policyName) implements Serializable {
	}

}
