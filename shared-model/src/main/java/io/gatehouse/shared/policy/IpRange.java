package io.gatehouse.shared.policy;

/**
 * An IPv4 or IPv6 CIDR block of the {@code IpAddress}/{@code NotIpAddress} condition operators (IAM User
 * Guide, "IP address condition operators", RFC 4632 and RFC 4291).
 * <p>
 * Addresses are parsed here rather than by {@code InetAddress.getByName}, which would resolve host names
 * through DNS and accept legacy forms such as {@code 10.1}. Public for other address checks (the services'
 * rate-limit exemptions), so that there is one parser of addresses.
 */
public final class IpRange {

	private final byte[] network;

	private final int prefix;

	private IpRange(byte[] network, int prefix) {
		this.network = network;
		this.prefix = prefix;
	}

	/** Parses {@code address/prefix} or a bare address (a single-host block); null when invalid. */
	public static IpRange parse(String value) {
		int slash = value.indexOf('/');
		String address = (slash < 0) ? value : value.substring(0, slash);
		byte[] bytes = parseAddress(address);
		if (bytes == null) {
			return null;
		}
		int bits = bytes.length * 8;
		int prefix = bits;
		if (slash >= 0) {
			String digits = value.substring(slash + 1);
			if (digits.isEmpty() || digits.length() > 3 || !allDigits(digits)) {
				return null;
			}
			prefix = Integer.parseInt(digits);
			if (prefix > bits) {
				return null;
			}
		}
		return new IpRange(bytes, prefix);
	}

	/** Whether {@code address} (an IPv4 or IPv6 literal; anything else never matches) lies in this block. */
	public boolean contains(String address) {
		byte[] bytes = parseAddress(address);
		if (bytes == null) {
			return false;
		}
		if (bytes.length != this.network.length) {
			bytes = (bytes.length == 16) ? unmapIpv4(bytes) : null;
			if (bytes == null || bytes.length != this.network.length) {
				return false;
			}
		}
		int full = this.prefix / 8;
		for (int i = 0; i < full; i++) {
			if (bytes[i] != this.network[i]) {
				return false;
			}
		}
		int rest = this.prefix % 8;
		if (rest == 0) {
			return true;
		}
		int mask = (0xFF << (8 - rest)) & 0xFF;
		return (bytes[full] & mask) == (this.network[full] & mask);
	}

	/** The 4 or 16 bytes of an IPv4 dotted-quad or IPv6 literal; null when it is neither. */
	static byte[] parseAddress(String value) {
		if (value.isEmpty() || value.length() > 45) {
			return null;
		}
		return (value.indexOf(':') >= 0) ? parseIpv6(value) : parseIpv4(value);
	}

	private static byte[] parseIpv4(String value) {
		String[] parts = value.split("\\.", -1);
		if (parts.length != 4) {
			return null;
		}
		byte[] bytes = new byte[4];
		for (int i = 0; i < 4; i++) {
			String part = parts[i];
			if (part.isEmpty() || part.length() > 3 || !allDigits(part) || (part.length() > 1 && part.charAt(0) == '0')) {
				return null;
			}
			int octet = Integer.parseInt(part);
			if (octet > 255) {
				return null;
			}
			bytes[i] = (byte) octet;
		}
		return bytes;
	}

	private static byte[] parseIpv6(String value) {
		int gap = value.indexOf("::");
		if (gap >= 0 && value.indexOf("::", gap + 1) >= 0) {
			return null;
		}
		int[] head;
		int[] tail;
		if (gap < 0) {
			head = groups(value, true);
			tail = new int[0];
			if (head == null || head.length != 8) {
				return null;
			}
		}
		else {
			String left = value.substring(0, gap);
			String right = value.substring(gap + 2);
			head = left.isEmpty() ? new int[0] : groups(left, false);
			tail = right.isEmpty() ? new int[0] : groups(right, true);
			if (head == null || tail == null || head.length + tail.length > 7) {
				return null;
			}
		}
		byte[] bytes = new byte[16];
		for (int i = 0; i < head.length; i++) {
			bytes[2 * i] = (byte) (head[i] >> 8);
			bytes[2 * i + 1] = (byte) head[i];
		}
		int offset = 8 - tail.length;
		for (int i = 0; i < tail.length; i++) {
			bytes[2 * (offset + i)] = (byte) (tail[i] >> 8);
			bytes[2 * (offset + i) + 1] = (byte) tail[i];
		}
		return bytes;
	}

	/** 16-bit groups; the last may be a dotted quad (two groups) when {@code allowIpv4Tail}. */
	private static int[] groups(String value, boolean allowIpv4Tail) {
		String[] parts = value.split(":", -1);
		int[] groups = new int[parts.length + 1];
		int n = 0;
		for (int i = 0; i < parts.length; i++) {
			String part = parts[i];
			if (allowIpv4Tail && i == parts.length - 1 && part.indexOf('.') >= 0) {
				byte[] v4 = parseIpv4(part);
				if (v4 == null) {
					return null;
				}
				groups[n++] = ((v4[0] & 0xFF) << 8) | (v4[1] & 0xFF);
				groups[n++] = ((v4[2] & 0xFF) << 8) | (v4[3] & 0xFF);
				continue;
			}
			if (part.isEmpty() || part.length() > 4) {
				return null;
			}
			int group = 0;
			for (int k = 0; k < part.length(); k++) {
				int digit = Character.digit(part.charAt(k), 16);
				if (digit < 0) {
					return null;
				}
				group = (group << 4) | digit;
			}
			groups[n++] = group;
		}
		if (n > 8) {
			return null;
		}
		int[] result = new int[n];
		System.arraycopy(groups, 0, result, 0, n);
		return result;
	}

	/** An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) as its IPv4 address; null otherwise. */
	private static byte[] unmapIpv4(byte[] bytes) {
		for (int i = 0; i < 10; i++) {
			if (bytes[i] != 0) {
				return null;
			}
		}
		if (bytes[10] != (byte) 0xFF || bytes[11] != (byte) 0xFF) {
			return null;
		}
		return new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] };
	}

	private static boolean allDigits(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

}
