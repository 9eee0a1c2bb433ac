package io.gatehouse.shared.policy;

import java.util.Objects;

/**
 * The caller a trust or resource-based policy is evaluated for, matched against the policy's
 * {@code Principal}/{@code NotPrincipal} element (IAM User Guide, "IAM JSON policy elements: Principal").
 *
 * @param type the principal kind
 * @param identifier the ARN, provider name, service name or canonical id, e.g.
 * {@code cognito-identity.amazonaws.com} for {@link PrincipalType#FEDERATED}
 */
public record Principal(PrincipalType type, String identifier) {

	public Principal {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(identifier, "identifier");
	}

	public static Principal federated(String provider) {
		return new Principal(PrincipalType.FEDERATED, provider);
	}

	public static Principal aws(String arn) {
		return new Principal(PrincipalType.AWS, arn);
	}

	public static Principal service(String service) {
		return new Principal(PrincipalType.SERVICE, service);
	}

}
