package io.gatehouse.userpool.client;

import java.time.Instant;

/**
 * An app client as DescribeUserPoolClient shows it.
 *
 * @param clientSecret the secret in clear, or null for a public client; Cognito returns it from create and
 * describe, so it is sealed at rest rather than hashed only
 */
public record AppClient(String userPoolId, String clientId, String clientName, String clientSecret,
		AppClientSettings settings, Instant creationDate, Instant lastModifiedDate) {

	@Override
	public String toString() {
		return "AppClient[userPoolId=" + this.userPoolId + ", clientId=" + this.clientId + ", clientName="
				+ this.clientName + ", clientSecret=" + ((this.clientSecret != null) ? "[redacted]" : "none") + "]";
	}

}
