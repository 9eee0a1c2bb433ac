package io.gatehouse.shared.policy;

import java.util.List;
import java.util.Optional;

/**
 * A parsed, validated, immutable IAM JSON policy document (IAM User Guide, "IAM JSON policy elements
 * reference" and "Grammar of the IAM JSON policy language").
 * <p>
 * {@link #parse(String)} reads an identity-based policy (such as a role's inline policy);
 * {@link #parseTrustPolicy(String)} a role's trust policy; {@link #parse(String, PolicyType, int)} any kind
 * with a chosen size limit. Parsing throws nothing but {@link MalformedPolicyException}, whatever the input.
 *
 * <pre>{@code
 * Policy policy = Policy.parse(document);
 * Decision decision = policy.evaluate(RequestContext.builder("s3:GetObject")
 *     .resource("arn:aws:s3:::photos/users/" + identityId + "/cat.jpg")
 *     .key("cognito-identity.amazonaws.com:sub", identityId)
 *     .build());
 * }</pre>
 */
public final class Policy {

	/**
	 * IAM's limit for a role's inline policies, in characters not counting white space (IAM User Guide,
	 * "IAM and AWS STS quotas").
	 */
	public static final int DEFAULT_MAX_LENGTH = 10_240;

	private final PolicyType type;

	private final PolicyVersion version;

	private final String id;

	private final List<Statement> statements;

	Policy(PolicyType type, PolicyVersion version, String id, List<Statement> statements) {
		this.type = type;
		this.version = version;
		this.id = id;
		this.statements = List.copyOf(statements);
	}

	/** Parses an identity-based policy of at most {@link #DEFAULT_MAX_LENGTH} characters. */
	public static Policy parse(String json) {
		return parse(json, PolicyType.IDENTITY, DEFAULT_MAX_LENGTH);
	}

	/** Parses a role trust (assume-role) policy of at most {@link #DEFAULT_MAX_LENGTH} characters. */
	public static Policy parseTrustPolicy(String json) {
		return parse(json, PolicyType.TRUST, DEFAULT_MAX_LENGTH);
	}

	public static Policy parse(String json, PolicyType type) {
		return parse(json, type, DEFAULT_MAX_LENGTH);
	}

	/**
	 * @param json the policy document
	 * @param type which elements statements must and may carry
	 * @param maxLength the most characters the document may have, not counting white space (as IAM counts)
	 * @throws MalformedPolicyException when the document is not a valid policy of that type
	 */
	public static Policy parse(String json, PolicyType type, int maxLength) {
		return PolicyParser.parse(json, type, maxLength);
	}

	public PolicyType type() {
		return this.type;
	}

	/** The {@code Version} element; empty when absent, which IAM reads as {@code 2008-10-17}. */
	public Optional<PolicyVersion> version() {
		return Optional.ofNullable(this.version);
	}

	/** The {@code Id} element, if any. */
	public Optional<String> id() {
		return Optional.ofNullable(this.id);
	}

	public List<Statement> statements() {
		return this.statements;
	}

	/** Evaluates this policy alone; see {@link PolicyEvaluator}. */
	public Decision evaluate(RequestContext context) {
		return PolicyEvaluator.evaluate(context, List.of(this));
	}

}
