package io.gatehouse.identitypool;

/**
 * Why a feature refused a request, independent of the wire. Each surface (Cognito JSON, IAM and STS Query,
 * the decision API) translates it into its own error catalogue at the edge.
 */
public enum Refusal {

	INVALID_PARAMETER,

	MALFORMED_POLICY,

	NOT_FOUND,

	ALREADY_EXISTS,

	CONFLICT,

	NOT_AUTHORIZED,

	/** A token presented as proof of sign-in has expired. */
	EXPIRED_TOKEN,

	/** A policy (a role's trust policy, for instance) does not allow what was asked. */
	ACCESS_DENIED,

	/** The caller exceeded a rate limit. */
	TOO_MANY_REQUESTS,

	INVALID_POOL_CONFIGURATION,

	LIMIT_EXCEEDED,

	EXTERNAL_SERVICE

}
