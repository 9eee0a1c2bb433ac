package io.gatehouse.userpool.client;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * CreateUserPoolClient.
 *
 * @param clientSecret a secret of the caller's choosing (24 to 64 characters), only with
 * {@code generateSecret}; otherwise Gatehouse generates one
 */
public record NewAppClient(@NotNull @Size(min = 1, max = 55) @Pattern(regexp = "[\\w-]+_[0-9a-zA-Z]+") String userPoolId,
		@NotNull @Size(min = 1, max = 128) @Pattern(regexp = CLIENT_NAME) String clientName, Boolean generateSecret,
		@Size(min = 24, max = 64) @Pattern(regexp = "[\\w+]+") String clientSecret,
		@NotNull @Valid AppClientSettings settings) {

	static final String CLIENT_NAME = "[\\w\\s+=,.@-]+";

	@Override
	public String toString() {
		return "NewAppClient[userPoolId=" + this.userPoolId + ", clientName=" + this.clientName + "]";
	}

}
