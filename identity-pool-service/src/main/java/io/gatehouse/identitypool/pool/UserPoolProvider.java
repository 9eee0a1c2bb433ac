package io.gatehouse.identitypool.pool;

/**
 * A user pool app client trusted by an identity pool ({@code CognitoIdentityProvider}).
 *
 * @param providerName the user pool's issuer without scheme
 * @param clientId the app client id the ID token's {@code aud} must be
 */
public record UserPoolProvider(String providerName, String clientId, boolean serverSideTokenCheck) {
}
