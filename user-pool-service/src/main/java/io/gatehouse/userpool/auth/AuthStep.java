package io.gatehouse.userpool.auth;

import java.util.Map;
import java.util.Objects;

/**
 * Where a sign-in stands after a step of the {@link AuthenticationEngine}: done, waiting for the answer to a
 * challenge, or refused. Doors switch over it exhaustively and translate it to their wire (tokens or a
 * session, {@code ChallengeName}/{@code Session}/{@code ChallengeParameters}, an error type or an error on
 * the page).
 */
public sealed interface AuthStep permits AuthStep.Authenticated, AuthStep.Challenge, AuthStep.Failed {

	/** The user is signed in; mint tokens (Cognito API) or keep it in the web session (hosted pages). */
	record Authenticated(PoolUserAuthentication authentication) implements AuthStep {

		public Authenticated {
			Objects.requireNonNull(authentication, "authentication");
		}

	}

	/**
	 * The user must answer {@code name}. Pass {@code session} back to {@link AuthenticationEngine#respond}
	 * unchanged; it is single-use (except after an answer the engine lets the user correct, see
	 * {@link Failed#retryable()}) and expires after {@link AuthenticationEngine#SESSION_VALIDITY}.
	 *
	 * @param parameters Cognito's {@code ChallengeParameters} for this challenge
	 */
	record Challenge(ChallengeName name, String session, Map<String, String> parameters) implements AuthStep {

		public Challenge {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(session, "session");
			parameters = Map.copyOf(parameters);
		}

		@Override
		public String toString() {
			return "Challenge[name=" + this.name + ", session=[redacted]]";
		}

	}

	/**
	 * Refused.
	 *
	 * @param reason what to tell the caller (already reduced to what the client may learn)
	 * @param message a message safe to show, usually {@code reason.defaultMessage()}
	 * @param retryable true when the challenge answer was refused but the same session may answer again (a new
	 * password that breaks the policy, a missing required attribute)
	 */
	record Failed(AuthError reason, String message, boolean retryable) implements AuthStep {

		public Failed {
			Objects.requireNonNull(reason, "reason");
			message = (message != null) ? message : reason.defaultMessage();
		}

		public Failed(AuthError reason) {
			this(reason, reason.defaultMessage(), false);
		}

	}

}
