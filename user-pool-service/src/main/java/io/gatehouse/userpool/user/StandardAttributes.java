package io.gatehouse.userpool.user;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The standard attributes every Cognito user pool has (OpenID Connect Core 1.0 §5.1 standard claims, as
 * the Cognito developer guide "User pool attributes" lists them) with the constraints {@code DescribeUserPool}
 * reports for a new pool: strings up to 2048 characters, {@code sub} required and immutable,
 * {@code birthdate} exactly 10 characters, {@code updated_at} a non-negative number.
 */
public final class StandardAttributes {

	public static final String SUB = "sub";

	public static final String EMAIL = "email";

	public static final String EMAIL_VERIFIED = "email_verified";

	public static final String PHONE_NUMBER = "phone_number";

	public static final String PHONE_NUMBER_VERIFIED = "phone_number_verified";

	public static final String PREFERRED_USERNAME = "preferred_username";

	public static final String BIRTHDATE = "birthdate";

	public static final String UPDATED_AT = "updated_at";

	/** Set by federation, never by a client. */
	public static final String IDENTITIES = "identities";

	public static final String CUSTOM_PREFIX = "custom:";

	public static final String DEVELOPER_PREFIX = "dev:";

	/** Cognito's default (and largest) string attribute length. */
	public static final int MAX_STRING_LENGTH = 2048;

	/** Attributes the service maintains itself; no caller may write them. */
	static final Set<String> SYSTEM_MANAGED = Set.of(SUB, IDENTITIES);

	private static final Map<String, AttributeDefinition> DEFAULTS = defaultsByName();

	private StandardAttributes() {
	}

	/** The standard attributes of a new pool, in {@code DescribeUserPool}'s order. */
	public static List<AttributeDefinition> defaults() {
		return List.copyOf(DEFAULTS.values());
	}

	public static boolean isStandard(String name) {
		return DEFAULTS.containsKey(name);
	}

	public static AttributeDefinition defaultDefinition(String name) {
		AttributeDefinition definition = DEFAULTS.get(name);
		if (definition == null) {
			throw new IllegalArgumentException("not a standard attribute");
		}
		return definition;
	}

	private static Map<String, AttributeDefinition> defaultsByName() {
		Map<String, AttributeDefinition> defaults = new LinkedHashMap<>();
		put(defaults, AttributeDefinition.string(SUB, true, false, 1, MAX_STRING_LENGTH));
		for (String name : List.of("name", "given_name", "family_name", "middle_name", "nickname",
				PREFERRED_USERNAME, "profile", "picture", "website", EMAIL)) {
			put(defaults, AttributeDefinition.string(name, false, true, 0, MAX_STRING_LENGTH));
		}
		put(defaults, AttributeDefinition.bool(EMAIL_VERIFIED, false, true));
		put(defaults, AttributeDefinition.string("gender", false, true, 0, MAX_STRING_LENGTH));
		put(defaults, AttributeDefinition.string(BIRTHDATE, false, true, 10, 10));
		put(defaults, AttributeDefinition.string("zoneinfo", false, true, 0, MAX_STRING_LENGTH));
		put(defaults, AttributeDefinition.string("locale", false, true, 0, MAX_STRING_LENGTH));
		put(defaults, AttributeDefinition.string(PHONE_NUMBER, false, true, 0, MAX_STRING_LENGTH));
		put(defaults, AttributeDefinition.bool(PHONE_NUMBER_VERIFIED, false, true));
		put(defaults, AttributeDefinition.string("address", false, true, 0, MAX_STRING_LENGTH));
		put(defaults, AttributeDefinition.number(UPDATED_AT, false, true, BigDecimal.ZERO, null));
		put(defaults, AttributeDefinition.string(IDENTITIES, false, true, 0, MAX_STRING_LENGTH));
		return defaults;
	}

	private static void put(Map<String, AttributeDefinition> defaults, AttributeDefinition definition) {
		defaults.put(definition.name(), definition);
	}

}
