package io.gatehouse.shared.sigv4;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The {@code UriEncode} of the AWS General Reference "Create a canonical request": every byte that is
 * not an RFC 3986 unreserved character ({@code A-Z a-z 0-9 - . _ ~}) becomes {@code %XY} with
 * upper-case hex digits; a space is {@code %20}, never {@code +}.
 */
final class UriEncoding {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private UriEncoding() {
	}

	static boolean isUnreserved(int b) {
		return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' || b == '.'
				|| b == '_' || b == '~';
	}

	/** Encodes the UTF-8 bytes of {@code value}; with {@code keepSlashes} a {@code /} stays as it is. */
	static String encode(String value, boolean keepSlashes) {
		return encode(value.getBytes(StandardCharsets.UTF_8), keepSlashes);
	}

	static String encode(byte[] bytes, boolean keepSlashes) {
		StringBuilder out = new StringBuilder(bytes.length + 16);
		for (byte raw : bytes) {
			int b = raw & 0xFF;
			if (isUnreserved(b) || (keepSlashes && b == '/')) {
				out.append((char) b);
			}
			else {
				out.append('%').append(HEX[b >> 4]).append(HEX[b & 0x0F]);
			}
		}
		return out.toString();
	}

	/**
	 * Decodes {@code %XY} escapes to bytes; every other character stands for its UTF-8 bytes. A {@code +}
	 * stays a plus sign (SigV4 signers encode a space as {@code %20}), and a {@code %} that does not start
	 * a valid escape stands for itself, as {@code curl --aws-sigv4} treats it.
	 */
	static byte[] decode(String value) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(value.length());
		int i = 0;
		int length = value.length();
		while (i < length) {
			char c = value.charAt(i);
			if (c == '%' && i + 2 < length && hexValue(value.charAt(i + 1)) >= 0 && hexValue(value.charAt(i + 2)) >= 0) {
				out.write(hexValue(value.charAt(i + 1)) << 4 | hexValue(value.charAt(i + 2)));
				i += 3;
			}
			else if (c < 0x80) {
				out.write(c);
				i++;
			}
			else {
				int end = Character.isHighSurrogate(c) && i + 1 < length ? i + 2 : i + 1;
				byte[] utf8 = value.substring(i, end).getBytes(StandardCharsets.UTF_8);
				out.write(utf8, 0, utf8.length);
				i = end;
			}
		}
		return out.toByteArray();
	}

	/** Decodes to text; malformed UTF-8 becomes U+FFFD, which only matters for values that are then checked. */
	static String decodeToString(String value) {
		return new String(decode(value), StandardCharsets.UTF_8);
	}

	private static int hexValue(char c) {
		if (c >= '0' && c <= '9') {
			return c - '0';
		}
		if (c >= 'A' && c <= 'F') {
			return c - 'A' + 10;
		}
		if (c >= 'a' && c <= 'f') {
			return c - 'a' + 10;
		}
		return -1;
	}

}
