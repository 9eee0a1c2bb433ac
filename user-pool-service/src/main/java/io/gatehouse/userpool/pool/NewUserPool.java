package io.gatehouse.userpool.pool;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.gatehouse.userpool.pool.UserPoolSettings.SchemaAttributeType;

/** CreateUserPool: a name, the settings and the {@code Schema} changes to the standard attributes. */
public record NewUserPool(@NotNull @Size(min = 1, max = 128) @Pattern(regexp = POOL_NAME) String poolName,
		@NotNull @Valid UserPoolSettings settings,
		@Size(min = 1, max = 50) List<@NotNull @Valid SchemaAttributeType> schema) {

	static final String POOL_NAME = "[\\w\\s+=,.@-]+";

}
