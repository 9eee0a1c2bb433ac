package io.gatehouse.identitypool.credentials;

import java.security.SecureRandom;

/** Access key ids and secrets in AWS's shapes. */
final class RandomIds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String KEY_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

	private RandomIds() {
	}

	/** {@code prefix} + 16 characters, 20 in all, as AWS access key ids ({@code AKIA…}, {@code ASIA…}). */
	static String accessKeyId(String prefix) {
		return prefix + random(KEY_ID_ALPHABET, 20 - prefix.length());
	}

	/** 40 characters, 240 bits. */
	static String secretAccessKey() {
		return random(SECRET_ALPHABET, 40);
	}

	static byte[] bytes(int n) {
		byte[] bytes = new byte[n];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	// Both alphabets have a power-of-two size, so masking a random byte picks each character with equal
	// probability; one call to the (synchronized) generator per identifier instead of one per character.
	private static String random(String alphabet, int length) {
		int mask = alphabet.length() - 1;
		if ((alphabet.length() & mask) != 0) {
			throw new IllegalArgumentException("alphabet size must be a power of two");
		}
		byte[] random = bytes(length);
		char[] out = new char[length];
		for (int i = 0; i < length; i++) {
			out[i] = alphabet.charAt(random[i] & mask);
		}
		return new String(out);
	}

}
