package io.gatehouse.shared.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One element of a policy's {@code Statement} list (IAM User Guide, "IAM JSON policy elements:
 * Statement", "Sid", "Effect", "Principal", "Action"/"NotAction", "Resource"/"NotResource",
 * "Condition"). Immutable.
 * <p>
 * Matching: actions are {@code service:Action} globs compared case-insensitively; resources are ARN globs
 * compared case-sensitively, where {@code *} also runs across {@code :} and {@code /}; resources may hold
 * policy variables. A statement applies when its principal (if any), action, resource (if any) and every
 * condition match.
 */
public final class Statement {

	private final String sid;

	private final Effect effect;

	private final PrincipalElement principal;

	private final boolean notAction;

	private final List<String> actions;

	private final boolean notResource;

	/** Null when the statement has neither {@code Resource} nor {@code NotResource} (trust policies). */
	private final List<PolicyValue> resources;

	private final List<Condition> conditions;

	Statement(String sid, Effect effect, PrincipalElement principal, boolean notAction, List<String> actions,
			boolean notResource, List<PolicyValue> resources, List<Condition> conditions) {
		this.sid = sid;
		this.effect = effect;
		this.principal = principal;
		this.notAction = notAction;
		this.actions = List.copyOf(actions);
		this.notResource = notResource;
		this.resources = (resources != null) ? List.copyOf(resources) : null;
		this.conditions = List.copyOf(conditions);
	}

	public Optional<String> sid() {
		return Optional.ofNullable(this.sid);
	}

	public Effect effect() {
		return this.effect;
	}

	/** The {@code Principal} or {@code NotPrincipal} element; empty in identity policies. */
	public Optional<PrincipalElement> principal() {
		return Optional.ofNullable(this.principal);
	}

	/** Whether the actions are a {@code NotAction} list. */
	public boolean notAction() {
		return this.notAction;
	}

	public List<String> actions() {
		return this.actions;
	}

	/** Whether the resources are a {@code NotResource} list. */
	public boolean notResource() {
		return this.notResource;
	}

	/** The resources as written; empty when the statement has no resource element (trust policies). */
	public List<String> resources() {
		if (this.resources == null) {
			return List.of();
		}
		List<String> raw = new ArrayList<>(this.resources.size());
		for (PolicyValue resource : this.resources) {
			raw.add(resource.raw());
		}
		return List.copyOf(raw);
	}

	public List<Condition> conditions() {
		return this.conditions;
	}

	/** Null when the statement applies to the request, otherwise the first element that does not match. */
	Miss check(RequestContext context) {
		if (this.principal != null && !this.principal.matches(context.principalOrNull())) {
			return new Miss(Decision.Element.PRINCIPAL,
					(this.principal.negated() ? "NotPrincipal" : "Principal") + " does not match the caller");
		}
		if (this.notAction == matchesAction(context.action())) {
			return new Miss(Decision.Element.ACTION,
					(this.notAction ? "NotAction" : "Action") + " does not match the action");
		}
		if (this.resources != null) {
			String resource = context.resourceOrNull();
			boolean matches = (resource != null) ? this.notResource != matchesResource(resource, context)
					: !this.notResource && coversEverything();
			if (!matches) {
				return new Miss(Decision.Element.RESOURCE,
						(this.notResource ? "NotResource" : "Resource") + " does not match the resource");
			}
		}
		for (Condition condition : this.conditions) {
			if (!condition.evaluate(context)) {
				return new Miss(Decision.Element.CONDITION,
						"Condition " + condition.operator() + " on key " + condition.key() + " is not met");
			}
		}
		return null;
	}

	private boolean matchesAction(String action) {
		for (String pattern : this.actions) {
			if (Wildcards.matches(pattern, action, true)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A request without a resource (such as {@code sts:GetCallerIdentity}) is only covered by
	 * {@code "Resource": "*"}; any narrower resource, and any {@code NotResource}, does not apply to it.
	 */
	private boolean coversEverything() {
		for (PolicyValue pattern : this.resources) {
			if (pattern.raw().equals("*")) {
				return true;
			}
		}
		return false;
	}

	private boolean matchesResource(String resource, RequestContext context) {
		for (PolicyValue pattern : this.resources) {
			PolicyValue.Resolved resolved = pattern.resolve(context);
			if (resolved != null && Wildcards.matches(resolved.text(), resolved.literal(), resource, false)) {
				return true;
			}
		}
		return false;
	}

	record Miss(Decision.Element element, String detail) {
	}

}
