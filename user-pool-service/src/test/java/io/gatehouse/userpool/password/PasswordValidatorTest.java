package io.gatehouse.userpool.password;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class PasswordValidatorTest {

	private final PasswordValidator validator = new PasswordValidator();

	private final PasswordPolicy policy = PasswordPolicy.defaults();

	@Test
	void defaultPolicyIsCognitos() {
		assertThat(PasswordPolicy.defaults()).isEqualTo(new PasswordPolicy(8, true, true, true, true, 7));
	}

	@Test
	void validateWhenPolicyRuleBrokenThenCognitoMessage() {
		assertRefused("Ab1!xyz", PasswordRule.TOO_SHORT, "Password did not conform with policy: Password not long enough");
		assertRefused("Abcdefg!h", PasswordRule.MISSING_NUMBER,
				"Password did not conform with policy: Password must have numeric characters");
		assertRefused("Abcdefg1h", PasswordRule.MISSING_SYMBOL,
				"Password did not conform with policy: Password must have symbol characters");
		assertRefused("abcdefg1!", PasswordRule.MISSING_UPPERCASE,
				"Password did not conform with policy: Password must have uppercase characters");
		assertRefused("ABCDEFG1!", PasswordRule.MISSING_LOWERCASE,
				"Password did not conform with policy: Password must have lowercase characters");
	}

	@Test
	void validateWhenInnerSpaceThenItCountsAsSymbol() {
		assertThatNoException()
			.isThrownBy(() -> this.validator.validate("Quiet Lantern 8", this.policy, PasswordContext.none()));
		assertRefused(" QuietLantern8 ", PasswordRule.MISSING_SYMBOL,
				"Password did not conform with policy: Password must have symbol characters");
	}

	@Test
	void validateWhenCommonPasswordInAnyCaseThenRefused() {
		assertRefused("Password123!", PasswordRule.COMMON_PASSWORD,
				"Password did not conform with policy: Password is too common");
		PasswordPolicy lenient = new PasswordPolicy(6, false, false, false, false, 7);
		assertThatExceptionOfType(InvalidPasswordException.class)
			.isThrownBy(() -> this.validator.validate("iloveyou", lenient, PasswordContext.none()))
			.satisfies((ex) -> assertThat(ex.rule()).isEqualTo(PasswordRule.COMMON_PASSWORD));
		assertThatExceptionOfType(InvalidPasswordException.class)
			.isThrownBy(() -> this.validator.validate("Qwerty123!", this.policy, PasswordContext.none()))
			.satisfies((ex) -> assertThat(ex.rule()).isEqualTo(PasswordRule.COMMON_PASSWORD));
	}

	@Test
	void commonPasswordListShipsAboutTenThousandEntries() {
		assertThat(CommonPasswords.load().size()).isBetween(9000, 20000);
	}

	@Test
	void validateWhenPasswordContainsPoolNameUsernameOrEmailThenRefused() {
		PasswordContext context = PasswordContext.of("Acme Portal", "jdoe-admin", "jane.doe@example.com");

		assertContextRefused("Jdoe-Admin#2024", context);
		assertContextRefused("My-jane.doe-Pw1", context);
		assertContextRefused("acme portal!9X", context);
		assertThatNoException().isThrownBy(() -> this.validator.validate("Tangerine-Otter-42", this.policy, context));
	}

	@Test
	void validateWhenLongerThan256CharactersThenRefusedAnd256Accepted() {
		String base = "Aa1! lantern harbour ";
		String exactly256 = base.repeat(20).substring(0, 256);
		String over = exactly256 + "x";

		assertThatNoException().isThrownBy(() -> this.validator.validate(exactly256, this.policy, PasswordContext.none()));
		assertRefused(over, PasswordRule.TOO_LONG, "Password did not conform with policy: Password is too long");
	}

	@Test
	void validateWhenNistStylePolicyThenLongPassphraseWithoutClassesAccepted() {
		PasswordPolicy nist = new PasswordPolicy(15, false, false, false, false, 7);

		assertThatNoException().isThrownBy(
				() -> this.validator.validate("marmalade otters paddle south", nist, PasswordContext.none()));
		assertThatNoException().isThrownBy(
				() -> this.validator.validate("🦄🦄 émeraude lanterne 🐴🐴", nist, PasswordContext.none()));
	}

	private void assertRefused(String password, PasswordRule rule, String message) {
		InvalidPasswordException ex = org.junit.jupiter.api.Assertions.assertThrows(InvalidPasswordException.class,
				() -> this.validator.validate(password, this.policy, PasswordContext.none()));
		if (rule != null) {
			assertThat(ex.rule()).isEqualTo(rule);
			assertThat(ex.getMessage()).isEqualTo(message).doesNotContain(password);
		}
	}

	private void assertContextRefused(String password, PasswordContext context) {
		assertThatExceptionOfType(InvalidPasswordException.class)
			.isThrownBy(() -> this.validator.validate(password, this.policy, context))
			.satisfies((ex) -> assertThat(ex.rule()).isEqualTo(PasswordRule.CONTAINS_CONTEXT_WORD));
	}

}
