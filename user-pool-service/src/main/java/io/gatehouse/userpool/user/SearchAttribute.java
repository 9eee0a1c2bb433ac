package io.gatehouse.userpool.user;

import java.util.Optional;

/**
 * The attributes ListUsers can filter on, each with the key it is indexed by (see migration V52): the same
 * SQL expression appears in the index and in the query, or PostgreSQL would not use the index.
 */
public enum SearchAttribute {

	/** By the pool's username key: case-insensitive unless the pool's usernames are case-sensitive. */
	USERNAME("username", "(username_key COLLATE \"C\")", null),

	EMAIL("email", "(lower(attributes ->> 'email') COLLATE \"C\")", "lower"),

	PHONE_NUMBER("phone_number", "((attributes ->> 'phone_number') COLLATE \"C\")", null),

	NAME("name", "(lower(attributes ->> 'name') COLLATE \"C\")", "lower"),

	GIVEN_NAME("given_name", "(lower(attributes ->> 'given_name') COLLATE \"C\")", "lower"),

	FAMILY_NAME("family_name", "(lower(attributes ->> 'family_name') COLLATE \"C\")", "lower"),

	PREFERRED_USERNAME("preferred_username", "(lower(attributes ->> 'preferred_username') COLLATE \"C\")", "lower"),

	/** {@code cognito:user_status} (Status in the console): case-insensitive. */
	USER_STATUS("cognito:user_status", "(status COLLATE \"C\")", "upper"),

	/** {@code status} (Enabled in the console): {@code Enabled} or {@code Disabled}, case-sensitive. */
	STATUS("status", "((CASE WHEN enabled THEN 'Enabled' ELSE 'Disabled' END) COLLATE \"C\")", null),

	SUB("sub", "((sub::text) COLLATE \"C\")", "lower");

	private final String filterName;

	private final String key;

	private final String valueFunction;

	SearchAttribute(String filterName, String key, String valueFunction) {
		this.filterName = filterName;
		this.key = key;
		this.valueFunction = valueFunction;
	}

	public String filterName() {
		return this.filterName;
	}

	/** The indexed SQL expression. */
	String key() {
		return this.key;
	}

	/** The SQL that turns a filter value into a key: the same function as in the index. */
	String value(String parameter) {
		return (this.valueFunction != null) ? this.valueFunction + "(" + parameter + ")" : parameter;
	}

	static Optional<SearchAttribute> fromFilterName(String name) {
		for (SearchAttribute attribute : values()) {
			if (attribute.filterName.equals(name)) {
				return Optional.of(attribute);
			}
		}
		return Optional.empty();
	}

}
