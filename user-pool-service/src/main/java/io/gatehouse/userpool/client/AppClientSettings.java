package io.gatehouse.userpool.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.node.ObjectNode;

/**
 * An app client's settings document: the members of the AWS {@code UserPoolClientType} an administrator
 * sets with CreateUserPoolClient / UpdateUserPoolClient, with the names, enums and constraints of the
 * Cognito user pools API reference. Stored as jsonb in {@code app_client.settings}.
 */
public record AppClientSettings(
		@Min(0) @Max(315360000) Integer refreshTokenValidity,
		@Min(1) @Max(86400) Integer accessTokenValidity,
		@Min(1) @Max(86400) Integer idTokenValidity,
		@Valid TokenValidityUnitsType tokenValidityUnits,
		List<@NotNull @Size(min = 1, max = 2048) String> readAttributes,
		List<@NotNull @Size(min = 1, max = 2048) String> writeAttributes,
		List<@NotNull ExplicitAuthFlowsType> explicitAuthFlows,
		List<@NotNull @Size(min = 1, max = 32) @Pattern(regexp = PRINTABLE) String> supportedIdentityProviders,
		@JsonProperty("CallbackURLs") @Size(max = 100) List<@NotNull @Size(min = 1, max = 1024) @Pattern(regexp = PRINTABLE) String> callbackURLs,
		@JsonProperty("LogoutURLs") @Size(max = 100) List<@NotNull @Size(min = 1, max = 1024) @Pattern(regexp = PRINTABLE) String> logoutURLs,
		@JsonProperty("DefaultRedirectURI") @Size(min = 1, max = 1024) @Pattern(regexp = PRINTABLE) String defaultRedirectURI,
		@JsonProperty("AllowedOAuthFlows") @Size(max = 3) List<@NotNull OAuthFlowType> allowedOAuthFlows,
		@JsonProperty("AllowedOAuthScopes") @Size(max = 50) List<@NotNull @Size(min = 1, max = 256) @Pattern(regexp = "[\\x21\\x23-\\x5B\\x5D-\\x7E]+") String> allowedOAuthScopes,
		@JsonProperty("AllowedOAuthFlowsUserPoolClient") Boolean allowedOAuthFlowsUserPoolClient,
		ObjectNode analyticsConfiguration,
		PreventUserExistenceErrorTypes preventUserExistenceErrors,
		Boolean enableTokenRevocation,
		Boolean enablePropagateAdditionalUserContextData,
		@Min(3) @Max(15) Integer authSessionValidity,
		@Valid RefreshTokenRotationType refreshTokenRotation) {

	static final String PRINTABLE = "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+";

	public record TokenValidityUnitsType(TimeUnitsType accessToken, TimeUnitsType idToken, TimeUnitsType refreshToken) {
	}

	public enum TimeUnitsType {

		@JsonProperty("seconds") SECONDS, @JsonProperty("minutes") MINUTES, @JsonProperty("hours") HOURS,
		@JsonProperty("days") DAYS

	}

	public enum ExplicitAuthFlowsType {

		ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY, USER_PASSWORD_AUTH, ALLOW_ADMIN_USER_PASSWORD_AUTH, ALLOW_CUSTOM_AUTH,
		ALLOW_USER_PASSWORD_AUTH, ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_AUTH;

		boolean legacy() {
			return !name().startsWith("ALLOW_");
		}

	}

	public enum OAuthFlowType {

		@JsonProperty("code") CODE, @JsonProperty("implicit") IMPLICIT,
		@JsonProperty("client_credentials") CLIENT_CREDENTIALS

	}

	public enum PreventUserExistenceErrorTypes {

		LEGACY, ENABLED

	}

	public record RefreshTokenRotationType(@NotNull FeatureType feature,
			@Min(0) @Max(60) Integer retryGracePeriodSeconds) {
	}

	public enum FeatureType {

		ENABLED, DISABLED

	}

}
