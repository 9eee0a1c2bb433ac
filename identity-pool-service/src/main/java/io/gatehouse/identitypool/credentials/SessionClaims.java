package io.gatehouse.identitypool.credentials;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a sealed session token carries: enough to verify a request signed with temporary credentials and
 * to evaluate the role's policies, without any database read.
 *
 * @param amr the authentication methods, as Cognito puts them in {@code cognito-identity.amazonaws.com:amr}
 */
public record SessionClaims(String accessKeyId, String secretAccessKey, String identityId, String identityPoolId,
		String roleArn, List<String> amr, Map<String, String> principalTags, long issuedAt, long expiresAt) {

	public SessionClaims {
		amr = List.copyOf(amr);
		principalTags = Map.copyOf(principalTags);
	}

	public Instant expiration() {
		return Instant.ofEpochSecond(this.expiresAt);
	}

	/** The role's name: the last path segment of its ARN. */
	public String roleName() {
		return this.roleArn.substring(this.roleArn.lastIndexOf('/') + 1);
	}

	@Override
	public String toString() {
		return "SessionClaims[identityId=" + this.identityId + ", roleArn=" + this.roleArn + "]";
	}

}
