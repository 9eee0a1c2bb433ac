package io.gatehouse.userpool.audit;

/**
 * One challenge answered during an authentication, Cognito's {@code ChallengeResponseType}.
 *
 * @param challenge which kind of challenge ({@code Password} or {@code Mfa})
 * @param success whether the answer was right ({@code Success} or {@code Failure})
 */
public record ChallengeResult(Challenge challenge, boolean success) {

	public static ChallengeResult password(boolean success) {
		return new ChallengeResult(Challenge.PASSWORD, success);
	}

	public static ChallengeResult mfa(boolean success) {
		return new ChallengeResult(Challenge.MFA, success);
	}

	/** Cognito's {@code ChallengeName} of a {@code ChallengeResponseType}. */
	public enum Challenge {

		PASSWORD("Password"),

		MFA("Mfa");

		private final String wireName;

		Challenge(String wireName) {
			this.wireName = wireName;
		}

		public String wireName() {
			return this.wireName;
		}

	}

}
