package io.gatehouse.userpool.password;

import java.security.SecureRandom;

import org.springframework.stereotype.Component;

/**
 * Temporary passwords for users an administrator creates without giving one (AdminCreateUser): random
 * from {@link SecureRandom}, at least 16 characters or the policy's minimum, one of every class the policy
 * requires, and checked by the same {@link PasswordValidator} as every other password. Ambiguous characters
 * ({@code 0O1lI}) are left out because people type these from an email or a text message.
 */
@Component
public final class TemporaryPasswordGenerator {

	private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";

	private static final String DIGITS = "23456789";

	/** Cognito symbols that survive email, SMS and shells without quoting trouble. */
	private static final String SYMBOLS = "!#%*+-=?@^_~";

	private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;

	private static final int LENGTH = 16;

	private final SecureRandom random = new SecureRandom();

	private final PasswordValidator validator;

	TemporaryPasswordGenerator(PasswordValidator validator) {
		this.validator = validator;
	}

	/** A password that satisfies {@code policy} and is not a common password or a context word. */
	public String generate(PasswordPolicy policy, PasswordContext context) {
		while (true) {
			String candidate = candidate(Math.max(LENGTH, policy.minimumLength()));
			try {
				this.validator.validate(candidate, policy, context);
				return candidate;
			}
			catch (InvalidPasswordException ex) {
				// Vanishingly rare (a context word by chance): draw again.
			}
		}
	}

	private String candidate(int length) {
		char[] password = new char[length];
		// One of each class at random positions, the rest from all classes.
		password[0] = pick(UPPER);
		password[1] = pick(LOWER);
		password[2] = pick(DIGITS);
		password[3] = pick(SYMBOLS);
		for (int i = 4; i < length; i++) {
			password[i] = pick(ALL);
		}
		for (int i = length - 1; i > 0; i--) {
			int j = this.random.nextInt(i + 1);
			char swap = password[i];
			password[i] = password[j];
			password[j] = swap;
		}
		return new String(password);
	}

	private char pick(String alphabet) {
		return alphabet.charAt(this.random.nextInt(alphabet.length()));
	}

}
