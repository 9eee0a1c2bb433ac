package io.gatehouse.userpool.signup;

import java.util.UUID;

import io.gatehouse.userpool.code.CodeDeliveryDetails;

/**
 * Cognito's {@code SignUpResponse}.
 *
 * @param codeDeliveryDetails where the confirmation code went; null when the pool verifies nothing
 * automatically (an administrator then confirms the user)
 */
public record SignUpResult(UUID userSub, boolean userConfirmed, CodeDeliveryDetails codeDeliveryDetails) {
}
