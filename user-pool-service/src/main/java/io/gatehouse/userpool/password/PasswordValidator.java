package io.gatehouse.userpool.password;

import java.text.Normalizer;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * The one check every new password goes through: at sign-up, change, reset and when an administrator sets
 * one. The pool's {@link PasswordPolicy} first (as Cognito reports it), then NIST SP 800-63B: at most 256
 * characters (Cognito's limit), not a common or breached password, no context word.
 */
@Component
public final class PasswordValidator {

	/** Cognito's maximum password length. */
	public static final int MAXIMUM_LENGTH = 256;

	/** Context words shorter than this are not searched for inside a password (too many false hits). */
	private static final int MINIMUM_CONTEXT_WORD = 4;

	/** Cognito's special characters; a space counts too when it is neither leading nor trailing. */
	private static final String SYMBOLS = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+-";

	private final CommonPasswords commonPasswords = CommonPasswords.load();

	/**
	 * @throws InvalidPasswordException naming the first rule {@code password} breaks
	 */
	public void validate(String password, PasswordPolicy policy, PasswordContext context) {
		if (password == null) {
			throw new InvalidPasswordException(PasswordRule.TOO_SHORT);
		}
		int length = password.codePointCount(0, password.length());
		if (length > MAXIMUM_LENGTH) {
			throw new InvalidPasswordException(PasswordRule.TOO_LONG);
		}
		if (length < policy.minimumLength()) {
			throw new InvalidPasswordException(PasswordRule.TOO_SHORT);
		}
		if (policy.requireNumbers() && password.codePoints().noneMatch(Character::isDigit)) {
			throw new InvalidPasswordException(PasswordRule.MISSING_NUMBER);
		}
		if (policy.requireSymbols() && !hasSymbol(password)) {
			throw new InvalidPasswordException(PasswordRule.MISSING_SYMBOL);
		}
		if (policy.requireUppercase() && password.codePoints().noneMatch(Character::isUpperCase)) {
			throw new InvalidPasswordException(PasswordRule.MISSING_UPPERCASE);
		}
		if (policy.requireLowercase() && password.codePoints().noneMatch(Character::isLowerCase)) {
			throw new InvalidPasswordException(PasswordRule.MISSING_LOWERCASE);
		}
		String folded = Normalizer.normalize(password, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		if (this.commonPasswords.contains(folded)) {
			throw new InvalidPasswordException(PasswordRule.COMMON_PASSWORD);
		}
		for (String word : context.words()) {
			String normalized = Normalizer.normalize(word, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
			if (folded.equals(normalized)
					|| (normalized.codePointCount(0, normalized.length()) >= MINIMUM_CONTEXT_WORD
							&& folded.contains(normalized))) {
				throw new InvalidPasswordException(PasswordRule.CONTAINS_CONTEXT_WORD);
			}
		}
	}

	private static boolean hasSymbol(String password) {
		String inner = password.strip();
		for (int i = 0; i < password.length(); i++) {
			if (SYMBOLS.indexOf(password.charAt(i)) >= 0) {
				return true;
			}
		}
		return inner.indexOf(' ') >= 0;
	}

}
