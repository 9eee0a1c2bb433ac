package io.gatehouse.boot;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An IP address or a CIDR block ({@code 10.0.0.0/8}, {@code fd00::/8}, {@code 127.0.0.1}). Only address
 * literals are parsed, so checking an address never triggers a DNS lookup.
 */
final class AddressBlock {

	private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	private final byte[] network;

	private final int prefix;

	private AddressBlock(byte[] network, int prefix) {
		this.network = network;
		this.prefix = prefix;
	}

	/** @throws IllegalArgumentException when {@code block} is neither an address literal nor a CIDR block */
	static AddressBlock parse(String block) {
		String trimmed = (block != null) ? block.trim() : "";
		int slash = trimmed.indexOf('/');
		byte[] address = literal((slash < 0) ? trimmed : trimmed.substring(0, slash));
		if (address == null) {
			throw new IllegalArgumentException("'" + block + "' is not an IP address or CIDR block");
		}
		int prefix = address.length * 8;
		if (slash >= 0) {
			try {
				prefix = Integer.parseInt(trimmed.substring(slash + 1));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("'" + block + "' has no valid prefix length");
			}
			if (prefix < 0 || prefix > address.length * 8) {
				throw new IllegalArgumentException("'" + block + "' has no valid prefix length");
			}
		}
		return new AddressBlock(address, prefix);
	}

	/** Whether {@code address} (a literal; anything else never matches) lies in this block. */
	boolean contains(String address) {
		byte[] bytes = literal(address);
		if (bytes == null || bytes.length != this.network.length) {
			return false;
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

	private static byte[] literal(String address) {
		if (address == null || !LITERAL.matcher(address).matches()
				|| (address.indexOf(':') < 0 && !address.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
			return null;
		}
		try {
			return InetAddress.getByName(address).getAddress();
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

}
