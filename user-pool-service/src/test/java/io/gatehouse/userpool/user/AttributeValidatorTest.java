package io.gatehouse.userpool.user;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class AttributeValidatorTest {

	private static final AttributeSchema SCHEMA = AttributeSchema.of(List.of(
			AttributeDefinition.string("custom:team", false, true, 2, 10),
			AttributeDefinition.number("custom:level", false, true, BigDecimal.ONE, BigDecimal.TEN),
			AttributeDefinition.bool("custom:member", false, true),
			AttributeDefinition.dateTime("custom:joined", false, true),
			AttributeDefinition.string("custom:badge", false, false, null, null),
			new AttributeDefinition("dev:legacyId", AttributeDataType.STRING, false, true, true, null, null, null,
					null)));

	@Test
	void standardSchemaHasCognitosDefaults() {
		AttributeSchema standard = AttributeSchema.standard();
		assertThat(standard.definitions()).extracting(AttributeDefinition::name)
			.contains("sub", "email", "email_verified", "phone_number", "phone_number_verified", "birthdate",
					"updated_at", "preferred_username", "address", "zoneinfo", "locale", "website", "identities");
		assertThat(standard.find("sub")).hasValueSatisfying((sub) -> {
			assertThat(sub.required()).isTrue();
			assertThat(sub.mutable()).isFalse();
		});
		assertThat(standard.find("birthdate").orElseThrow().maxLength()).isEqualTo(10);
		assertThat(standard.find("updated_at").orElseThrow().dataType()).isEqualTo(AttributeDataType.NUMBER);
		assertThat(standard.find("email_verified").orElseThrow().dataType()).isEqualTo(AttributeDataType.BOOLEAN);
	}

	@Test
	void validateWhenUnknownAttributeThenErrorNamesIt() {
		assertInvalid(Map.of("custom:unknown", "x"),
				"Attributes did not conform to the schema: custom:unknown: Attribute does not exist in the schema.");
		assertInvalid(Map.of("nonsense", "x"),
				"Attributes did not conform to the schema: nonsense: Attribute does not exist in the schema.");
	}

	@Test
	void validateWhenAttributeNameIsHostileThenErrorDoesNotEchoIt() {
		assertInvalid(Map.of("<script>alert(1)</script>", "x"),
				"Attributes did not conform to the schema: (attribute name): Attribute does not exist in the schema.");
	}

	@Test
	void validateWhenStringOutOfLengthOrNumberOutOfRangeThenRefused() {
		assertInvalid(Map.of("custom:team", "a"),
				"Attributes did not conform to the schema: custom:team: String must be at least 2 characters");
		assertInvalid(Map.of("custom:team", "abcdefghijk"),
				"Attributes did not conform to the schema: custom:team: String must be no longer than 10 characters");
		assertInvalid(Map.of("custom:level", "11"),
				"Attributes did not conform to the schema: custom:level: Number must be no greater than 10");
		assertInvalid(Map.of("custom:level", "1e9"),
				"Attributes did not conform to the schema: custom:level: Number is not a valid integer.");
		assertInvalid(Map.of("custom:member", "yes"),
				"Attributes did not conform to the schema: custom:member: Boolean must be true or false.");
		assertInvalid(Map.of("custom:joined", "yesterday"), "Attributes did not conform to the schema:"
				+ " custom:joined: DateTime must be an ISO 8601 date or date-time.");
		assertInvalid(Map.of("name", "x".repeat(2049)),
				"Attributes did not conform to the schema: name: String must be no longer than 2048 characters");
	}

	@Test
	void validateWhenEmailOrPhoneMalformedThenRefused() {
		assertInvalid(Map.of("email", "not-an-email"),
				"Attributes did not conform to the schema: email: Invalid email address format.");
		assertInvalid(Map.of("phone_number", "+1 (415) 555-0100"),
				"Attributes did not conform to the schema: phone_number: Invalid phone number format.");
		assertInvalid(Map.of("birthdate", "1990/01/01"),
				"Attributes did not conform to the schema: birthdate: Invalid birthdate format (YYYY-MM-DD).");
	}

	@Test
	void validateWhenValueHasNulCharacterThenRefused() {
		assertInvalid(Map.of("name", "a\u0000b"), "Attributes did not conform to the schema: name: Invalid attribute value.");
	}

	@Test
	void validateWhenDeveloperOnlyOrVerifiedFlagWrittenBySelfServiceThenRefusedButAdminMay() {
		assertThatExceptionOfType(InvalidUserParameterException.class).isThrownBy(() -> AttributeValidator
			.validateNew(SCHEMA, Map.of("dev:legacyId", "42"), AttributeWriter.SELF_SERVICE));
		assertThatExceptionOfType(InvalidUserParameterException.class).isThrownBy(() -> AttributeValidator
			.validateNew(SCHEMA, Map.of("email_verified", "true"), AttributeWriter.SELF_SERVICE));
		assertThat(AttributeValidator.validateNew(SCHEMA, Map.of("dev:legacyId", "42", "email", "a@example.com",
				"email_verified", "TRUE"), AttributeWriter.ADMIN))
			.containsEntry("email_verified", "true");
	}

	@Test
	void validateUpdateWhenImmutableOrSystemManagedThenRefused() {
		assertThatExceptionOfType(InvalidUserParameterException.class)
			.isThrownBy(() -> AttributeValidator.validateUpdate(SCHEMA, Map.of("custom:badge", "old"),
					Map.of("custom:badge", "new"), AttributeWriter.ADMIN))
			.withMessage("Attributes did not conform to the schema: custom:badge: Attribute cannot be updated.");
		assertThatExceptionOfType(InvalidUserParameterException.class)
			.isThrownBy(() -> AttributeValidator.validateUpdate(SCHEMA, Map.of(), Map.of("sub", "x"),
					AttributeWriter.ADMIN))
			.withMessage("Attributes did not conform to the schema: sub: Attribute cannot be updated.");
		assertThatNoException().isThrownBy(() -> AttributeValidator.validateNew(SCHEMA, Map.of("custom:badge", "new"),
				AttributeWriter.SELF_SERVICE));
	}

	@Test
	void schemaWhenCustomAttributeWithoutPrefixThenRefused() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> AttributeSchema.of(List.of(AttributeDefinition.string("team", false, true, 0, 10))));
	}

	@Test
	void customStringAcceptedExactlyWhenWithinItsLength() {
		// Up to 15 UTF-16 units: ASCII, other BMP text, NUL, lone surrogates and surrogate pairs (one
		// character each).
		String pair = "\ud83d\ude00";
		List<String> examples = List.of("", "a", "ab", "abcdefghij", "abcdefghijk", "x".repeat(15), "\u00e9\u00e9",
				"\u4e2d".repeat(10), "\u4e2d".repeat(11), pair, pair + pair, pair.repeat(7), "a" + pair.repeat(5) + "a",
				"\u0000\u0000", "a\u0000b", "ab\u0000", "\ud800a", "a\ud800", "\udc00a", "a\udc00b", "\ude00\ud83d",
				"\ud83d\ud83d", " \t\n", "\uffff\ufffe");
		Function<Random, String> strings = (random) -> {
			int length = random.nextInt(16);
			StringBuilder value = new StringBuilder(length);
			while (value.length() < length) {
				int kind = random.nextInt(10);
				if (kind < 5) {
					value.append((char) random.nextInt(0x80));
				}
				else if (kind < 8) {
					value.append((char) (0x80 + random.nextInt(0xD800 - 0x80)));
				}
				else if (kind == 8 && value.length() + 2 <= length) {
					value.appendCodePoint(0x10000 + random.nextInt(0x100000));
				}
				else {
					value.append((char) (0xD800 + random.nextInt(0x800)));
				}
			}
			return value.toString();
		};
		forAll(examples, 1000, strings, (value) -> {
			boolean wellFormed = value.codePoints().allMatch((c) -> c != 0 && (c < 0xD800 || c > 0xDFFF));
			int length = value.codePointCount(0, value.length());
			boolean expected = wellFormed && length >= 2 && length <= 10;
			boolean accepted;
			try {
				AttributeValidator.validateNew(SCHEMA, Map.of("custom:team", value), AttributeWriter.SELF_SERVICE);
				accepted = true;
			}
			catch (InvalidUserParameterException ex) {
				accepted = false;
			}
			assertThat(accepted).isEqualTo(expected);
		});
	}

	@Test
	void numberAcceptedExactlyWhenInRange() {
		// Every value of the range, not a sample of it: as cheap as 1000 tries and needs no seed.
		for (int value = -1000; value <= 1000; value++) {
			boolean accepted;
			try {
				AttributeValidator.validateNew(SCHEMA, Map.of("custom:level", Integer.toString(value)),
						AttributeWriter.SELF_SERVICE);
				accepted = true;
			}
			catch (InvalidUserParameterException ex) {
				accepted = false;
			}
			assertThat(accepted).as("custom:level = %d", value).isEqualTo(value >= 1 && value <= 10);
		}
	}

	@Test
	void phoneNumberAcceptedExactlyWhenE164() {
		String alphabet = "+0123456789 -()";
		List<String> examples = List.of("", "+", "+1", "+12", "+0", "+01", "12", "+123456789012345",
				"+1234567890123456", "+9" + "9".repeat(14), "++12", "+1 415", "+1-415", "(+1)415", "+12 ", " +12",
				"+".repeat(18), "9".repeat(18), "+" + "0".repeat(17));
		Function<Random, String> phoneLike = (random) -> {
			int length = random.nextInt(19);
			StringBuilder value = new StringBuilder(length);
			// Half of them start like a number, so that both sides of the boundary are well sampled.
			boolean plausible = random.nextBoolean();
			for (int i = 0; i < length; i++) {
				if (plausible && i == 0) {
					value.append('+');
				}
				else if (plausible && random.nextInt(8) > 0) {
					value.append((char) ('0' + random.nextInt(10)));
				}
				else {
					value.append(alphabet.charAt(random.nextInt(alphabet.length())));
				}
			}
			return value.toString();
		};
		forAll(examples, 1000, phoneLike, (value) -> {
			boolean e164 = value.matches("\\+[1-9][0-9]{1,14}");
			assertThat(AttributeValidator.isPhoneNumber(value)).isEqualTo(e164);
		});
	}

	private static void assertInvalid(Map<String, String> attributes, String message) {
		assertThatExceptionOfType(InvalidUserParameterException.class)
			.isThrownBy(() -> AttributeValidator.validateNew(SCHEMA, attributes, AttributeWriter.ADMIN))
			.withMessage(message);
	}

	/**
	 * Checks {@code property} on the examples, then on {@code tries} values drawn from {@code new Random(seed)}:
	 * the seed is {@code -Dproperty.seed} if given, else fixed, and a failure names it with the value. (The
	 * shared-model tests have the same runner; this module does not depend on their test classes.)
	 */
	private static void forAll(List<String> examples, int tries, Function<Random, String> generator,
			Consumer<String> property) {
		long seed = Long.parseLong(System.getProperty("property.seed", "20260115").trim());
		for (int i = 1; i <= examples.size(); i++) {
			check(property, examples.get(i - 1), "example " + i + " of " + examples.size(), seed);
		}
		Random random = new Random(seed);
		for (int i = 1; i <= tries; i++) {
			check(property, generator.apply(random), "try " + i + " of " + tries, seed);
		}
	}

	private static void check(Consumer<String> property, String value, String which, long seed) {
		try {
			property.accept(value);
		}
		catch (AssertionError | RuntimeException ex) {
			throw new AssertionError("Property failed on " + which + " (seed " + seed + "; rerun with -Dproperty.seed="
					+ seed + ") for \"" + escape(value) + "\": " + ex, ex);
		}
	}

	/** Printable ASCII as is, anything else (NUL, lone surrogates) as a Java unicode escape. */
	private static String escape(String value) {
		StringBuilder escaped = new StringBuilder();
		for (char c : value.toCharArray()) {
			escaped.append((c >= ' ' && c <= '~' && c != '"' && c != '\\') ? String.valueOf(c)
					: String.format("\\u%04x", (int) c));
		}
		return escaped.toString();
	}

}
