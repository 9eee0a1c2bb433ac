package io.gatehouse.userpool.user;

import java.math.BigDecimal;

/**
 * One attribute of a pool's schema, Cognito's {@code SchemaAttributeType} after defaults are applied.
 * {@code name} is the full name users see: {@code email}, {@code custom:tier}, {@code dev:legacyId}.
 * Length constraints apply to {@link AttributeDataType#STRING} values (in characters), value constraints to
 * {@link AttributeDataType#NUMBER}; a {@code null} bound is unbounded.
 */
public record AttributeDefinition(String name, AttributeDataType dataType, boolean required, boolean mutable,
		boolean developerOnly, Integer minLength, Integer maxLength, BigDecimal minValue, BigDecimal maxValue) {

	public AttributeDefinition {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("an attribute needs a name");
		}
		if (dataType == null) {
			throw new IllegalArgumentException("an attribute needs a data type");
		}
		if (minLength != null && maxLength != null && minLength > maxLength) {
			throw new IllegalArgumentException("MinLength is greater than MaxLength");
		}
		if (minValue != null && maxValue != null && minValue.compareTo(maxValue) > 0) {
			throw new IllegalArgumentException("MinValue is greater than MaxValue");
		}
	}

	public static AttributeDefinition string(String name, boolean required, boolean mutable, Integer minLength,
			Integer maxLength) {
		return new AttributeDefinition(name, AttributeDataType.STRING, required, mutable, false, minLength, maxLength,
				null, null);
	}

	public static AttributeDefinition number(String name, boolean required, boolean mutable, BigDecimal minValue,
			BigDecimal maxValue) {
		return new AttributeDefinition(name, AttributeDataType.NUMBER, required, mutable, false, null, null, minValue,
				maxValue);
	}

	public static AttributeDefinition bool(String name, boolean required, boolean mutable) {
		return new AttributeDefinition(name, AttributeDataType.BOOLEAN, required, mutable, false, null, null, null,
				null);
	}

	public static AttributeDefinition dateTime(String name, boolean required, boolean mutable) {
		return new AttributeDefinition(name, AttributeDataType.DATE_TIME, required, mutable, false, null, null, null,
				null);
	}

	public boolean isCustom() {
		return this.name.startsWith(StandardAttributes.CUSTOM_PREFIX);
	}

	public AttributeDefinition withRequired(boolean required) {
		return new AttributeDefinition(this.name, this.dataType, required, this.mutable, this.developerOnly,
				this.minLength, this.maxLength, this.minValue, this.maxValue);
	}

	public AttributeDefinition withMutable(boolean mutable) {
		return new AttributeDefinition(this.name, this.dataType, this.required, mutable, this.developerOnly,
				this.minLength, this.maxLength, this.minValue, this.maxValue);
	}

}
