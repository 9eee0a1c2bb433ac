package io.gatehouse.userpool.pool;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.gatehouse.userpool.password.PasswordPolicy;
import io.gatehouse.userpool.pool.UserPoolSettings.PasswordPolicyType;
import io.gatehouse.userpool.pool.UserPoolSettings.SchemaAttributeType;
import io.gatehouse.userpool.user.AttributeDataType;
import io.gatehouse.userpool.user.AttributeDefinition;
import io.gatehouse.userpool.user.AttributeSchema;
import io.gatehouse.userpool.user.PoolUserSettings;
import io.gatehouse.userpool.user.SignInAttribute;

/**
 * Maps a stored pool (AWS shapes) to what the user feature needs ({@link PoolUserSettings}), so users and
 * pools stay separate features and every door reads the same settings the same way.
 */
final class PoolUserSettingsMapping {

	private PoolUserSettingsMapping() {
	}

	static PoolUserSettings map(UserPool pool) {
		UserPoolSettings settings = pool.settings();
		boolean caseSensitive = settings.usernameConfiguration() != null
				&& Boolean.TRUE.equals(settings.usernameConfiguration().caseSensitive());
		return new PoolUserSettings(pool.id(), pool.name(), caseSensitive, usernameAttributes(settings),
				aliasAttributes(settings), schema(pool.schemaAttributes()), passwordPolicy(settings));
	}

	private static Set<SignInAttribute> usernameAttributes(UserPoolSettings settings) {
		Set<SignInAttribute> attributes = EnumSet.noneOf(SignInAttribute.class);
		if (settings.usernameAttributes() != null) {
			settings.usernameAttributes().forEach((attribute) -> attributes.add(switch (attribute) {
				case EMAIL -> SignInAttribute.EMAIL;
				case PHONE_NUMBER -> SignInAttribute.PHONE_NUMBER;
			}));
		}
		return attributes;
	}

	private static Set<SignInAttribute> aliasAttributes(UserPoolSettings settings) {
		Set<SignInAttribute> attributes = EnumSet.noneOf(SignInAttribute.class);
		if (settings.aliasAttributes() != null) {
			settings.aliasAttributes().forEach((attribute) -> attributes.add(switch (attribute) {
				case EMAIL -> SignInAttribute.EMAIL;
				case PHONE_NUMBER -> SignInAttribute.PHONE_NUMBER;
				case PREFERRED_USERNAME -> SignInAttribute.PREFERRED_USERNAME;
			}));
		}
		return attributes;
	}

	private static AttributeSchema schema(List<SchemaAttributeType> attributes) {
		List<AttributeDefinition> definitions = new ArrayList<>();
		for (SchemaAttributeType attribute : attributes) {
			boolean developerOnly = Boolean.TRUE.equals(attribute.developerOnlyAttribute());
			Integer minLength = null;
			Integer maxLength = null;
			if (attribute.stringAttributeConstraints() != null) {
				minLength = integer(attribute.stringAttributeConstraints().minLength());
				maxLength = integer(attribute.stringAttributeConstraints().maxLength());
			}
			BigDecimal minValue = null;
			BigDecimal maxValue = null;
			if (attribute.numberAttributeConstraints() != null) {
				minValue = decimal(attribute.numberAttributeConstraints().minValue());
				maxValue = decimal(attribute.numberAttributeConstraints().maxValue());
			}
			definitions.add(new AttributeDefinition(attribute.name(), dataType(attribute.attributeDataType()),
					Boolean.TRUE.equals(attribute.required()), !Boolean.FALSE.equals(attribute.mutable()), developerOnly,
					minLength, maxLength, minValue, maxValue));
		}
		return AttributeSchema.of(definitions);
	}

	private static AttributeDataType dataType(UserPoolSettings.AttributeDataType type) {
		if (type == null) {
			return AttributeDataType.STRING;
		}
		return switch (type) {
			case STRING -> AttributeDataType.STRING;
			case NUMBER -> AttributeDataType.NUMBER;
			case DATE_TIME -> AttributeDataType.DATE_TIME;
			case BOOLEAN -> AttributeDataType.BOOLEAN;
		};
	}

	/**
	 * A pool created without a policy gets SECURITY.md's NIST default (length over composition): at least 8
	 * characters and no character-class rules; the validator's blocklist and context checks apply anyway.
	 */
	static PasswordPolicy passwordPolicy(UserPoolSettings settings) {
		PasswordPolicyType policy = (settings.policies() != null) ? settings.policies().passwordPolicy() : null;
		if (policy == null) {
			return new PasswordPolicy(8, false, false, false, false, 7);
		}
		return new PasswordPolicy((policy.minimumLength() != null) ? policy.minimumLength() : 8,
				Boolean.TRUE.equals(policy.requireUppercase()), Boolean.TRUE.equals(policy.requireLowercase()),
				Boolean.TRUE.equals(policy.requireNumbers()), Boolean.TRUE.equals(policy.requireSymbols()),
				(policy.temporaryPasswordValidityDays() != null) ? policy.temporaryPasswordValidityDays() : 7);
	}

	private static Integer integer(String value) {
		return (value == null || value.isBlank()) ? null : Integer.valueOf(value.trim());
	}

	private static BigDecimal decimal(String value) {
		return (value == null || value.isBlank()) ? null : new BigDecimal(value.trim());
	}

}
