package io.gatehouse.shared.policy;

import java.util.BitSet;

/**
 * Glob matching with {@code *} (any run of characters, including none) and {@code ?} (exactly one
 * character), as used by the {@code Action}, {@code Resource}, {@code StringLike} and {@code ArnLike}
 * matching of the IAM User Guide.
 * <p>
 * Deliberately not a regular expression: policy text is attacker-controlled in a multi-tenant service, and
 * this greedy matcher with single-star backtracking runs in O(pattern x input) without recursion.
 */
final class Wildcards {

	private Wildcards() {
	}

	static boolean matches(String pattern, String input, boolean ignoreCase) {
		return matches(pattern, null, input, ignoreCase);
	}

	/**
	 * @param literal positions of {@code pattern} that are literal even if they hold {@code *} or
	 * {@code ?} (from the {@code ${*}}/{@code ${?}} escapes or substituted variable values); may be null
	 */
	static boolean matches(String pattern, BitSet literal, String input, boolean ignoreCase) {
		int p = 0;
		int s = 0;
		int star = -1;
		int starInput = 0;
		int plen = pattern.length();
		int slen = input.length();
		while (s < slen) {
			if (p < plen && isWildcard(pattern, literal, p, '*')) {
				star = p++;
				starInput = s;
			}
			else if (p < plen && (isWildcard(pattern, literal, p, '?')
					|| same(pattern.charAt(p), input.charAt(s), ignoreCase))) {
				p++;
				s++;
			}
			else if (star >= 0) {
				p = star + 1;
				s = ++starInput;
			}
			else {
				return false;
			}
		}
		while (p < plen && isWildcard(pattern, literal, p, '*')) {
			p++;
		}
		return p == plen;
	}

	/**
	 * ARN matching of the {@code ArnEquals}/{@code ArnLike} operators: each of the six colon-delimited
	 * components is matched on its own, so a wildcard does not run across a {@code :} of the first five
	 * (IAM User Guide, "Amazon Resource Name (ARN) condition operators"). A pattern that does not even
	 * start like an ARN (such as {@code *}) is matched against the whole value; one that starts like an ARN
	 * but lacks components matches nothing, rather than letting its wildcards run across components.
	 */
	static boolean matchesArn(String pattern, BitSet literal, String input) {
		int[] patternColons = colons(pattern);
		if (patternColons == null) {
			return !pattern.startsWith("arn:") && matches(pattern, literal, input, false);
		}
		int[] inputColons = colons(input);
		if (inputColons == null) {
			return false;
		}
		int ps = 0;
		int is = 0;
		for (int i = 0; i <= 5; i++) {
			int pe = (i < 5) ? patternColons[i] : pattern.length();
			int ie = (i < 5) ? inputColons[i] : input.length();
			BitSet part = (literal == null) ? null : literal.get(ps, pe);
			if (!matches(pattern.substring(ps, pe), part, input.substring(is, ie), false)) {
				return false;
			}
			ps = pe + 1;
			is = ie + 1;
		}
		return true;
	}

	/** The positions of the first five colons, or null when there are fewer than five. */
	private static int[] colons(String value) {
		int[] found = new int[5];
		int n = 0;
		for (int i = 0; i < value.length() && n < 5; i++) {
			if (value.charAt(i) == ':') {
				found[n++] = i;
			}
		}
		return (n == 5) ? found : null;
	}

	private static boolean isWildcard(String pattern, BitSet literal, int index, char wildcard) {
		return pattern.charAt(index) == wildcard && (literal == null || !literal.get(index));
	}

	private static boolean same(char a, char b, boolean ignoreCase) {
		if (a == b) {
			return true;
		}
		if (!ignoreCase) {
			return false;
		}
		char ua = Character.toUpperCase(a);
		char ub = Character.toUpperCase(b);
		return ua == ub || Character.toLowerCase(ua) == Character.toLowerCase(ub);
	}

}
