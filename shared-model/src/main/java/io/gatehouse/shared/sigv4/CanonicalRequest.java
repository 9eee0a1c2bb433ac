package io.gatehouse.shared.sigv4;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The canonical request of the AWS General Reference "Signature Version 4 signing process", task 1:
 * <pre>
 * HTTPMethod \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n HashedPayload
 * </pre>
 * The canonical URI follows the AWS SDK for Java v2 for every service but S3: the path as sent (still
 * percent-encoded) is normalised the way {@code java.net.URI#normalize} does it (empty and {@code .}
 * segments dropped, {@code ..} resolved), a trailing slash survives only when the path sent had one, and
 * the result is {@code UriEncode}d once more with slashes kept, which is the spec's "encode twice" for a
 * path that was encoded once on the wire.
 */
final class CanonicalRequest {

	private CanonicalRequest() {
	}

	static String of(String method, String canonicalUri, String canonicalQuery, String canonicalHeaders,
			String signedHeaders, String payloadSha256Hex) {
		return method + '\n' + canonicalUri + '\n' + canonicalQuery + '\n' + canonicalHeaders + '\n' + signedHeaders
				+ '\n' + payloadSha256Hex;
	}

	static String canonicalUri(String rawPath) {
		return canonicalUri(rawPath, true);
	}

	/**
	 * @param normalize false only to reproduce the test suite's unnormalised (S3-style) cases; the verifier
	 * always normalises
	 */
	static String canonicalUri(String rawPath, boolean normalize) {
		if (rawPath == null || rawPath.isEmpty()) {
			return "/";
		}
		String path = normalize ? normalize(rawPath) : rawPath;
		return UriEncoding.encode(path, true);
	}

	static String normalize(String rawPath) {
		Deque<String> segments = new ArrayDeque<>();
		int start = 0;
		int length = rawPath.length();
		while (start <= length) {
			int end = rawPath.indexOf('/', start);
			if (end < 0) {
				end = length;
			}
			String segment = rawPath.substring(start, end);
			if (segment.equals("..")) {
				if (!segments.isEmpty() && !segments.peekLast().equals("..")) {
					segments.removeLast();
				}
				else {
					// java.net.URI keeps a leading ".." of an absolute path; so does the SDK.
					segments.addLast(segment);
				}
			}
			else if (!segment.isEmpty() && !segment.equals(".")) {
				segments.addLast(segment);
			}
			start = end + 1;
		}
		if (segments.isEmpty()) {
			return "/";
		}
		StringBuilder out = new StringBuilder(length);
		for (String segment : segments) {
			out.append('/').append(segment);
		}
		if (rawPath.endsWith("/")) {
			out.append('/');
		}
		return out.toString();
	}

	/**
	 * The canonical headers block (each line ending in {@code \n}) for the given signed header names, or
	 * empty naming the first signed header the request lacks.
	 */
	static Result canonicalHeaders(RequestHeaders headers, List<String> signedHeaders, int maxLength) {
		StringBuilder out = new StringBuilder(256);
		for (String name : signedHeaders) {
			List<String> values = headers.all(name);
			if (values.isEmpty()) {
				return new Result(Optional.empty(), Optional.of(name), false);
			}
			out.append(name).append(':');
			boolean first = true;
			for (String value : values) {
				if (!first) {
					out.append(',');
				}
				appendTrimmed(out, value);
				first = false;
				if (out.length() > maxLength) {
					return new Result(Optional.empty(), Optional.empty(), true);
				}
			}
			out.append('\n');
		}
		return new Result(Optional.of(out.toString()), Optional.empty(), false);
	}

	/**
	 * @param block the canonical headers, when every signed header was present
	 * @param missingHeader the signed header the request lacks
	 * @param tooLarge true when the headers exceed the size bound
	 */
	record Result(Optional<String> block, Optional<String> missingHeader, boolean tooLarge) {
	}

	/** Trims a value and collapses each run of whitespace inside it to one space, as the SDKs do. */
	static void appendTrimmed(StringBuilder out, String value) {
		if (!hasWhitespace(value)) {
			// The usual case (dates, hashes, tokens): nothing to trim or collapse.
			out.append(value);
			return;
		}
		int start = 0;
		int end = value.length();
		while (start < end && isWhitespace(value.charAt(start))) {
			start++;
		}
		while (end > start && isWhitespace(value.charAt(end - 1))) {
			end--;
		}
		boolean inWhitespace = false;
		for (int i = start; i < end; i++) {
			char c = value.charAt(i);
			if (isWhitespace(c)) {
				if (!inWhitespace) {
					out.append(' ');
					inWhitespace = true;
				}
			}
			else {
				out.append(c);
				inWhitespace = false;
			}
		}
	}

	private static boolean hasWhitespace(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (value.charAt(i) <= ' ' && isWhitespace(value.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	private static boolean isWhitespace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\r' || c == '\f';
	}

}
