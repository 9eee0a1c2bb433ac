package io.gatehouse.identitypool.credentials;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * What a sealed session token carries: enough to verify a request signed with temporary credentials and
 * to evaluate the role's policies, without any database read.
 *
 * @param identityId the identity of an identity pool the credentials were issued to; null for credentials
 * from STS AssumeRoleWithWebIdentity with another provider's token
 * @param identityPoolId that identity's pool, or null
 * @param amr the authentication methods, as Cognito puts them in {@code cognito-identity.amazonaws.com:amr}
 * @param sessionName the role session name of the assumed-role ARN ({@code RoleSessionName}; the identity
 * id for credentials from GetCredentialsForIdentity)
 * @param provider the federated provider: {@code cognito-identity.amazonaws.com} or an OIDC provider's ARN
 * @param webIdentityKeys condition keys of another provider's token ({@code <provider url>:sub}, ...)
 */
public record SessionClaims(String accessKeyId, String secretAccessKey, String identityId, String identityPoolId,
		String roleArn, List<String> amr, Map<String, String> principalTags, long issuedAt, long expiresAt,
		String sessionName, String provider, Map<String, List<String>> webIdentityKeys) {

	public static final String COGNITO_IDENTITY = "cognito-identity.amazonaws.com";

	@JsonCreator
	public SessionClaims {
		amr = (amr == null) ? List.of() : List.copyOf(amr);
		principalTags = (principalTags == null) ? Map.of() : Map.copyOf(principalTags);
		sessionName = (sessionName == null) ? identityId : sessionName;
		provider = (provider == null) ? COGNITO_IDENTITY : provider;
		webIdentityKeys = (webIdentityKeys == null) ? Map.of() : Map.copyOf(webIdentityKeys);
	}

	/** Credentials of an identity-pool identity (the enhanced flow). */
	public SessionClaims(String accessKeyId, String secretAccessKey, String identityId, String identityPoolId,
			String roleArn, List<String> amr, Map<String, String> principalTags, long issuedAt, long expiresAt) {
		this(accessKeyId, secretAccessKey, identityId, identityPoolId, roleArn, amr, principalTags, issuedAt,
				expiresAt, null, null, null);
	}

	public Instant expiration() {
		return Instant.ofEpochSecond(this.expiresAt);
	}

	/** The role's name: the last path segment of its ARN. */
	public String roleName() {
		return this.roleArn.substring(this.roleArn.lastIndexOf('/') + 1);
	}

	/** Whether an identity of an identity pool holds these credentials, so Cognito's condition keys apply. */
	public boolean cognitoIdentity() {
		return COGNITO_IDENTITY.equals(this.provider) && this.identityId != null;
	}

	@Override
	public String toString() {
		return "SessionClaims[sessionName=" + this.sessionName + ", roleArn=" + this.roleArn + "]";
	}

}
