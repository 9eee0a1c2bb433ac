package io.gatehouse.userpool.user;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
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

	@Property
	void customStringAcceptedExactlyWhenWithinItsLength(@ForAll @StringLength(max = 15) String value) {
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
	}

	@Property
	void numberAcceptedExactlyWhenInRange(@ForAll @IntRange(min = -1000, max = 1000) int value) {
		boolean accepted;
		try {
			AttributeValidator.validateNew(SCHEMA, Map.of("custom:level", Integer.toString(value)),
					AttributeWriter.SELF_SERVICE);
			accepted = true;
		}
		catch (InvalidUserParameterException ex) {
			accepted = false;
		}
		assertThat(accepted).isEqualTo(value >= 1 && value <= 10);
	}

	@Property
	void phoneNumberAcceptedExactlyWhenE164(@ForAll("phoneLike") String value) {
		boolean e164 = value.matches("\\+[1-9][0-9]{1,14}");
		assertThat(AttributeValidator.isPhoneNumber(value)).isEqualTo(e164);
	}

	@Provide
	Arbitrary<String> phoneLike() {
		return Arbitraries.strings().withChars("+0123456789 -()").ofMinLength(0).ofMaxLength(18);
	}

	private static void assertInvalid(Map<String, String> attributes, String message) {
		assertThatExceptionOfType(InvalidUserParameterException.class)
			.isThrownBy(() -> AttributeValidator.validateNew(SCHEMA, attributes, AttributeWriter.ADMIN))
			.withMessage(message);
	}

}
