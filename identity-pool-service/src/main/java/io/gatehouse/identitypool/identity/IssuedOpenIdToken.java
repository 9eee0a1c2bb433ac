package io.gatehouse.identitypool.identity;

/**
 * @param identityId the identity the token names; differs from the one asked for when a guest identity was
 * merged into the identity its login already had
 */
public record IssuedOpenIdToken(String identityId, String token) {

	@Override
	public String toString() {
		return "IssuedOpenIdToken[identityId=" + this.identityId + "]";
	}

}
