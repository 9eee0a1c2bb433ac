package io.gatehouse.userpool.auth;

/**
 * The challenges of Cognito's {@code ChallengeNameType} that the {@link AuthenticationEngine} can ask. Only
 * {@link #NEW_PASSWORD_REQUIRED} is answered today; the others are named so that the doors and the flow
 * table already speak their names when MFA, passkeys and custom challenges arrive.
 */
public enum ChallengeName {

	/** A temporary password (administrator-created user) must be replaced; required attributes may be given. */
	NEW_PASSWORD_REQUIRED,

	SMS_MFA,

	SOFTWARE_TOKEN_MFA,

	EMAIL_OTP,

	SELECT_MFA_TYPE,

	MFA_SETUP,

	WEB_AUTHN,

	CUSTOM_CHALLENGE;

	/** The name as sent on the wire, or empty when it is not one of Cognito's challenge names we know. */
	public static java.util.Optional<ChallengeName> fromWire(String name) {
		for (ChallengeName challenge : values()) {
			if (challenge.name().equals(name)) {
				return java.util.Optional.of(challenge);
			}
		}
		return java.util.Optional.empty();
	}

}
