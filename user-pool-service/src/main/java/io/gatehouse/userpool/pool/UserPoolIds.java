package io.gatehouse.userpool.pool;

import java.security.SecureRandom;

/** Cognito's user pool id shape: {@code {region}_{9 alphanumerics}}. */
final class UserPoolIds {

	private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private static final SecureRandom random = new SecureRandom();

	static final String PATTERN = "[\\w-]+_[0-9a-zA-Z]+";

	private UserPoolIds() {
	}

	static String next(String region) {
		StringBuilder id = new StringBuilder(region).append('_');
		for (int i = 0; i < 9; i++) {
			id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return id.toString();
	}

}
