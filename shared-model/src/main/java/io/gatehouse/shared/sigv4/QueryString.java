package io.gatehouse.shared.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A query string as sent, split into parameters, with the canonical form the AWS General Reference
 * "Create a canonical request" prescribes: each name and value percent-decoded and {@code UriEncode}d
 * again, pairs sorted by encoded name then encoded value, a name without a value given {@code =}.
 */
final class QueryString {

	/**
	 * One {@code name=value} pair.
	 *
	 * @param name the decoded name, for recognising {@code X-Amz-*} parameters
	 * @param value the decoded value
	 * @param encodedName the name in canonical encoding
	 * @param encodedValue the value in canonical encoding (empty when the pair had no {@code =})
	 */
	record Parameter(String name, String value, String encodedName, String encodedValue) {

		static Parameter of(String name, String value) {
			return new Parameter(name, value, UriEncoding.encode(name, false), UriEncoding.encode(value, false));
		}

	}

	private static final Comparator<Parameter> CANONICAL_ORDER = Comparator.comparing(Parameter::encodedName)
		.thenComparing(Parameter::encodedValue);

	private final List<Parameter> parameters;

	private QueryString(List<Parameter> parameters) {
		this.parameters = parameters;
	}

	static QueryString of(List<Parameter> parameters) {
		return new QueryString(List.copyOf(parameters));
	}

	/**
	 * Splits a raw query; empty when it holds more than {@code maxParameters} pairs.
	 */
	static Optional<QueryString> parse(String rawQuery, int maxParameters) {
		List<Parameter> parameters = new ArrayList<>();
		if (rawQuery == null || rawQuery.isEmpty()) {
			return Optional.of(new QueryString(parameters));
		}
		int start = 0;
		while (start <= rawQuery.length()) {
			int end = rawQuery.indexOf('&', start);
			if (end < 0) {
				end = rawQuery.length();
			}
			if (end > start) {
				if (parameters.size() == maxParameters) {
					return Optional.empty();
				}
				String pair = rawQuery.substring(start, end);
				int equals = pair.indexOf('=');
				String rawName = (equals < 0) ? pair : pair.substring(0, equals);
				String rawValue = (equals < 0) ? "" : pair.substring(equals + 1);
				byte[] name = UriEncoding.decode(rawName);
				byte[] value = UriEncoding.decode(rawValue);
				parameters.add(new Parameter(new String(name, StandardCharsets.UTF_8),
						new String(value, StandardCharsets.UTF_8), UriEncoding.encode(name, false),
						UriEncoding.encode(value, false)));
			}
			start = end + 1;
		}
		return Optional.of(new QueryString(parameters));
	}

	List<Parameter> parameters() {
		return this.parameters;
	}

	/** Every decoded value of the parameter with exactly this (decoded) name. */
	List<String> values(String name) {
		List<String> values = new ArrayList<>(1);
		for (Parameter parameter : this.parameters) {
			if (parameter.name().equals(name)) {
				values.add(parameter.value());
			}
		}
		return values;
	}

	/**
	 * The canonical query string, leaving out parameters named {@code excluded} (the signature itself in
	 * a presigned URL) and, as the AWS SDKs do, parameters with an empty name.
	 */
	String canonical(String excluded) {
		List<Parameter> signed = new ArrayList<>(this.parameters.size());
		for (Parameter parameter : this.parameters) {
			if (!parameter.name().isEmpty() && !parameter.name().equals(excluded)) {
				signed.add(parameter);
			}
		}
		signed.sort(CANONICAL_ORDER);
		StringBuilder out = new StringBuilder();
		for (Parameter parameter : signed) {
			if (out.length() > 0) {
				out.append('&');
			}
			out.append(parameter.encodedName()).append('=').append(parameter.encodedValue());
		}
		return out.toString();
	}

	/** The query as it goes on the wire: the canonical encoding of every pair, in order. */
	String toRawQuery() {
		StringBuilder out = new StringBuilder();
		for (Parameter parameter : this.parameters) {
			if (out.length() > 0) {
				out.append('&');
			}
			out.append(parameter.encodedName()).append('=').append(parameter.encodedValue());
		}
		return out.toString();
	}

}
