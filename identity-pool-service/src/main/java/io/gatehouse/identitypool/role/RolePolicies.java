package io.gatehouse.identitypool.role;

import java.util.List;

import io.gatehouse.shared.policy.Policy;

/**
 * A role with its parsed trust policy and inline permission policies, ready to evaluate.
 *
 * @param policyNames the names of {@code permissions}, by position
 */
public record RolePolicies(RoleView role, Policy trustPolicy, List<String> policyNames, List<Policy> permissions) {

	public RolePolicies {
		policyNames = List.copyOf(policyNames);
		permissions = List.copyOf(permissions);
	}

}
