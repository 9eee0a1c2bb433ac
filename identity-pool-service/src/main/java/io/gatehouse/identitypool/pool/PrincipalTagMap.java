package io.gatehouse.identitypool.pool;

import java.util.Map;

/**
 * Which token claims become principal tags for logins of one provider.
 *
 * @param useDefaults use {@code username} = {@code sub} and {@code client} = {@code aud}, as Cognito does
 * @param tags tag key to claim name
 */
public record PrincipalTagMap(boolean useDefaults, Map<String, String> tags) {

	public PrincipalTagMap {
		tags = (tags == null) ? Map.of() : Map.copyOf(tags);
	}

	static final Map<String, String> DEFAULTS = Map.of("username", "sub", "client", "aud");

	Map<String, String> effective() {
		return this.useDefaults ? DEFAULTS : this.tags;
	}

}
