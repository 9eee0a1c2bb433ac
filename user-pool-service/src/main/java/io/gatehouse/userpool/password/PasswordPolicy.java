package io.gatehouse.userpool.password;

/**
 * A user pool's password policy, Cognito's {@code PasswordPolicyType}. The validator adds the NIST SP
 * 800-63B checks (common passwords, context words, maximum length) whatever the policy says.
 *
 * @param minimumLength 6 to 99 characters (code points)
 * @param temporaryPasswordValidityDays 0 to 365 days an administrator-set temporary password stays usable
 */
public record PasswordPolicy(int minimumLength, boolean requireUppercase, boolean requireLowercase,
		boolean requireNumbers, boolean requireSymbols, int temporaryPasswordValidityDays) {

	public PasswordPolicy {
		if (minimumLength < 6 || minimumLength > 99) {
			throw new IllegalArgumentException("MinimumLength must be between 6 and 99");
		}
		if (temporaryPasswordValidityDays < 0 || temporaryPasswordValidityDays > 365) {
			throw new IllegalArgumentException("TemporaryPasswordValidityDays must be between 0 and 365");
		}
	}

	/** Cognito's defaults for a new pool: 8 characters, all four character classes, 7 days. */
	public static PasswordPolicy defaults() {
		return new PasswordPolicy(8, true, true, true, true, 7);
	}

}
