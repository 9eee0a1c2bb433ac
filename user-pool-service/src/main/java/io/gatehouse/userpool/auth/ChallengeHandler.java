package io.gatehouse.userpool.auth;

import java.util.List;
import java.util.Map;

import io.gatehouse.userpool.user.PoolUserSettings;
import io.gatehouse.userpool.user.User;

/**
 * Asks and checks one kind of challenge. The {@link AuthenticationEngine} owns the flow (sessions, binding,
 * expiry, attempts, what comes next); a handler only knows its challenge's parameters and answers. MFA,
 * passkey and custom challenges are added as further handlers plus a rule in
 * {@code AuthenticationEngine#nextStep}.
 */
interface ChallengeHandler {

	ChallengeName challenge();

	/** Cognito's {@code ChallengeParameters} when this challenge is put to {@code user}. */
	Map<String, String> parameters(PoolUserSettings pool, User user);

	/** Checks {@code responses} ({@code ChallengeResponses}) and applies what the answer changes. */
	Outcome answer(PoolUserSettings pool, User user, Map<String, String> responses);

	sealed interface Outcome {

		/** @param methods {@code amr} values this answer proved (may be empty) */
		record Passed(List<String> methods) implements Outcome {
		}

		/** @param correctable the user may answer again with the same session */
		record Refused(AuthError error, String message, boolean correctable) implements Outcome {
		}

	}

}
