package io.gatehouse.shared.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of evaluating policies for one request, following the IAM User Guide's "Policy evaluation
 * logic": an explicit deny in any policy wins; otherwise an allow; otherwise the request is implicitly
 * denied.
 *
 * @param outcome the decision
 * @param statement the statement that decided: the first matching {@code Deny} for
 * {@link Outcome#EXPLICIT_DENY}, the first matching {@code Allow} for {@link Outcome#ALLOW}; empty for
 * {@link Outcome#IMPLICIT_DENY}
 * @param mismatches for {@link Outcome#IMPLICIT_DENY}, why each statement did not apply (empty otherwise)
 */
public record Decision(Outcome outcome, Optional<StatementRef> statement, List<Mismatch> mismatches) {

	public Decision {
		Objects.requireNonNull(outcome, "outcome");
		Objects.requireNonNull(statement, "statement");
		mismatches = List.copyOf(mismatches);
	}

	/** Whether the request is allowed. */
	public boolean isAllowed() {
		return this.outcome == Outcome.ALLOW;
	}

	/** The three outcomes of "Determining whether a request is allowed or denied within an account". */
	public enum Outcome {

		/** A {@code Deny} statement applies. */
		EXPLICIT_DENY,

		/** An {@code Allow} statement applies and no {@code Deny} does. */
		ALLOW,

		/** No statement applies. */
		IMPLICIT_DENY

	}

	/**
	 * Where a statement sits.
	 *
	 * @param policyIndex the position of its policy in the evaluated list, from 0
	 * @param policyId the policy's {@code Id}, if any
	 * @param statementIndex the position of the statement in its policy, from 0
	 * @param sid the statement's {@code Sid}, if any
	 * @param effect the statement's effect
	 */
	public record StatementRef(int policyIndex, Optional<String> policyId, int statementIndex, Optional<String> sid,
			Effect effect) {
	}

	/** The element of a statement that did not match the request. */
	public enum Element {

		PRINCIPAL, ACTION, RESOURCE, CONDITION

	}

	/**
	 * Why a statement did not apply.
	 *
	 * @param statement the statement
	 * @param element the first element that did not match
	 * @param detail a short explanation naming the element (and, for conditions, the operator and key);
	 * it never repeats request values
	 */
	public record Mismatch(StatementRef statement, Element element, String detail) {
	}

}
