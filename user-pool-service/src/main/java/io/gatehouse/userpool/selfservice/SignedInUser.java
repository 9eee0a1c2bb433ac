package io.gatehouse.userpool.selfservice;

import java.util.UUID;

/**
 * The user an access token speaks for, after {@link SelfService#authenticate}: the token is valid and active,
 * it carries {@code aws.cognito.signin.user.admin}, and the user exists and is enabled.
 *
 * @param clientId the app client the token was issued to (its ReadAttributes and WriteAttributes apply)
 */
public record SignedInUser(String poolId, UUID sub, String username, String clientId) {
}
