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

	private static String random(String alphabet, int length) {
		StringBuilder out = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
		}
		return out.toString();
	}

}
