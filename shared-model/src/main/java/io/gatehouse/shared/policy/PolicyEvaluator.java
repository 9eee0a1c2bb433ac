package io.gatehouse.shared.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates one or more policies for one request as the IAM User Guide's "Policy evaluation logic"
 * describes for a single account: every statement of every policy is considered; a matching {@code Deny}
 * decides at once (explicit deny); otherwise a matching {@code Allow} allows; otherwise the request is
 * implicitly denied.
 * <p>
 * Callers combining several policy types (for example a role's policies with a session policy, which must
 * <em>both</em> allow) evaluate each set separately and combine the decisions; this class answers for one
 * set of policies that are read together.
 */
public final class PolicyEvaluator {

	private PolicyEvaluator() {
	}

	public static Decision evaluate(RequestContext context, Policy... policies) {
		return evaluate(context, List.of(policies));
	}

	public static Decision evaluate(RequestContext context, List<Policy> policies) {
		Decision.StatementRef allow = null;
		List<Decision.Mismatch> mismatches = new ArrayList<>();
		for (int p = 0; p < policies.size(); p++) {
			Policy policy = policies.get(p);
			List<Statement> statements = policy.statements();
			for (int s = 0; s < statements.size(); s++) {
				Statement statement = statements.get(s);
				Statement.Miss miss = statement.check(context);
				if (miss == null) {
					Decision.StatementRef ref = ref(p, policy, s, statement);
					if (statement.effect() == Effect.DENY) {
						return new Decision(Decision.Outcome.EXPLICIT_DENY, Optional.of(ref), List.of());
					}
					if (allow == null) {
						allow = ref;
					}
				}
				else if (allow == null) {
					mismatches.add(new Decision.Mismatch(ref(p, policy, s, statement), miss.element(), miss.detail()));
				}
			}
		}
		if (allow != null) {
			return new Decision(Decision.Outcome.ALLOW, Optional.of(allow), List.of());
		}
		return new Decision(Decision.Outcome.IMPLICIT_DENY, Optional.empty(), mismatches);
	}

	private static Decision.StatementRef ref(int policyIndex, Policy policy, int statementIndex, Statement statement) {
		return new Decision.StatementRef(policyIndex, policy.id(), statementIndex, statement.sid(), statement.effect());
	}

}
