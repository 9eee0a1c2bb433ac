package io.gatehouse.identitypool.role;

import java.time.Instant;

/** A role as the IAM API shows it. */
public record RoleView(String name, String roleId, String path, String arn, String description,
		String assumeRolePolicyDocument, int maxSessionDuration, Instant createdAt) {
}
