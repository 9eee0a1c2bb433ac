package io.gatehouse.userpool.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Token values are stored only as SHA-256 digests. Unlike six-digit codes, tokens carry at least 256 random
 * bits (or are signed JWTs), so an unkeyed hash is enough: it cannot be reversed, and a database reader
 * learns nothing usable.
 */
final class TokenHashes {

	private TokenHashes() {
	}

	static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is unavailable", ex);
		}
	}

	static String base64(byte[] hash) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
	}

	static byte[] fromBase64(String hash) {
		return Base64.getUrlDecoder().decode(hash);
	}

}
