package io.gatehouse.userpool.token;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.gatehouse.shared.claims.CognitoClaims;
import io.gatehouse.userpool.group.GroupMembership;
import io.gatehouse.userpool.user.StandardAttributes;
import io.gatehouse.userpool.user.User;

/**
 * The user-attribute claims of ID tokens and userinfo responses, as Cognito builds them: every attribute the
 * app client may read ({@code ReadAttributes}; all when unset); when the scopes include {@code email},
 * {@code phone} or {@code address} but not {@code profile}, only the claims of those scopes (OpenID Connect
 * Core 1.0 §5.4). Verification flags are booleans, {@code updated_at} a number, everything else a string.
 * {@code dev:*} attributes and the federation-only {@code identities} are never shown.
 */
public final class UserClaims {

	private static final Set<String> EMAIL_CLAIMS = Set.of(StandardAttributes.EMAIL, StandardAttributes.EMAIL_VERIFIED);

	private static final Set<String> PHONE_CLAIMS = Set.of(StandardAttributes.PHONE_NUMBER,
			StandardAttributes.PHONE_NUMBER_VERIFIED);

	private UserClaims() {
	}

	public static Map<String, Object> attributes(User user, Collection<String> scopes, List<String> readAttributes) {
		boolean limited = !scopes.contains("profile")
				&& (scopes.contains("email") || scopes.contains("phone") || scopes.contains("address"));
		Map<String, Object> claims = new LinkedHashMap<>();
		user.attributes().forEach((name, value) -> {
			if (name.equals(StandardAttributes.SUB) || name.equals(StandardAttributes.IDENTITIES)
					|| name.startsWith(StandardAttributes.DEVELOPER_PREFIX)) {
				return;
			}
			if (readAttributes != null && !readAttributes.isEmpty() && !readAttributes.contains(name)) {
				return;
			}
			if (limited && !((scopes.contains("email") && EMAIL_CLAIMS.contains(name))
					|| (scopes.contains("phone") && PHONE_CLAIMS.contains(name))
					|| (scopes.contains("address") && name.equals("address")))) {
				return;
			}
			claims.put(name, value(name, value));
		});
		return claims;
	}

	/** {@code cognito:groups}, {@code cognito:roles} and {@code cognito:preferred_role} for a user's groups. */
	static Map<String, Object> groups(List<GroupMembership> groups, boolean withRoles) {
		Map<String, Object> claims = new LinkedHashMap<>();
		if (groups.isEmpty()) {
			return claims;
		}
		claims.put(CognitoClaims.GROUPS, groups.stream().map(GroupMembership::groupName).toList());
		if (!withRoles) {
			return claims;
		}
		List<GroupMembership> withRole = groups.stream().filter((group) -> group.roleArn() != null).toList();
		if (withRole.isEmpty()) {
			return claims;
		}
		claims.put(CognitoClaims.ROLES, withRole.stream().map(GroupMembership::roleArn).distinct().toList());
		// The role of the group with the lowest precedence value; groups without one come after all others. When
		// the best groups tie with different roles there is no preferred role, as in Cognito.
		Integer best = withRole.stream()
			.map(GroupMembership::precedence)
			.filter((precedence) -> precedence != null)
			.min(Integer::compare)
			.orElse(null);
		List<String> bestRoles = withRole.stream()
			.filter((group) -> (best == null) ? group.precedence() == null : best.equals(group.precedence()))
			.map(GroupMembership::roleArn)
			.distinct()
			.toList();
		if (bestRoles.size() == 1) {
			claims.put(CognitoClaims.PREFERRED_ROLE, bestRoles.get(0));
		}
		return claims;
	}

	private static Object value(String name, String value) {
		if (name.equals(StandardAttributes.EMAIL_VERIFIED) || name.equals(StandardAttributes.PHONE_NUMBER_VERIFIED)) {
			return Boolean.parseBoolean(value);
		}
		if (name.equals(StandardAttributes.UPDATED_AT)) {
			try {
				return new BigDecimal(value).longValueExact();
			}
			catch (ArithmeticException | NumberFormatException ex) {
				return value;
			}
		}
		return value;
	}

}
