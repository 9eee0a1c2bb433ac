package io.gatehouse.identitypool.pool;

import java.util.List;

/**
 * How an identity pool picks the role for logins of one provider (Cognito {@code RoleMapping}).
 *
 * @param rules in order, for {@link Type#RULES}; the first that matches decides
 */
public record RoleMapping(Type type, AmbiguousRoleResolution ambiguousRoleResolution, List<Rule> rules) {

	public RoleMapping {
		rules = (rules == null) ? List.of() : List.copyOf(rules);
	}

	public enum Type {

		/** The token names its roles: {@code cognito:preferred_role}, {@code cognito:roles}. */
		TOKEN,

		/** The pool's rules map claims to roles. */
		RULES

	}

	public enum AmbiguousRoleResolution {

		/** Fall back to the pool's default authenticated role. */
		AUTHENTICATED_ROLE,

		/** Refuse credentials. */
		DENY

	}

	public record Rule(String claim, MatchType matchType, String value, String roleArn) {
	}

}
