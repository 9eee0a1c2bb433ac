package io.gatehouse.userpool.token;

import java.util.Set;
import java.util.UUID;

import io.gatehouse.userpool.auth.PoolUserAuthentication;

/**
 * Mints and ends tokens for the doors that are not the OAuth 2.0 token endpoint (InitiateAuth,
 * AdminInitiateAuth, GetTokensFromRefreshToken, RevokeToken, GlobalSignOut...). Implemented on Spring
 * Authorization Server's own pipeline ({@code OAuth2TokenGenerator} + {@code OAuth2AuthorizationService}),
 * so tokens from every door have the same shape and are equally refreshable, revocable and
 * introspectable (DESIGN.md principle 3).
 */
public interface TokenIssuer {

	/**
	 * Issues access, ID and refresh tokens to a user who has just authenticated.
	 * @param user the authenticated user; its pool must be the client's pool
	 * @param clientId the app client the user signed in through
	 * @param scopes granted scopes; the Cognito API door grants {@code openid}, {@code email},
	 * {@code phone}, {@code profile} and {@code aws.cognito.signin.user.admin} as Cognito does
	 */
	IssuedTokens issue(PoolUserAuthentication user, String clientId, Set<String> scopes);

	/**
	 * Exchanges a refresh token (REFRESH_TOKEN_AUTH, GetTokensFromRefreshToken): new access and ID tokens,
	 * and a new refresh token when the client rotates them ({@code RefreshTokenRotation} ENABLED, the default;
	 * then {@link IssuedTokens#refreshToken()} is set). A client that does not rotate keeps using the presented
	 * token. A rotated (already used) refresh token revokes its whole family, unless it is presented again within
	 * the client's retry grace period (see {@link HashedTokenAuthorizationService}).
	 * @throws InvalidRefreshTokenException when the token is unknown, expired, revoked, of another client or
	 * pool, or its user is disabled or deleted
	 */
	IssuedTokens refresh(String poolId, String clientId, String refreshToken);

	/**
	 * The user a refresh token of the client was issued to, without using it: for the Cognito door, which must
	 * check a confidential client's {@code SECRET_HASH} (computed over the user's name) before a refresh.
	 * Presenting an already-rotated token here is a replay like any other and revokes its family.
	 * @return empty when the token is unknown, revoked, rotated, or of another client or pool
	 */
	default java.util.Optional<UUID> refreshTokenSubject(String poolId, String clientId, String refreshToken) {
		return java.util.Optional.empty();
	}

	/** Revokes a refresh token and the tokens issued with it (RevokeToken); unknown tokens are ignored. */
	void revoke(String poolId, String clientId, String refreshToken);

	/** Revokes every token of a user (GlobalSignOut, AdminUserGlobalSignOut, disable, password reset). */
	void revokeAll(String poolId, UUID sub);

	/**
	 * Whether an access token (already signature-checked by the caller) is still active: not revoked, its
	 * user not signed out globally since it was issued. Lets self-service operations refuse a token at once.
	 */
	boolean isAccessTokenActive(String poolId, String accessTokenJti);

}
