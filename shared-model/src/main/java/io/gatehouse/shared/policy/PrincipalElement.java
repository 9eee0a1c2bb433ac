package io.gatehouse.shared.policy;

import java.util.List;
import java.util.Map;

/**
 * A statement's {@code Principal} or {@code NotPrincipal} element (IAM User Guide, "IAM JSON policy
 * elements: Principal" and "NotPrincipal").
 * <p>
 * Principals match exactly: AWS allows no partial wildcards in them. {@code "*"} and
 * {@code {"AWS": "*"}} both mean everyone. An AWS account id ({@code 123456789012}) or account root ARN
 * ({@code arn:aws:iam::123456789012:root}) matches every AWS principal of that account.
 *
 * @param negated true for {@code NotPrincipal}
 * @param anyone true for {@code "*"} or {@code {"AWS": "*"}}
 * @param principals the listed principals by kind
 */
public record PrincipalElement(boolean negated, boolean anyone, Map<PrincipalType, List<String>> principals) {

	public PrincipalElement {
		principals = Map.copyOf(principals);
	}

	boolean matches(Principal principal) {
		if (principal == null) {
			// A statement about principals never applies to a request without one.
			return false;
		}
		return this.negated != listed(principal);
	}

	private boolean listed(Principal principal) {
		if (this.anyone) {
			return true;
		}
		List<String> candidates = this.principals.get(principal.type());
		if (candidates == null) {
			return false;
		}
		for (String candidate : candidates) {
			if (candidate.equals(principal.identifier())) {
				return true;
			}
			if (principal.type() == PrincipalType.AWS) {
				String account = account(candidate);
				if (account != null && account.equals(accountOf(principal.identifier()))) {
					return true;
				}
			}
		}
		return false;
	}

	/** The account a policy's account principal names, or null when it names something narrower. */
	private static String account(String candidate) {
		if (isAccountId(candidate)) {
			return candidate;
		}
		String[] parts = candidate.split(":", -1);
		if (parts.length == 6 && parts[0].equals("arn") && parts[2].equals("iam") && parts[5].equals("root")
				&& isAccountId(parts[4])) {
			return parts[4];
		}
		return null;
	}

	private static String accountOf(String identifier) {
		if (isAccountId(identifier)) {
			return identifier;
		}
		String[] parts = identifier.split(":", 6);
		return (parts.length == 6 && parts[0].equals("arn")) ? parts[4] : null;
	}

	private static boolean isAccountId(String value) {
		if (value.length() != 12) {
			return false;
		}
		for (int i = 0; i < 12; i++) {
			if (value.charAt(i) < '0' || value.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

}
