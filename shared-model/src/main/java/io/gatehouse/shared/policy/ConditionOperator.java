package io.gatehouse.shared.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The condition operators of the IAM User Guide's "IAM JSON policy elements: Condition operators", without
 * their {@code IfExists} suffix and set qualifier. A negated operator ({@code StringNotEquals},
 * {@code NotIpAddress}, ...) is the complement of its positive twin: it holds when no policy value
 * matches (the docs' "logical NOR").
 */
enum ConditionOperator {

	STRING_EQUALS("StringEquals", Kind.STRING, false),
	STRING_NOT_EQUALS("StringNotEquals", Kind.STRING, true),
	STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Kind.STRING, false),
	STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Kind.STRING, true),
	STRING_LIKE("StringLike", Kind.STRING, false),
	STRING_NOT_LIKE("StringNotLike", Kind.STRING, true),
	NUMERIC_EQUALS("NumericEquals", Kind.NUMERIC, false),
	NUMERIC_NOT_EQUALS("NumericNotEquals", Kind.NUMERIC, true),
	NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMERIC, false),
	NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMERIC, false),
	NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMERIC, false),
	NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Kind.NUMERIC, false),
	DATE_EQUALS("DateEquals", Kind.DATE, false),
	DATE_NOT_EQUALS("DateNotEquals", Kind.DATE, true),
	DATE_LESS_THAN("DateLessThan", Kind.DATE, false),
	DATE_LESS_THAN_EQUALS("DateLessThanEquals", Kind.DATE, false),
	DATE_GREATER_THAN("DateGreaterThan", Kind.DATE, false),
	DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Kind.DATE, false),
	BOOL("Bool", Kind.BOOL, false),
	BINARY_EQUALS("BinaryEquals", Kind.BINARY, false),
	IP_ADDRESS("IpAddress", Kind.IP, false),
	NOT_IP_ADDRESS("NotIpAddress", Kind.IP, true),
	ARN_EQUALS("ArnEquals", Kind.ARN, false),
	ARN_LIKE("ArnLike", Kind.ARN, false),
	ARN_NOT_EQUALS("ArnNotEquals", Kind.ARN, true),
	ARN_NOT_LIKE("ArnNotLike", Kind.ARN, true),
	NULL("Null", Kind.NULL, false);

	/** What a policy value is compared as. */
	enum Kind {

		STRING(true), NUMERIC(false), DATE(false), BOOL(true), BINARY(false), IP(false), ARN(true), NULL(false);

		/** Per the operator tables of the User Guide: variables only in string, Boolean and ARN values. */
		final boolean variables;

		Kind(boolean variables) {
			this.variables = variables;
		}

	}

	private static final int MAX_NUMBER_LENGTH = 64;

	private static final int MAX_DATE_LENGTH = 64;

	private final String operatorName;

	private final Kind kind;

	private final boolean negated;

	ConditionOperator(String operatorName, Kind kind, boolean negated) {
		this.operatorName = operatorName;
		this.kind = kind;
		this.negated = negated;
	}

	String operatorName() {
		return this.operatorName;
	}

	Kind kind() {
		return this.kind;
	}

	boolean negated() {
		return this.negated;
	}

	static Optional<ConditionOperator> fromName(String name) {
		for (ConditionOperator operator : values()) {
			if (operator.operatorName.equals(name)) {
				return Optional.of(operator);
			}
		}
		return Optional.empty();
	}

	/**
	 * Parses a policy value of a typed operator once, at parse time.
	 * @return the parsed value, or null when it is not a valid value for this operator
	 */
	Object parsePolicyValue(String value) {
		return switch (this.kind) {
			case NUMERIC -> parseNumber(value);
			case DATE -> parseDate(value);
			case IP -> IpRange.parse(value);
			case BINARY -> parseBase64(value);
			case BOOL, NULL -> ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value))
					? Boolean.valueOf(value.toLowerCase(java.util.Locale.ROOT)) : null;
			case STRING, ARN -> value;
		};
	}

	/**
	 * Whether one context value matches one policy value, before negation.
	 * @param parsed the value from {@link #parsePolicyValue}, for typed operators
	 * @param resolved the value with variables substituted, for string, Boolean and ARN operators
	 */
	boolean matchesPositive(Object parsed, PolicyValue.Resolved resolved, String context) {
		switch (this.kind) {
			case STRING:
				return switch (this) {
					case STRING_EQUALS, STRING_NOT_EQUALS -> resolved.text().equals(context);
					case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE -> resolved.text()
						.equalsIgnoreCase(context);
					default -> Wildcards.matches(resolved.text(), resolved.literal(), context, false);
				};
			case ARN:
				return Wildcards.matchesArn(resolved.text(), resolved.literal(), context);
			case BOOL:
				return resolved.text().equalsIgnoreCase(context);
			case NUMERIC: {
				BigDecimal actual = parseNumber(context);
				if (actual == null) {
					return false;
				}
				return compare(actual.compareTo((BigDecimal) parsed));
			}
			case DATE: {
				Instant actual = parseDate(context);
				if (actual == null) {
					return false;
				}
				return compare(actual.compareTo((Instant) parsed));
			}
			case IP:
				return ((IpRange) parsed).contains(context);
			case BINARY: {
				byte[] actual = parseBase64(context);
				return actual != null && Arrays.equals(actual, (byte[]) parsed);
			}
			default:
				throw new IllegalStateException("Null is evaluated on key presence");
		}
	}

	/** Whether a comparison result (context value compared with policy value) satisfies this operator. */
	private boolean compare(int order) {
		return switch (this) {
			case NUMERIC_LESS_THAN, DATE_LESS_THAN -> order < 0;
			case NUMERIC_LESS_THAN_EQUALS, DATE_LESS_THAN_EQUALS -> order <= 0;
			case NUMERIC_GREATER_THAN, DATE_GREATER_THAN -> order > 0;
			case NUMERIC_GREATER_THAN_EQUALS, DATE_GREATER_THAN_EQUALS -> order >= 0;
			default -> order == 0;
		};
	}

	/**
	 * Plain decimal numbers only: an exponent such as {@code 1e999999999} would make comparisons allocate
	 * without bound.
	 */
	static BigDecimal parseNumber(String value) {
		int n = value.length();
		if (n == 0 || n > MAX_NUMBER_LENGTH) {
			return null;
		}
		int i = (value.charAt(0) == '-' || value.charAt(0) == '+') ? 1 : 0;
		int digits = 0;
		boolean dot = false;
		for (; i < n; i++) {
			char c = value.charAt(i);
			if (c >= '0' && c <= '9') {
				digits++;
			}
			else if (c == '.' && !dot && digits > 0 && i < n - 1) {
				dot = true;
			}
			else {
				return null;
			}
		}
		return (digits == 0) ? null : new BigDecimal(value);
	}

	/**
	 * ISO 8601 (with or without offset or time) or epoch seconds, per the "Date condition operators"
	 * section. A date without an offset is UTC.
	 */
	static Instant parseDate(String value) {
		int n = value.length();
		if (n == 0 || n > MAX_DATE_LENGTH) {
			return null;
		}
		boolean epoch = n <= 12;
		for (int i = 0; i < n && epoch; i++) {
			char c = value.charAt(i);
			epoch = (c >= '0' && c <= '9') || (i == 0 && c == '-' && n > 1);
		}
		if (epoch) {
			return Instant.ofEpochSecond(Long.parseLong(value));
		}
		try {
			return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException notOffset) {
			// fall through to the forms without an offset
		}
		try {
			return LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException notLocal) {
			// fall through
		}
		try {
			return LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		catch (DateTimeParseException notDate) {
			return null;
		}
	}

	private static byte[] parseBase64(String value) {
		try {
			return Base64.getDecoder().decode(value);
		}
		catch (IllegalArgumentException invalid) {
			return null;
		}
	}

}
