package io.gatehouse.boot;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that encrypts secrets at rest (admin secret keys, TOTP seeds, signing keys). AES-256-GCM with
 * a fresh 96-bit nonce per value; the {@code purpose} is bound as associated data so a ciphertext
 * copied from one column into another does not decrypt.
 */
public final class MasterKey {

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final byte VERSION = 1;

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	MasterKey(byte[] key) {
		if (key.length != 32) {
			throw new IllegalArgumentException("the master key must be 32 bytes (256 bits), base64-encoded");
		}
		this.key = new SecretKeySpec(key.clone(), "AES");
	}

	/** Parses the configured value: 32 random bytes in standard or URL-safe base64. */
	public static MasterKey fromBase64(String encoded) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(encoded.trim());
		}
		catch (IllegalArgumentException ex) {
			try {
				bytes = Base64.getUrlDecoder().decode(encoded.trim());
			}
			catch (IllegalArgumentException ex2) {
				throw new IllegalArgumentException("the master key is not valid base64");
			}
		}
		return new MasterKey(bytes);
	}

	static String generateBase64() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

	public byte[] encrypt(byte[] plaintext, String purpose) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plaintext);
			return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is unavailable", ex);
		}
	}

	public byte[] decrypt(byte[] ciphertext, String purpose) {
		if (ciphertext.length < 1 + NONCE_BYTES + TAG_BITS / 8 || ciphertext[0] != VERSION) {
			throw new IllegalArgumentException("not a value sealed by this master key");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, ciphertext, 1, NONCE_BYTES));
			cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(ciphertext, 1 + NONCE_BYTES, ciphertext.length - 1 - NONCE_BYTES);
		}
		catch (javax.crypto.AEADBadTagException ex) {
			throw new IllegalArgumentException("the value was not sealed by this master key for " + purpose);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is unavailable", ex);
		}
	}

	/**
	 * Derives an independent sub-key for {@code purpose} with HKDF-SHA256 (RFC 5869). Use it where a value must
	 * be keyed deterministically (an HMAC over low-entropy codes) rather than encrypted; different purposes give
	 * unrelated keys, and the master key itself never leaves this class.
	 */
	public byte[] deriveKey(String purpose, int length) {
		if (length < 16 || length > 64) {
			throw new IllegalArgumentException("derived keys are 16 to 64 bytes");
		}
		try {
			Mac extract = Mac.getInstance("HmacSHA256");
			extract.init(new SecretKeySpec("gatehouse-master-key-hkdf-salt".getBytes(StandardCharsets.UTF_8),
					"HmacSHA256"));
			byte[] prk = extract.doFinal(this.key.getEncoded());
			Mac expand = Mac.getInstance("HmacSHA256");
			expand.init(new SecretKeySpec(prk, "HmacSHA256"));
			byte[] info = purpose.getBytes(StandardCharsets.UTF_8);
			byte[] out = new byte[length];
			byte[] block = new byte[0];
			int written = 0;
			for (int counter = 1; written < length; counter++) {
				expand.update(block);
				expand.update(info);
				expand.update((byte) counter);
				block = expand.doFinal();
				int n = Math.min(block.length, length - written);
				System.arraycopy(block, 0, out, written, n);
				written += n;
			}
			return out;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is unavailable", ex);
		}
	}

	public String encryptToBase64(String plaintext, String purpose) {
		return Base64.getEncoder().encodeToString(encrypt(plaintext.getBytes(StandardCharsets.UTF_8), purpose));
	}

	public String decryptFromBase64(String ciphertext, String purpose) {
		return new String(decrypt(Base64.getDecoder().decode(ciphertext), purpose), StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "MasterKey[redacted]";
	}

}
