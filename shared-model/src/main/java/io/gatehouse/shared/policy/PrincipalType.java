package io.gatehouse.shared.policy;

import java.util.Optional;

/**
 * The principal kinds of the IAM User Guide's "IAM JSON policy elements: Principal".
 */
public enum PrincipalType {

	/** Accounts, roles, users and assumed-role sessions ({@code "AWS"}). */
	AWS("AWS"),

	/** Web identity and SAML providers ({@code "Federated"}), e.g. {@code cognito-identity.amazonaws.com}. */
	FEDERATED("Federated"),

	/** Service principals ({@code "Service"}). */
	SERVICE("Service"),

	/** Canonical user ids ({@code "CanonicalUser"}). */
	CANONICAL_USER("CanonicalUser");

	private final String value;

	PrincipalType(String value) {
		this.value = value;
	}

	/** The key as written in a {@code Principal} element. */
	public String value() {
		return this.value;
	}

	static Optional<PrincipalType> fromValue(String value) {
		for (PrincipalType type : values()) {
			if (type.value.equals(value)) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}

}
