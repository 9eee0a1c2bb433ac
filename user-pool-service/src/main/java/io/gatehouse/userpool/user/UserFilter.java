package io.gatehouse.userpool.user;

import java.util.Optional;

/**
 * A ListUsers {@code Filter}: {@code AttributeName Filter-Type "AttributeValue"} with {@code =} (exact) or
 * {@code ^=} (starts with), one attribute at a time, quotes inside the value escaped with a backslash, as the
 * Cognito API reference for ListUsers defines it. An empty filter lists every user.
 */
public record UserFilter(SearchAttribute attribute, Operator operator, String value) {

	/** Cognito's {@code UserFilterType} is at most 256 characters. */
	static final int MAX_LENGTH = 256;

	public enum Operator {

		EQUALS, STARTS_WITH

	}

	/**
	 * @return the filter, or empty when {@code filter} is null or blank
	 * @throws InvalidUserParameterException when the filter is malformed or names an attribute that cannot be
	 * searched
	 */
	public static Optional<UserFilter> parse(String filter) {
		if (filter == null || filter.isBlank()) {
			return Optional.empty();
		}
		if (filter.length() > MAX_LENGTH) {
			throw invalid();
		}
		int i = skipSpaces(filter, 0);
		int nameStart = i;
		while (i < filter.length() && isNameChar(filter.charAt(i))) {
			i++;
		}
		String name = filter.substring(nameStart, i);
		SearchAttribute attribute = SearchAttribute.fromFilterName(name)
			.orElseThrow(() -> InvalidUserParameterException.username("Invalid search attribute"));
		i = skipSpaces(filter, i);
		Operator operator;
		if (filter.startsWith("^=", i)) {
			operator = Operator.STARTS_WITH;
			i += 2;
		}
		else if (filter.startsWith("=", i)) {
			operator = Operator.EQUALS;
			i += 1;
		}
		else {
			throw invalid();
		}
		i = skipSpaces(filter, i);
		if (i >= filter.length() || filter.charAt(i) != '"') {
			throw invalid();
		}
		StringBuilder value = new StringBuilder();
		i++;
		boolean closed = false;
		while (i < filter.length()) {
			char c = filter.charAt(i++);
			if (c == '\\') {
				if (i >= filter.length()) {
					throw invalid();
				}
				value.append(filter.charAt(i++));
			}
			else if (c == '"') {
				closed = true;
				break;
			}
			else {
				value.append(c);
			}
		}
		if (!closed || skipSpaces(filter, i) != filter.length()) {
			throw invalid();
		}
		return Optional.of(new UserFilter(attribute, operator, value.toString()));
	}

	private static boolean isNameChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == ':';
	}

	private static int skipSpaces(String text, int from) {
		int i = from;
		while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
			i++;
		}
		return i;
	}

	private static InvalidUserParameterException invalid() {
		return InvalidUserParameterException.username(
				"Error while parsing filter: the filter must be AttributeName = \"value\" or AttributeName ^= \"value\".");
	}

}
