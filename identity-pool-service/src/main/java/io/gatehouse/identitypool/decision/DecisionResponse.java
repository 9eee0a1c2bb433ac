package io.gatehouse.identitypool.decision;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link DecisionRequest}.
 *
 * @param allowed whether to let the request through
 * @param decision {@code ALLOW}, {@code EXPLICIT_DENY}, {@code IMPLICIT_DENY}, or {@code NOT_AUTHENTICATED}
 * when the signature or credentials were refused
 * @param error for {@code NOT_AUTHENTICATED}: the AWS error code and a message
 * @param statement the statement that decided, when one did
 * @param reasons for {@code IMPLICIT_DENY}: why each statement did not apply
 */
record DecisionResponse(boolean allowed, String decision, Error error, Principal principal, String role,
		Map<String, String> principalTags, Statement statement, List<String> reasons) {

	record Error(String code, String message) {
	}

	record Principal(String arn, String identityId, String identityPoolId, String accessKeyId, List<String> amr,
			Instant expiration) {
	}

	record Statement(String policyName, int index, String sid, String effect) {
	}

}
