package io.gatehouse.identitypool.pool;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.gatehouse.identitypool.Refusal;
import io.gatehouse.identitypool.RefusedException;
import io.gatehouse.identitypool.provider.TrustedProviders;
import io.gatehouse.identitypool.provider.VerifiedLogin;

/**
 * Everything about one identity pool that turning logins into credentials needs, read in one go.
 */
public record PoolSnapshot(String id, PoolDefinition definition, PoolRoles roles,
		Map<String, PrincipalTagMap> principalTagMaps) {

	public PoolSnapshot {
		principalTagMaps = Map.copyOf(principalTagMaps);
	}

	public TrustedProviders trustedProviders() {
		Map<String, Set<String>> userPools = new LinkedHashMap<>();
		Map<String, Set<String>> checked = new LinkedHashMap<>();
		for (UserPoolProvider provider : this.definition.userPools()) {
			userPools.computeIfAbsent(provider.providerName(), (name) -> new LinkedHashSet<>()).add(provider.clientId());
			if (provider.serverSideTokenCheck()) {
				checked.computeIfAbsent(provider.providerName(), (name) -> new LinkedHashSet<>()).add(provider.clientId());
			}
		}
		return new TrustedProviders(userPools, this.definition.openIdConnectProviderArns(),
				this.definition.supportedLoginProviders(), checked);
	}

	/** Refuses guests where the pool does not allow them. */
	public void requireGuestsAllowed() {
		if (!this.definition.allowUnauthenticated()) {
			throw RefusedException.notAuthorized("Unauthenticated access is not supported for this identity pool.");
		}
	}

	/** The guest role, when this pool has guests at all. */
	public String unauthenticatedRole() {
		requireGuestsAllowed();
		if (this.roles.unauthenticated() == null) {
			throw new RefusedException(Refusal.INVALID_POOL_CONFIGURATION,
					"Invalid identity pool configuration. Check assigned IAM roles for this pool.");
		}
		return this.roles.unauthenticated();
	}

	/**
	 * The role for verified logins, following Cognito's role-based access control: the mapping of the first
	 * login whose provider has one (Token or Rules), else the default authenticated role; an ambiguous
	 * result falls back to the authenticated role or is refused, as the mapping says.
	 *
	 * @param customRoleArn the role the caller asks for; it must be one the token grants
	 */
	public String authenticatedRole(List<VerifiedLogin> logins, String customRoleArn) {
		for (VerifiedLogin login : logins) {
			RoleMapping mapping = this.roles.mappings().get(login.provider());
			if (mapping != null) {
				String role = switch (mapping.type()) {
					case TOKEN -> fromToken(login, customRoleArn);
					case RULES -> fromRules(login, mapping.rules(), customRoleArn);
				};
				if (role != null) {
					return role;
				}
				return ambiguous(mapping);
			}
		}
		if (customRoleArn != null && !customRoleArn.equals(this.roles.authenticated())) {
			throw RefusedException.notAuthorized("The requested role is not granted to this identity.");
		}
		return defaultAuthenticated();
	}

	private static String fromToken(VerifiedLogin login, String customRoleArn) {
		List<String> roles = strings(login.token().claims().get("cognito:roles"));
		if (customRoleArn != null) {
			if (!roles.contains(customRoleArn)) {
				throw RefusedException.notAuthorized("The requested role is not granted to this identity.");
			}
			return customRoleArn;
		}
		Object preferred = login.token().claims().get("cognito:preferred_role");
		if (preferred instanceof String role && !role.isEmpty()) {
			return role;
		}
		return (roles.size() == 1) ? roles.get(0) : null;
	}

	private static String fromRules(VerifiedLogin login, List<RoleMapping.Rule> rules, String customRoleArn) {
		for (RoleMapping.Rule rule : rules) {
			List<String> values = strings(login.token().claims().get(rule.claim()));
			boolean matched = (rule.matchType() == MatchType.NOT_EQUAL)
					? !values.isEmpty() && values.stream().allMatch((v) -> rule.matchType().matches(v, rule.value()))
					: values.stream().anyMatch((v) -> rule.matchType().matches(v, rule.value()));
			if (matched) {
				if (customRoleArn != null && !customRoleArn.equals(rule.roleArn())) {
					throw RefusedException.notAuthorized("The requested role is not granted to this identity.");
				}
				return rule.roleArn();
			}
		}
		return null;
	}

	private String ambiguous(RoleMapping mapping) {
		if (mapping.ambiguousRoleResolution() == RoleMapping.AmbiguousRoleResolution.AUTHENTICATED_ROLE) {
			return defaultAuthenticated();
		}
		throw RefusedException.notAuthorized("No role mapping matched and the identity pool denies ambiguous logins.");
	}

	private String defaultAuthenticated() {
		if (this.roles.authenticated() == null) {
			throw new RefusedException(Refusal.INVALID_POOL_CONFIGURATION,
					"Invalid identity pool configuration. Check assigned IAM roles for this pool.");
		}
		return this.roles.authenticated();
	}

	/** Principal tags from the claims of the logins, by each provider's tag map. */
	public Map<String, String> principalTags(List<VerifiedLogin> logins) {
		Map<String, String> tags = new LinkedHashMap<>();
		for (VerifiedLogin login : logins) {
			PrincipalTagMap map = this.principalTagMaps.get(login.provider());
			if (map == null) {
				continue;
			}
			map.effective().forEach((tag, claim) -> {
				List<String> values = strings(login.token().claims().get(claim));
				if (values.size() == 1 && values.get(0).length() <= 256) {
					tags.putIfAbsent(tag, values.get(0));
				}
			});
		}
		return tags;
	}

	/** A claim as strings: a string, the elements of a list, or a number or boolean as text. */
	static List<String> strings(Object claim) {
		if (claim == null) {
			return List.of();
		}
		if (claim instanceof Collection<?> values) {
			return values.stream().filter((v) -> v != null && !(v instanceof Map) && !(v instanceof Collection))
				.map(String::valueOf).toList();
		}
		if (claim instanceof Map) {
			return List.of();
		}
		return List.of(String.valueOf(claim));
	}

}
