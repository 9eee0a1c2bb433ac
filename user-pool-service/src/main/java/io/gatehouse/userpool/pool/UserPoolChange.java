package io.gatehouse.userpool.pool;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * UpdateUserPool. As in Cognito, every setting the request leaves out returns to its default, except the
 * pool name, tags and tier (kept) and the members fixed at creation ({@code AliasAttributes},
 * {@code UsernameAttributes}, {@code UsernameConfiguration}, the schema).
 *
 * @param poolName the new name, or null to keep it
 */
public record UserPoolChange(@NotNull @Size(min = 1, max = 55) @Pattern(regexp = UserPoolIds.PATTERN) String userPoolId,
		@Size(min = 1, max = 128) @Pattern(regexp = NewUserPool.POOL_NAME) String poolName,
		@NotNull @Valid UserPoolSettings settings) {
}
