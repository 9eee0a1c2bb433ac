package io.gatehouse.userpool.audit;

/**
 * One call of an admin operation, accepted or refused. Recorded by the Cognito API door; nothing in it comes
 * from a secret member of the request.
 *
 * @param operation the operation name ({@code AdminCreateUser}); for a refused call the name the request gave
 * @param accessKeyId the admin key that signed the call; for a refused call the key id it claimed, if any
 * @param poolId the {@code UserPoolId} of the request; null when the call was refused before its body was read
 * @param target the user, group or client the request named ({@code Username}, {@code GroupName},
 * {@code ClientId}); null if none or unread
 * @param errorType the AWS error type of a failed or refused call; null on success
 */
public record AdminOperationEvent(String operation, String accessKeyId, String poolId, String target,
		AuditOutcome outcome, String errorType, RequestOrigin origin) {
}
