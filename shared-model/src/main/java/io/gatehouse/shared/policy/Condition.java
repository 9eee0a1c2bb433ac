package io.gatehouse.shared.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * One condition of a statement's {@code Condition} element: an operator applied to one context key with
 * one or more values (IAM User Guide, "IAM JSON policy elements: Condition", "Condition operators" and
 * "Set operators for multivalued context keys").
 * <p>
 * Semantics, as documented by AWS:
 * <ul>
 * <li>several values for a key are ORed; for a negated operator they are NORed;</li>
 * <li>a key absent from the request makes the condition false, except that negated operators are then
 * true, {@code ...IfExists} is true, {@code ForAllValues:} is true and {@code Null} tests exactly
 * that;</li>
 * <li>{@code ForAnyValue:} holds when at least one context value satisfies the operator,
 * {@code ForAllValues:} when every one does;</li>
 * <li>a policy value whose variable has no value matches nothing.</li>
 * </ul>
 * Without a set qualifier, a context key with several values is treated like {@code ForAnyValue:} for a
 * positive operator and as its complement for a negated one, so that {@code StringNotEquals} is always the
 * exact negation of {@code StringEquals}.
 */
public final class Condition {

	/** The set operators of "Set operators for multivalued context keys". */
	enum Qualifier {

		NONE(""), FOR_ANY_VALUE("ForAnyValue:"), FOR_ALL_VALUES("ForAllValues:");

		final String prefix;

		Qualifier(String prefix) {
			this.prefix = prefix;
		}

	}

	private final String operatorText;

	private final Qualifier qualifier;

	private final ConditionOperator operator;

	private final boolean ifExists;

	private final String key;

	private final List<PolicyValue> values;

	/** Parsed typed values (numbers, dates, CIDR blocks, bytes, booleans), parallel to {@link #values}. */
	private final Object[] parsed;

	Condition(String operatorText, Qualifier qualifier, ConditionOperator operator, boolean ifExists, String key,
			List<PolicyValue> values, Object[] parsed) {
		this.operatorText = operatorText;
		this.qualifier = qualifier;
		this.operator = operator;
		this.ifExists = ifExists;
		this.key = key;
		this.values = List.copyOf(values);
		this.parsed = parsed.clone();
	}

	/** The operator as written, e.g. {@code ForAnyValue:StringLikeIfExists}. */
	public String operator() {
		return this.operatorText;
	}

	/** The condition key as written (matched case-insensitively). */
	public String key() {
		return this.key;
	}

	/** The policy values as written, variables unresolved. */
	public List<String> values() {
		List<String> raw = new ArrayList<>(this.values.size());
		for (PolicyValue value : this.values) {
			raw.add(value.raw());
		}
		return List.copyOf(raw);
	}

	boolean evaluate(RequestContext context) {
		List<String> actual = context.values(this.key);
		if (this.operator == ConditionOperator.NULL) {
			boolean absent = actual.isEmpty();
			for (Object expected : this.parsed) {
				if (((Boolean) expected) == absent) {
					return true;
				}
			}
			return false;
		}
		if (actual.isEmpty()) {
			if (this.ifExists) {
				return true;
			}
			return switch (this.qualifier) {
				case FOR_ALL_VALUES -> true;
				case FOR_ANY_VALUE -> false;
				case NONE -> this.operator.negated();
			};
		}
		PolicyValue.Resolved[] resolved = resolve(context);
		switch (this.qualifier) {
			case FOR_ANY_VALUE:
				for (String value : actual) {
					if (holdsFor(value, resolved)) {
						return true;
					}
				}
				return false;
			case FOR_ALL_VALUES:
				for (String value : actual) {
					if (!holdsFor(value, resolved)) {
						return false;
					}
				}
				return true;
			default:
				boolean any = false;
				for (String value : actual) {
					if (matchesAnyPolicyValue(value, resolved)) {
						any = true;
						break;
					}
				}
				return this.operator.negated() != any;
		}
	}

	private boolean holdsFor(String contextValue, PolicyValue.Resolved[] resolved) {
		return this.operator.negated() != matchesAnyPolicyValue(contextValue, resolved);
	}

	private boolean matchesAnyPolicyValue(String contextValue, PolicyValue.Resolved[] resolved) {
		for (int i = 0; i < resolved.length; i++) {
			if (resolved[i] != null && this.operator.matchesPositive(this.parsed[i], resolved[i], contextValue)) {
				return true;
			}
		}
		return false;
	}

	private PolicyValue.Resolved[] resolve(RequestContext context) {
		PolicyValue.Resolved[] resolved = new PolicyValue.Resolved[this.values.size()];
		for (int i = 0; i < resolved.length; i++) {
			resolved[i] = this.values.get(i).resolve(context);
		}
		return resolved;
	}

	@Override
	public String toString() {
		return this.operatorText + " " + this.key + " " + values();
	}

}
