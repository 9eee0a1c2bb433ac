package io.gatehouse.shared.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code AWS4-HMAC-SHA256}, tasks 2 and 3 of the AWS General Reference "Signature Version 4 signing
 * process": the string to sign, the signing key derived from the secret through the credential scope
 * ({@code kDate}, {@code kRegion}, {@code kService}, {@code kSigning}) and the HMAC over the string.
 */
final class SigningAlgorithm {

	static final String NAME = "AWS4-HMAC-SHA256";

	static final String TERMINATOR = "aws4_request";

	private static final HexFormat HEX = HexFormat.of();

	private SigningAlgorithm() {
	}

	static String stringToSign(String amzDate, CredentialScope scope, String canonicalRequest) {
		return NAME + '\n' + amzDate + '\n' + scope + '\n' + sha256Hex(canonicalRequest);
	}

	/** The signature bytes; the secret never leaves this method except as derived keys. */
	static byte[] signature(String secretAccessKey, CredentialScope scope, String stringToSign) {
		byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), scope.date());
		key = hmac(key, scope.region());
		key = hmac(key, scope.service());
		key = hmac(key, TERMINATOR);
		return hmac(key, stringToSign);
	}

	static String hex(byte[] bytes) {
		return HEX.formatHex(bytes);
	}

	static String sha256Hex(String text) {
		return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
	}

	static String sha256Hex(byte[] bytes) {
		try {
			return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static byte[] hmac(byte[] key, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
