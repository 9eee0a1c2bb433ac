package io.gatehouse.userpool.client;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.gatehouse.userpool.client.AppClientSettings.ExplicitAuthFlowsType;

/**
 * An app client as DescribeUserPoolClient shows it.
 *
 * @param clientSecret the secret in clear, or null for a public client; Cognito returns it from create and
 * describe, so it is sealed at rest rather than hashed only
 */
public record AppClient(String userPoolId, String clientId, String clientName, String clientSecret,
		AppClientSettings settings, Instant creationDate, Instant lastModifiedDate) {

	public boolean hasSecret() {
		return this.clientSecret != null;
	}

	/**
	 * Whether {@code presented} is this client's {@code SecretHash} for {@code username}: Base64 of
	 * HMAC-SHA256 keyed with the client secret over {@code username + clientId} (Cognito Developer Guide,
	 * "Computing secret hash values"), compared in constant time. False for a public client.
	 */
	public boolean secretHashMatches(String username, String presented) {
		if (this.clientSecret == null || username == null || presented == null || presented.length() > 128) {
			return false;
		}
		byte[] expected;
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			expected = Base64.getEncoder()
				.encode(mac.doFinal((username + this.clientId).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is unavailable", ex);
		}
		return MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8));
	}

	/** Whether {@code presented} is this client's secret, compared in constant time. False for a public client. */
	public boolean secretMatches(String presented) {
		return this.clientSecret != null && presented != null
				&& MessageDigest.isEqual(this.clientSecret.getBytes(StandardCharsets.UTF_8),
						presented.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Whether the client's {@code ExplicitAuthFlows} allow an {@code AuthFlow} of InitiateAuth or
	 * AdminInitiateAuth. The legacy names ({@code USER_PASSWORD_AUTH}, {@code ADMIN_NO_SRP_AUTH}) count as
	 * their {@code ALLOW_} forms; a client listing only legacy names may always refresh, as in Cognito.
	 * @param authFlow the wire name: {@code USER_PASSWORD_AUTH}, {@code ADMIN_USER_PASSWORD_AUTH} (or
	 * {@code ADMIN_NO_SRP_AUTH}), {@code REFRESH_TOKEN_AUTH} (or {@code REFRESH_TOKEN})
	 */
	public boolean allowsAuthFlow(String authFlow) {
		List<ExplicitAuthFlowsType> flows = (this.settings.explicitAuthFlows() != null)
				? this.settings.explicitAuthFlows() : AppClientService.DEFAULT_AUTH_FLOWS;
		return switch (authFlow) {
			case "USER_PASSWORD_AUTH" -> flows.contains(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH)
					|| flows.contains(ExplicitAuthFlowsType.USER_PASSWORD_AUTH);
			case "ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH" ->
				flows.contains(ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH)
						|| flows.contains(ExplicitAuthFlowsType.ADMIN_NO_SRP_AUTH);
			case "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN" -> flows.contains(ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
					|| flows.stream().allMatch(ExplicitAuthFlowsType::legacy);
			default -> false;
		};
	}

	@Override
	public String toString() {
		return "AppClient[userPoolId=" + this.userPoolId + ", clientId=" + this.clientId + ", clientName="
				+ this.clientName + ", clientSecret=" + ((this.clientSecret != null) ? "[redacted]" : "none") + "]";
	}

}
