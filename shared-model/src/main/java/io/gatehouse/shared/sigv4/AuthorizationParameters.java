package io.gatehouse.shared.sigv4;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What a signer claims: its key id and credential scope, the headers it signed and the signature, as
 * read from an {@code Authorization} header or from the {@code X-Amz-*} parameters of a presigned URL.
 * Parsing is bounded and regex-free; a malformed value yields a problem message, never an exception.
 *
 * @param accessKeyId the key id of the credential
 * @param scope the credential scope
 * @param signedHeaders the signed header names, lower-case and strictly ascending
 * @param signature the 32 signature bytes
 */
record AuthorizationParameters(String accessKeyId, CredentialScope scope, List<String> signedHeaders,
		byte[] signature) {

	static final int MAX_AUTHORIZATION_LENGTH = 8 * 1024;

	static final int MAX_SIGNED_HEADERS = 64;

	private static final int MAX_NAME_LENGTH = 128;

	/** Either the parameters or why they could not be read. */
	record Parsed(AuthorizationParameters parameters, String problem) {

		static Parsed problem(String problem) {
			return new Parsed(null, problem);
		}

		boolean ok() {
			return this.parameters != null;
		}

	}

	String signedHeadersString() {
		return String.join(";", this.signedHeaders);
	}

	/**
	 * Reads {@code AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...}. Components may be
	 * separated by commas, whitespace or both, in any order, each exactly once.
	 */
	static Parsed fromAuthorizationHeader(String header) {
		if (header.length() > MAX_AUTHORIZATION_LENGTH) {
			return Parsed.problem("The Authorization header is too long.");
		}
		String value = header.strip();
		if (!value.startsWith(SigningAlgorithm.NAME) || value.length() == SigningAlgorithm.NAME.length()
				|| !isSeparator(value.charAt(SigningAlgorithm.NAME.length()))) {
			return Parsed.problem("Unsupported authorization type; only " + SigningAlgorithm.NAME
					+ " (Signature Version 4) is accepted.");
		}
		String credential = null;
		String signedHeaders = null;
		String signature = null;
		int i = SigningAlgorithm.NAME.length();
		int length = value.length();
		while (i < length) {
			while (i < length && isSeparator(value.charAt(i))) {
				i++;
			}
			int start = i;
			while (i < length && !isSeparator(value.charAt(i))) {
				i++;
			}
			if (start == i) {
				break;
			}
			String component = value.substring(start, i);
			int equals = component.indexOf('=');
			if (equals <= 0) {
				return Parsed.problem("Authorization header requires each component in the form 'key=value'.");
			}
			String key = component.substring(0, equals);
			String componentValue = component.substring(equals + 1);
			switch (key) {
				case "Credential" -> {
					if (credential != null) {
						return Parsed.problem("Authorization header has more than one 'Credential' parameter.");
					}
					credential = componentValue;
				}
				case "SignedHeaders" -> {
					if (signedHeaders != null) {
						return Parsed.problem("Authorization header has more than one 'SignedHeaders' parameter.");
					}
					signedHeaders = componentValue;
				}
				case "Signature" -> {
					if (signature != null) {
						return Parsed.problem("Authorization header has more than one 'Signature' parameter.");
					}
					signature = componentValue;
				}
				default -> {
					return Parsed.problem("Authorization header has an unknown component; expected only 'Credential',"
							+ " 'SignedHeaders' and 'Signature'.");
				}
			}
		}
		List<String> missing = new ArrayList<>(3);
		if (credential == null) {
			missing.add("Authorization header requires 'Credential' parameter.");
		}
		if (signature == null) {
			missing.add("Authorization header requires 'Signature' parameter.");
		}
		if (signedHeaders == null) {
			missing.add("Authorization header requires 'SignedHeaders' parameter.");
		}
		if (!missing.isEmpty()) {
			return Parsed.problem(String.join(" ", missing));
		}
		return of(credential, signedHeaders, signature, "Authorization header");
	}

	/** Reads the decoded {@code X-Amz-Credential}, {@code X-Amz-SignedHeaders} and {@code X-Amz-Signature}. */
	static Parsed fromQuery(String credential, String signedHeaders, String signature) {
		return of(credential, signedHeaders, signature, "Presigned URL");
	}

	private static Parsed of(String credential, String signedHeadersValue, String signatureValue, String where) {
		String[] parts = splitCredential(credential);
		if (parts == null) {
			return Parsed.problem(where + " has a malformed credential; expected "
					+ "'<access key id>/<yyyymmdd>/<region>/<service>/aws4_request'.");
		}
		if (!isToken(parts[0], "._-") || !AmzDate.isScopeDate(parts[1]) || !isToken(parts[2], "_-")
				|| parts[2].length() > 64 || !isToken(parts[3], "._-") || parts[3].length() > 64
				|| !parts[4].equals(SigningAlgorithm.TERMINATOR)) {
			return Parsed.problem(where + " has a malformed credential; expected "
					+ "'<access key id>/<yyyymmdd>/<region>/<service>/aws4_request'.");
		}
		List<String> signedHeaders = splitSignedHeaders(signedHeadersValue);
		if (signedHeaders == null) {
			return Parsed.problem(where + " has malformed signed headers; expected lower-case header names,"
					+ " sorted and separated by ';'.");
		}
		if (signatureValue.length() != 64 || !isHex(signatureValue)) {
			return Parsed.problem(where + " has a malformed signature; expected 64 hexadecimal digits.");
		}
		return new Parsed(new AuthorizationParameters(parts[0], new CredentialScope(parts[1], parts[2], parts[3]),
				signedHeaders, HexFormat.of().parseHex(signatureValue)), null);
	}

	private static String[] splitCredential(String credential) {
		if (credential.length() > 512) {
			return null;
		}
		String[] parts = new String[5];
		int start = 0;
		for (int part = 0; part < 5; part++) {
			int end = credential.indexOf('/', start);
			if (part == 4) {
				if (end >= 0) {
					return null;
				}
				end = credential.length();
			}
			else if (end < 0) {
				return null;
			}
			parts[part] = credential.substring(start, end);
			start = end + 1;
		}
		return parts;
	}

	private static List<String> splitSignedHeaders(String value) {
		if (value.isEmpty() || value.length() > MAX_SIGNED_HEADERS * (MAX_NAME_LENGTH + 1)) {
			return null;
		}
		List<String> names = new ArrayList<>();
		int start = 0;
		while (start <= value.length()) {
			int end = value.indexOf(';', start);
			if (end < 0) {
				end = value.length();
			}
			String name = value.substring(start, end);
			if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || !isHeaderName(name)
					|| (!names.isEmpty() && names.get(names.size() - 1).compareTo(name) >= 0)
					|| names.size() == MAX_SIGNED_HEADERS) {
				return null;
			}
			names.add(name);
			start = end + 1;
		}
		return List.copyOf(names);
	}

	/** An RFC 9110 token in lower case. */
	private static boolean isHeaderName(String name) {
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	private static boolean isToken(String value, String extra) {
		if (value.isEmpty() || value.length() > MAX_NAME_LENGTH) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| extra.indexOf(c) >= 0;
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	private static boolean isHex(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (Character.digit(value.charAt(i), 16) < 0 || value.charAt(i) > 'f') {
				return false;
			}
		}
		return true;
	}

	private static boolean isSeparator(char c) {
		return c == ',' || c == ' ' || c == '\t';
	}

}
