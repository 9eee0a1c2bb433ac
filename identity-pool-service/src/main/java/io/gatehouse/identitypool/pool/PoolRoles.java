package io.gatehouse.identitypool.pool;

import java.util.Map;

/**
 * An identity pool's default roles and role mappings (Cognito {@code SetIdentityPoolRoles}).
 *
 * @param mappings by provider name (Logins-map key)
 */
public record PoolRoles(String authenticated, String unauthenticated, Map<String, RoleMapping> mappings) {

	public PoolRoles {
		mappings = (mappings == null) ? Map.of() : Map.copyOf(mappings);
	}

	static PoolRoles none() {
		return new PoolRoles(null, null, Map.of());
	}

}
