package io.gatehouse.shared.policy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A {@code Resource} or condition value that may hold policy variables (IAM User Guide, "IAM policy
 * elements: Variables and tags"): {@code ${key}}, {@code ${key, 'default'}} and the escapes {@code ${*}},
 * {@code ${?}} and {@code ${$}}.
 * <p>
 * Text that comes from an escape, a variable's value or a default is literal: a {@code *} in a user's
 * {@code sub} or tag must never act as a wildcard, or a user could widen their own permissions.
 */
final class PolicyValue {

	private final String raw;

	/** Null when the value holds no variable or escape, the common case: then {@link #raw} is used as is. */
	private final List<Segment> segments;

	private PolicyValue(String raw, List<Segment> segments) {
		this.raw = raw;
		this.segments = segments;
	}

	static PolicyValue literal(String raw) {
		return new PolicyValue(raw, null);
	}

	/**
	 * @param variables whether the policy's version supports variables; if not, {@code ${...}} is text
	 * @param where the element, for the error message
	 */
	static PolicyValue parse(String raw, boolean variables, String where) {
		if (!variables || !raw.contains("${")) {
			return literal(raw);
		}
		List<Segment> segments = new ArrayList<>();
		int n = raw.length();
		int i = 0;
		while (i < n) {
			int at = raw.indexOf("${", i);
			if (at < 0) {
				segments.add(new Text(raw.substring(i)));
				break;
			}
			if (at > i) {
				segments.add(new Text(raw.substring(i, at)));
			}
			int j = at + 2;
			if (j + 1 < n && raw.charAt(j + 1) == '}' && "*?$".indexOf(raw.charAt(j)) >= 0) {
				segments.add(new Escaped(String.valueOf(raw.charAt(j))));
				i = j + 2;
				continue;
			}
			int k = j;
			while (k < n && raw.charAt(k) != ',' && raw.charAt(k) != '}') {
				k++;
			}
			if (k >= n) {
				throw malformed(where, "has a policy variable without a closing brace");
			}
			String key = raw.substring(j, k).trim();
			if (!validKey(key)) {
				throw malformed(where, "has an invalid policy variable name");
			}
			if (raw.charAt(k) == '}') {
				segments.add(new Variable(key, null));
				i = k + 1;
				continue;
			}
			k = skipSpaces(raw, k + 1);
			if (k >= n || raw.charAt(k) != '\'') {
				throw malformed(where, "has a policy variable default that is not in single quotes");
			}
			k++;
			StringBuilder fallback = new StringBuilder();
			while (true) {
				if (k >= n) {
					throw malformed(where, "has a policy variable default without a closing quote");
				}
				char c = raw.charAt(k);
				if (c == '\'') {
					if (k + 1 < n && raw.charAt(k + 1) == '\'') {
						fallback.append('\'');
						k += 2;
						continue;
					}
					k++;
					break;
				}
				fallback.append(c);
				k++;
			}
			k = skipSpaces(raw, k);
			if (k >= n || raw.charAt(k) != '}') {
				throw malformed(where, "has a policy variable without a closing brace");
			}
			segments.add(new Variable(key, fallback.toString()));
			i = k + 1;
		}
		return new PolicyValue(raw, List.copyOf(segments));
	}

	String raw() {
		return this.raw;
	}

	boolean hasVariables() {
		return this.segments != null;
	}

	/**
	 * The value with its variables substituted, or null when a variable has no single value and no
	 * default: per the IAM User Guide ("Policy variables with no value") such a value matches nothing.
	 * A multivalued context key is not a usable variable, so it counts as no value.
	 */
	Resolved resolve(RequestContext context) {
		if (this.segments == null) {
			return new Resolved(this.raw, null);
		}
		StringBuilder text = new StringBuilder(this.raw.length() + 32);
		BitSet literal = new BitSet();
		for (Segment segment : this.segments) {
			String part;
			boolean isLiteral;
			if (segment instanceof Text t) {
				part = t.text();
				isLiteral = false;
			}
			else if (segment instanceof Escaped e) {
				part = e.text();
				isLiteral = true;
			}
			else {
				Variable v = (Variable) segment;
				List<String> values = context.values(v.key());
				if (values.size() == 1) {
					part = values.get(0);
				}
				else if (v.fallback() != null) {
					part = v.fallback();
				}
				else {
					return null;
				}
				isLiteral = true;
			}
			if (isLiteral) {
				literal.set(text.length(), text.length() + part.length());
			}
			text.append(part);
		}
		return new Resolved(text.toString(), literal);
	}

	@Override
	public String toString() {
		return this.raw;
	}

	private static boolean validKey(String key) {
		if (key.isEmpty()) {
			return false;
		}
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (Character.isWhitespace(c) || c == '$' || c == '{' || c == '}' || c == '\'') {
				return false;
			}
		}
		return true;
	}

	private static int skipSpaces(String raw, int from) {
		int k = from;
		while (k < raw.length() && raw.charAt(k) == ' ') {
			k++;
		}
		return k;
	}

	private static MalformedPolicyException malformed(String where, String problem) {
		return new MalformedPolicyException(where + " " + problem + ".");
	}

	/**
	 * @param text the substituted value
	 * @param literal positions that must match literally even if they hold {@code *} or {@code ?}; null
	 * when there are none
	 */
	record Resolved(String text, BitSet literal) {
	}

	private sealed interface Segment permits Text, Escaped, Variable {
	}

	private record Text(String text) implements Segment {
	}

	private record Escaped(String text) implements Segment {
	}

	private record Variable(String key, String fallback) implements Segment {
	}

}
