package io.gatehouse.identitypool.provider;

import java.util.Map;

/**
 * A token whose signature, issuer, audience, use and validity window were checked.
 *
 * @param claims the token's claims (strings, numbers, booleans, lists, maps)
 */
public record VerifiedToken(String issuer, String subject, String audience, Map<String, Object> claims) {

	public VerifiedToken {
		claims = Map.copyOf(claims);
	}

	@Override
	public String toString() {
		return "VerifiedToken[issuer=" + this.issuer + ", subject=" + this.subject + "]";
	}

}
