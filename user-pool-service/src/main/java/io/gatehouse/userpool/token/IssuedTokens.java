package io.gatehouse.userpool.token;

import java.time.Duration;

/**
 * Cognito's {@code AuthenticationResultType}: the tokens of one successful authentication or refresh.
 *
 * @param refreshToken null when a refresh did not rotate the refresh token
 * @param expiresIn lifetime of the access token
 */
public record IssuedTokens(String accessToken, String idToken, String refreshToken, Duration expiresIn) {

	/** Always {@code Bearer}, as Cognito's {@code TokenType}. */
	public String tokenType() {
		return "Bearer";
	}

	@Override
	public String toString() {
		return "IssuedTokens[redacted, expiresIn=" + this.expiresIn + "]";
	}

}
