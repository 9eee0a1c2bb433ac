package io.gatehouse.shared.policy;

/**
 * Which kind of policy a document is, which decides the elements its statements must and may carry
 * (IAM User Guide, "IAM JSON policy elements: Principal" and "Policies and permissions in IAM").
 */
public enum PolicyType {

	/**
	 * Attached to a role, user or session: no {@code Principal}/{@code NotPrincipal}; exactly one of
	 * {@code Resource}/{@code NotResource}.
	 */
	IDENTITY,

	/**
	 * A role's assume-role (trust) policy: exactly one {@code Principal}; {@code NotPrincipal},
	 * {@code Resource} and {@code NotResource} are prohibited.
	 */
	TRUST,

	/**
	 * Attached to a resource: exactly one of {@code Principal}/{@code NotPrincipal} and exactly one of
	 * {@code Resource}/{@code NotResource}.
	 */
	RESOURCE_BASED

}
