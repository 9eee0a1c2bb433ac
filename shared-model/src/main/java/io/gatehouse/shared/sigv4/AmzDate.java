package io.gatehouse.shared.sigv4;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The ISO 8601 basic format of {@code X-Amz-Date}, {@code yyyyMMdd'T'HHmmss'Z'}, always UTC. */
final class AmzDate {

	private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private AmzDate() {
	}

	static String format(Instant instant) {
		return BASIC.format(instant);
	}

	/** Parses exactly 16 characters; anything else is empty, never an exception. */
	static Optional<Instant> parse(String value) {
		if (value == null || value.length() != 16 || value.charAt(8) != 'T' || value.charAt(15) != 'Z'
				|| !digits(value, 0, 8) || !digits(value, 9, 15)) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDateTime
				.of(number(value, 0, 4), number(value, 4, 6), number(value, 6, 8), number(value, 9, 11),
						number(value, 11, 13), number(value, 13, 15))
				.toInstant(ZoneOffset.UTC));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	/** An HTTP {@code Date} header (RFC 1123), for the signers that send it instead of {@code X-Amz-Date}. */
	static Optional<Instant> parseHttpDate(String value) {
		if (value == null || value.length() > 64) {
			return Optional.empty();
		}
		Optional<Instant> basic = parse(value.trim());
		if (basic.isPresent()) {
			return basic;
		}
		try {
			return Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	/** True when {@code value} is eight digits naming a real calendar date. */
	static boolean isScopeDate(String value) {
		if (value.length() != 8 || !digits(value, 0, 8)) {
			return false;
		}
		try {
			LocalDate.of(number(value, 0, 4), number(value, 4, 6), number(value, 6, 8));
			return true;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

	private static boolean digits(String value, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	private static int number(String value, int from, int to) {
		return Integer.parseInt(value, from, to, 10);
	}

}
