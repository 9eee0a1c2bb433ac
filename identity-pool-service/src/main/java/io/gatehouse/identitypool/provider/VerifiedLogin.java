package io.gatehouse.identitypool.provider;

/**
 * One entry of a Logins map whose token checked out.
 *
 * @param provider the Logins-map key ({@code host:port/userPoolId}, an OIDC provider's URL without scheme,
 * {@code accounts.google.com})
 * @param userPool whether the provider is a user pool, whose ID tokens carry {@code cognito:*} claims
 */
public record VerifiedLogin(String provider, VerifiedToken token, boolean userPool) {

	public String subject() {
		return this.token.subject();
	}

}
