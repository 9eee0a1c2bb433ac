package io.gatehouse.userpool.user;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks attribute writes against a pool's {@link AttributeSchema}: the attribute exists, the writer may
 * write it, the value has the declared type and fits its constraints, email and phone numbers are well
 * formed, required attributes stay present. Errors name the attribute, never echo the value.
 */
final class AttributeValidator {

	/** E.164: a plus sign, a country code that does not start with 0, at most 15 digits in all. */
	private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

	private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+"
			+ "(?:\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+"
			+ "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?");

	private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,30}");

	private static final Pattern BIRTHDATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

	/** Cognito's custom attribute name: 1 to 20 characters after the prefix. */
	private static final Pattern CUSTOM_NAME = Pattern.compile("(custom|dev):[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]{1,20}");

	private static final Pattern SAFE_NAME = Pattern.compile("[\\p{L}\\p{M}\\p{N}_:.-]{1,64}");

	private AttributeValidator() {
	}

	/** Validates the attributes of a new user; returns them normalized (booleans lower-case). */
	static Map<String, String> validateNew(AttributeSchema schema, Map<String, String> attributes,
			AttributeWriter writer) {
		Map<String, String> result = new LinkedHashMap<>();
		attributes.forEach((name, value) -> {
			AttributeDefinition definition = writable(schema, name, writer);
			result.put(name, checkValue(definition, value));
		});
		requirePresent(schema, result);
		return result;
	}

	/** Validates changes to an existing user's attributes; returns the merged attributes. */
	static Map<String, String> validateUpdate(AttributeSchema schema, Map<String, String> current,
			Map<String, String> changes, AttributeWriter writer) {
		Map<String, String> result = new LinkedHashMap<>(current);
		changes.forEach((name, value) -> {
			AttributeDefinition definition = writable(schema, name, writer);
			if (!definition.mutable()) {
				throw InvalidUserParameterException.attribute(name, "Attribute cannot be updated.");
			}
			result.put(name, checkValue(definition, value));
		});
		requirePresent(schema, result);
		return result;
	}

	/** Validates removing attributes; returns what remains. */
	static Map<String, String> validateDelete(AttributeSchema schema, Map<String, String> current,
			Collection<String> names, AttributeWriter writer) {
		Map<String, String> result = new LinkedHashMap<>(current);
		for (String name : names) {
			AttributeDefinition definition = writable(schema, name, writer);
			if (definition.required()) {
				throw InvalidUserParameterException.attribute(name, "The attribute is required");
			}
			if (!definition.mutable()) {
				throw InvalidUserParameterException.attribute(name, "Attribute cannot be updated.");
			}
			result.remove(name);
		}
		return result;
	}

	static boolean isEmail(String value) {
		return value != null && value.length() <= 254 && value.indexOf('@') <= 64 && EMAIL.matcher(value).matches();
	}

	static boolean isPhoneNumber(String value) {
		return value != null && E164.matcher(value).matches();
	}

	/** An attribute name fit to appear in an error message. */
	static String safeName(String name) {
		return (name != null && SAFE_NAME.matcher(name).matches()) ? name : "(attribute name)";
	}

	private static AttributeDefinition writable(AttributeSchema schema, String name, AttributeWriter writer) {
		if (name == null || !wellFormed(name)) {
			throw InvalidUserParameterException.attribute(name, "Attribute does not exist in the schema.");
		}
		AttributeDefinition definition = schema.find(name)
			.orElseThrow(() -> InvalidUserParameterException.attribute(name, "Attribute does not exist in the schema."));
		if (!StandardAttributes.isStandard(name) && !CUSTOM_NAME.matcher(name).matches()) {
			throw InvalidUserParameterException.attribute(name, "Attribute does not exist in the schema.");
		}
		if (StandardAttributes.SYSTEM_MANAGED.contains(name)) {
			throw InvalidUserParameterException.attribute(name, "Attribute cannot be updated.");
		}
		if (writer != AttributeWriter.ADMIN && (definition.developerOnly()
				|| name.startsWith(StandardAttributes.DEVELOPER_PREFIX))) {
			throw InvalidUserParameterException.attribute(name, "Attribute cannot be updated.");
		}
		if (writer != AttributeWriter.ADMIN && (StandardAttributes.EMAIL_VERIFIED.equals(name)
				|| StandardAttributes.PHONE_NUMBER_VERIFIED.equals(name))) {
			throw InvalidUserParameterException.attribute(name, "Attribute cannot be updated.");
		}
		return definition;
	}

	private static String checkValue(AttributeDefinition definition, String value) {
		String name = definition.name();
		if (value == null || !wellFormed(value)) {
			throw InvalidUserParameterException.attribute(name, "Invalid attribute value.");
		}
		int length = value.codePointCount(0, value.length());
		if (length > StandardAttributes.MAX_STRING_LENGTH) {
			throw InvalidUserParameterException.attribute(name, "String must be no longer than 2048 characters");
		}
		String normalized = switch (definition.dataType()) {
			case STRING -> checkString(definition, value, length);
			case NUMBER -> checkNumber(definition, value);
			case BOOLEAN -> checkBoolean(name, value);
			case DATE_TIME -> checkDateTime(name, value);
		};
		if (StandardAttributes.EMAIL.equals(name) && !isEmail(value)) {
			throw InvalidUserParameterException.attribute(name, "Invalid email address format.");
		}
		if (StandardAttributes.PHONE_NUMBER.equals(name) && !isPhoneNumber(value)) {
			throw InvalidUserParameterException.attribute(name, "Invalid phone number format.");
		}
		if (StandardAttributes.BIRTHDATE.equals(name) && !BIRTHDATE.matcher(value).matches()) {
			throw InvalidUserParameterException.attribute(name, "Invalid birthdate format (YYYY-MM-DD).");
		}
		return normalized;
	}

	private static String checkString(AttributeDefinition definition, String value, int length) {
		if (definition.minLength() != null && length < definition.minLength()) {
			throw InvalidUserParameterException.attribute(definition.name(),
					"String must be at least " + definition.minLength() + " characters");
		}
		if (definition.maxLength() != null && length > definition.maxLength()) {
			throw InvalidUserParameterException.attribute(definition.name(),
					"String must be no longer than " + definition.maxLength() + " characters");
		}
		return value;
	}

	private static String checkNumber(AttributeDefinition definition, String value) {
		if (!INTEGER.matcher(value).matches()) {
			throw InvalidUserParameterException.attribute(definition.name(), "Number is not a valid integer.");
		}
		BigDecimal number = new BigDecimal(value);
		if (definition.minValue() != null && number.compareTo(definition.minValue()) < 0) {
			throw InvalidUserParameterException.attribute(definition.name(),
					"Number must be at least " + definition.minValue().toPlainString());
		}
		if (definition.maxValue() != null && number.compareTo(definition.maxValue()) > 0) {
			throw InvalidUserParameterException.attribute(definition.name(),
					"Number must be no greater than " + definition.maxValue().toPlainString());
		}
		return value;
	}

	private static String checkBoolean(String name, String value) {
		String lower = value.toLowerCase(Locale.ROOT);
		if (!lower.equals("true") && !lower.equals("false")) {
			throw InvalidUserParameterException.attribute(name, "Boolean must be true or false.");
		}
		return lower;
	}

	private static String checkDateTime(String name, String value) {
		try {
			OffsetDateTime.parse(value);
			return value;
		}
		catch (DateTimeParseException ex) {
			// Not an offset date-time; try the other ISO 8601 forms below.
		}
		try {
			LocalDateTime.parse(value);
			return value;
		}
		catch (DateTimeParseException ex) {
			// Not a local date-time either.
		}
		try {
			LocalDate.parse(value);
			return value;
		}
		catch (DateTimeParseException ex) {
			throw InvalidUserParameterException.attribute(name, "DateTime must be an ISO 8601 date or date-time.");
		}
	}

	private static void requirePresent(AttributeSchema schema, Map<String, String> attributes) {
		for (AttributeDefinition definition : schema.definitions()) {
			if (definition.required() && !StandardAttributes.SYSTEM_MANAGED.contains(definition.name())) {
				String value = attributes.get(definition.name());
				if (value == null || value.isEmpty()) {
					throw InvalidUserParameterException.attribute(definition.name(), "The attribute is required");
				}
			}
		}
	}

	/** No NUL and no lone surrogate: PostgreSQL's jsonb refuses the first, UTF-8 cannot encode the second. */
	private static boolean wellFormed(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == 0) {
				return false;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
					return false;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

}
