package io.gatehouse.userpool.client;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * UpdateUserPoolClient. As in Cognito, a setting the request leaves out returns to its default; the
 * name is kept when absent and the secret never changes.
 */
public record AppClientChange(@NotNull @Size(min = 1, max = 55) @Pattern(regexp = "[\\w-]+_[0-9a-zA-Z]+") String userPoolId,
		@NotNull @Size(min = 1, max = 128) @Pattern(regexp = "[\\w+]+") String clientId,
		@Size(min = 1, max = 128) @Pattern(regexp = NewAppClient.CLIENT_NAME) String clientName,
		@NotNull @Valid AppClientSettings settings) {
}
