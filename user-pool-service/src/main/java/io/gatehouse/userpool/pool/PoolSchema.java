package io.gatehouse.userpool.pool;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.gatehouse.userpool.pool.UserPoolSettings.AttributeDataType;
import io.gatehouse.userpool.pool.UserPoolSettings.NumberAttributeConstraintsType;
import io.gatehouse.userpool.pool.UserPoolSettings.SchemaAttributeType;
import io.gatehouse.userpool.pool.UserPoolSettings.StringAttributeConstraintsType;

/**
 * Builds a pool's schema from the {@code Schema} of CreateUserPool: the OIDC standard attributes Cognito
 * always has (Cognito developer guide, "Working with user attributes"), with the changes the request
 * makes to them, followed by its custom attributes, named {@code custom:<name>} (or
 * {@code dev:custom:<name>} when developer-only) as DescribeUserPool shows them.
 */
final class PoolSchema {

	static final int MAX_CUSTOM_ATTRIBUTES = 50;

	private static final int MAX_STRING_LENGTH = 2048;

	private static final Map<String, SchemaAttributeType> STANDARD = standard();

	private PoolSchema() {
	}

	static List<SchemaAttributeType> merge(List<SchemaAttributeType> given) {
		Map<String, SchemaAttributeType> standard = new LinkedHashMap<>(STANDARD);
		List<SchemaAttributeType> custom = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (SchemaAttributeType attribute : (given != null) ? given : List.<SchemaAttributeType>of()) {
			if (attribute.name() == null) {
				throw new InvalidSettingException("Every schema attribute must have a Name.");
			}
			if (!seen.add(attribute.name())) {
				throw new InvalidSettingException("Duplicate schema attribute: " + attribute.name() + ".");
			}
			SchemaAttributeType known = standard.get(attribute.name());
			if (known != null) {
				standard.put(attribute.name(), changeStandard(known, attribute));
			}
			else {
				custom.add(custom(attribute));
			}
		}
		if (custom.size() > MAX_CUSTOM_ATTRIBUTES) {
			throw new InvalidSettingException("A user pool can have at most " + MAX_CUSTOM_ATTRIBUTES + " custom attributes.");
		}
		List<SchemaAttributeType> merged = new ArrayList<>(standard.values());
		merged.addAll(custom);
		return List.copyOf(merged);
	}

	private static SchemaAttributeType changeStandard(SchemaAttributeType standard, SchemaAttributeType change) {
		if (change.attributeDataType() != null && change.attributeDataType() != standard.attributeDataType()) {
			throw new InvalidSettingException("The data type of the standard attribute " + standard.name()
					+ " is " + wireName(standard.attributeDataType()) + " and can't be changed.");
		}
		if (Boolean.TRUE.equals(change.developerOnlyAttribute())) {
			throw new InvalidSettingException("Standard attribute " + standard.name() + " can't be developer-only.");
		}
		if ("sub".equals(standard.name())) {
			boolean same = (change.mutable() == null || !change.mutable())
					&& (change.required() == null || change.required())
					&& change.stringAttributeConstraints() == null && change.numberAttributeConstraints() == null;
			if (!same) {
				throw new InvalidSettingException("The attribute sub can't be changed.");
			}
			return standard;
		}
		if (change.numberAttributeConstraints() != null && standard.attributeDataType() != AttributeDataType.NUMBER) {
			throw new InvalidSettingException("NumberAttributeConstraints apply to Number attributes only.");
		}
		StringAttributeConstraintsType strings = standard.stringAttributeConstraints();
		if (change.stringAttributeConstraints() != null) {
			if (standard.attributeDataType() != AttributeDataType.STRING) {
				throw new InvalidSettingException("StringAttributeConstraints apply to String attributes only.");
			}
			strings = checkedString(change.name(), change.stringAttributeConstraints());
		}
		return new SchemaAttributeType(standard.name(), standard.attributeDataType(), false,
				(change.mutable() != null) ? change.mutable() : standard.mutable(),
				(change.required() != null) ? change.required() : standard.required(),
				(change.numberAttributeConstraints() != null)
						? checkedNumber(change.name(), change.numberAttributeConstraints())
						: standard.numberAttributeConstraints(),
				strings);
	}

	private static SchemaAttributeType custom(SchemaAttributeType attribute) {
		if (attribute.name().startsWith("custom:") || attribute.name().startsWith("dev:")) {
			throw new InvalidSettingException("Name custom attributes without the custom: prefix; Cognito adds it.");
		}
		if (Boolean.TRUE.equals(attribute.required())) {
			throw new InvalidSettingException("Required custom attributes are not supported currently.");
		}
		AttributeDataType type = (attribute.attributeDataType() != null) ? attribute.attributeDataType()
				: AttributeDataType.STRING;
		if (attribute.stringAttributeConstraints() != null && type != AttributeDataType.STRING) {
			throw new InvalidSettingException("StringAttributeConstraints apply to String attributes only.");
		}
		if (attribute.numberAttributeConstraints() != null && type != AttributeDataType.NUMBER) {
			throw new InvalidSettingException("NumberAttributeConstraints apply to Number attributes only.");
		}
		boolean developerOnly = Boolean.TRUE.equals(attribute.developerOnlyAttribute());
		return new SchemaAttributeType((developerOnly ? "dev:custom:" : "custom:") + attribute.name(), type,
				developerOnly, (attribute.mutable() != null) ? attribute.mutable() : Boolean.TRUE, false,
				(attribute.numberAttributeConstraints() != null)
						? checkedNumber(attribute.name(), attribute.numberAttributeConstraints()) : null,
				(type == AttributeDataType.STRING) ? checkedString(attribute.name(),
						(attribute.stringAttributeConstraints() != null) ? attribute.stringAttributeConstraints()
								: new StringAttributeConstraintsType(null, null))
						: null);
	}

	private static StringAttributeConstraintsType checkedString(String name, StringAttributeConstraintsType constraints) {
		Integer min = integer(name, "MinLength", constraints.minLength());
		Integer max = integer(name, "MaxLength", constraints.maxLength());
		if ((min != null && (min < 0 || min > MAX_STRING_LENGTH)) || (max != null && (max < 0 || max > MAX_STRING_LENGTH))
				|| (min != null && max != null && min > max)) {
			throw new InvalidSettingException("The StringAttributeConstraints of " + name
					+ " must satisfy 0 <= MinLength <= MaxLength <= " + MAX_STRING_LENGTH + ".");
		}
		return constraints;
	}

	private static NumberAttributeConstraintsType checkedNumber(String name, NumberAttributeConstraintsType constraints) {
		BigDecimal min = decimal(name, "MinValue", constraints.minValue());
		BigDecimal max = decimal(name, "MaxValue", constraints.maxValue());
		if (min != null && max != null && min.compareTo(max) > 0) {
			throw new InvalidSettingException("The MinValue of " + name + " is greater than its MaxValue.");
		}
		return constraints;
	}

	private static Integer integer(String name, String member, String value) {
		if (value == null) {
			return null;
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			throw new InvalidSettingException(member + " of " + name + " must be a whole number.");
		}
	}

	private static BigDecimal decimal(String name, String member, String value) {
		if (value == null) {
			return null;
		}
		if (value.length() > 40) {
			throw new InvalidSettingException(member + " of " + name + " must be a number.");
		}
		try {
			return new BigDecimal(value);
		}
		catch (NumberFormatException ex) {
			throw new InvalidSettingException(member + " of " + name + " must be a number.");
		}
	}

	private static String wireName(AttributeDataType type) {
		return switch (type) {
			case STRING -> "String";
			case NUMBER -> "Number";
			case DATE_TIME -> "DateTime";
			case BOOLEAN -> "Boolean";
		};
	}

	private static Map<String, SchemaAttributeType> standard() {
		Map<String, SchemaAttributeType> attributes = new LinkedHashMap<>();
		attributes.put("sub", new SchemaAttributeType("sub", AttributeDataType.STRING, false, false, true, null,
				new StringAttributeConstraintsType("1", "2048")));
		for (String name : List.of("name", "given_name", "family_name", "middle_name", "nickname", "preferred_username",
				"profile", "picture", "website", "email")) {
			attributes.put(name, string(name, "0", "2048"));
		}
		attributes.put("email_verified", bool("email_verified"));
		attributes.put("gender", string("gender", "0", "2048"));
		attributes.put("birthdate", string("birthdate", "10", "10"));
		attributes.put("zoneinfo", string("zoneinfo", "0", "2048"));
		attributes.put("locale", string("locale", "0", "2048"));
		attributes.put("phone_number", string("phone_number", "0", "2048"));
		attributes.put("phone_number_verified", bool("phone_number_verified"));
		attributes.put("address", string("address", "0", "2048"));
		attributes.put("updated_at", new SchemaAttributeType("updated_at", AttributeDataType.NUMBER, false, true, false,
				new NumberAttributeConstraintsType("0", null), null));
		attributes.put("identities", new SchemaAttributeType("identities", AttributeDataType.STRING, false, true, false,
				null, new StringAttributeConstraintsType(null, null)));
		return java.util.Collections.unmodifiableMap(attributes);
	}

	private static SchemaAttributeType string(String name, String min, String max) {
		return new SchemaAttributeType(name, AttributeDataType.STRING, false, true, false, null,
				new StringAttributeConstraintsType(min, max));
	}

	private static SchemaAttributeType bool(String name) {
		return new SchemaAttributeType(name, AttributeDataType.BOOLEAN, false, true, false, null, null);
	}

}
