package io.gatehouse.userpool.user;

import java.util.EnumSet;
import java.util.Set;

import io.gatehouse.userpool.password.PasswordPolicy;

/**
 * What the user model needs to know about a pool, mapped by the pool feature from the stored pool so that
 * users and pools stay separate features: how usernames compare, which attributes are sign-in names, the
 * attribute schema and the password policy.
 *
 * @param poolId the user pool id
 * @param poolName the pool name, a context word no password may contain
 * @param usernameCaseSensitive {@code UsernameConfiguration.CaseSensitive}; false for new pools
 * @param usernameAttributes {@code UsernameAttributes}: email and/or phone number instead of a username
 * @param aliasAttributes {@code AliasAttributes}: verified email, verified phone, preferred username as well
 * @param schema the attribute schema
 * @param passwordPolicy {@code Policies.PasswordPolicy}
 */
public record PoolUserSettings(String poolId, String poolName, boolean usernameCaseSensitive,
		Set<SignInAttribute> usernameAttributes, Set<SignInAttribute> aliasAttributes, AttributeSchema schema,
		PasswordPolicy passwordPolicy) {

	public PoolUserSettings {
		if (poolId == null || poolId.isBlank()) {
			throw new IllegalArgumentException("a pool id is required");
		}
		usernameAttributes = Set.copyOf(usernameAttributes);
		aliasAttributes = Set.copyOf(aliasAttributes);
		if (usernameAttributes.contains(SignInAttribute.PREFERRED_USERNAME)) {
			throw new IllegalArgumentException("UsernameAttributes may only be email and phone_number");
		}
		if (!usernameAttributes.isEmpty() && !aliasAttributes.isEmpty()) {
			throw new IllegalArgumentException("UsernameAttributes and AliasAttributes are mutually exclusive");
		}
	}

	/** A new pool's settings: case-insensitive usernames, no aliases, the standard schema, the default policy. */
	public static PoolUserSettings defaults(String poolId, String poolName) {
		return new PoolUserSettings(poolId, poolName, false, Set.of(), Set.of(), AttributeSchema.standard(),
				PasswordPolicy.defaults());
	}

	public PoolUserSettings withUsernameCaseSensitive(boolean caseSensitive) {
		return new PoolUserSettings(this.poolId, this.poolName, caseSensitive, this.usernameAttributes,
				this.aliasAttributes, this.schema, this.passwordPolicy);
	}

	public PoolUserSettings withUsernameAttributes(SignInAttribute... attributes) {
		return new PoolUserSettings(this.poolId, this.poolName, this.usernameCaseSensitive, setOf(attributes),
				this.aliasAttributes, this.schema, this.passwordPolicy);
	}

	public PoolUserSettings withAliasAttributes(SignInAttribute... attributes) {
		return new PoolUserSettings(this.poolId, this.poolName, this.usernameCaseSensitive, this.usernameAttributes,
				setOf(attributes), this.schema, this.passwordPolicy);
	}

	public PoolUserSettings withSchema(AttributeSchema schema) {
		return new PoolUserSettings(this.poolId, this.poolName, this.usernameCaseSensitive, this.usernameAttributes,
				this.aliasAttributes, schema, this.passwordPolicy);
	}

	public PoolUserSettings withPasswordPolicy(PasswordPolicy passwordPolicy) {
		return new PoolUserSettings(this.poolId, this.poolName, this.usernameCaseSensitive, this.usernameAttributes,
				this.aliasAttributes, this.schema, passwordPolicy);
	}

	/** Whether {@code attribute} names a user at sign-in, as username attribute or as alias. */
	public boolean isSignInName(SignInAttribute attribute) {
		return this.usernameAttributes.contains(attribute) || this.aliasAttributes.contains(attribute);
	}

	private static Set<SignInAttribute> setOf(SignInAttribute... attributes) {
		return attributes.length == 0 ? Set.of() : EnumSet.copyOf(Set.of(attributes));
	}

}
