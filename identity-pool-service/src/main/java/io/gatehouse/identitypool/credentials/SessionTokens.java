package io.gatehouse.identitypool.credentials;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Seals {@link SessionClaims} into an opaque session token and opens it again:
 * {@code GH1.<kid>.<base64url(nonce ‖ AES-256-GCM ciphertext)>}, with the version and key id bound as
 * associated data. A token that was altered in any bit, or sealed under a key this installation does not
 * have, does not open.
 */
@Component
final class SessionTokens {

	private static final String PREFIX = "GH1.";

	private static final int NONCE_BYTES = 12;

	/** Far above any real token; a longer value is refused before any decoding. */
	private static final int MAX_TOKEN_LENGTH = 8192;

	/** Tokens opened lately: a resource server presents the same credentials with every request it forwards. */
	private static final int MAX_REMEMBERED = 4096;

	private final Map<String, SessionClaims> opened = new ConcurrentHashMap<>();

	private final SessionKeys keys;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	SessionTokens(SessionKeys keys, Clock clock) {
		this.keys = keys;
		this.clock = clock;
	}

	String seal(SessionClaims claims) {
		SessionKeys.Key key = this.keys.current();
		try {
			byte[] nonce = RandomIds.bytes(NONCE_BYTES);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key.secret(), new GCMParameterSpec(128, nonce));
			cipher.updateAAD(associatedData(key.kid()));
			byte[] sealed = cipher.doFinal(this.json.writeValueAsBytes(claims));
			byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
			return PREFIX + key.kid() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is unavailable", ex);
		}
	}

	Opened open(String token) {
		if (token == null || token.length() > MAX_TOKEN_LENGTH || !token.startsWith(PREFIX)) {
			return new Opened.Invalid();
		}
		SessionClaims remembered = this.opened.get(token);
		if (remembered != null) {
			return checked(remembered);
		}
		int dot = token.indexOf('.', PREFIX.length());
		if (dot < 0) {
			return new Opened.Invalid();
		}
		String kid = token.substring(PREFIX.length(), dot);
		Optional<SessionKeys.Key> key = this.keys.find(kid);
		if (key.isEmpty()) {
			return new Opened.Invalid();
		}
		try {
			byte[] in = Base64.getUrlDecoder().decode(token.substring(dot + 1));
			if (in.length < NONCE_BYTES + 16) {
				return new Opened.Invalid();
			}
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key.get().secret(), new GCMParameterSpec(128, in, 0, NONCE_BYTES));
			cipher.updateAAD(associatedData(kid));
			byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
			SessionClaims claims = this.json.readValue(plain, SessionClaims.class);
			if (this.opened.size() >= MAX_REMEMBERED) {
				this.opened.clear();
			}
			this.opened.put(token, claims);
			return checked(claims);
		}
		catch (AEADBadTagException | IllegalArgumentException | JacksonException ex) {
			return new Opened.Invalid();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is unavailable", ex);
		}
	}

	/** Expiry is checked at every use, remembered or not. */
	private Opened checked(SessionClaims claims) {
		if (claims.expiresAt() <= this.clock.instant().getEpochSecond()) {
			return new Opened.Expired(claims);
		}
		return new Opened.Valid(claims);
	}

	private static byte[] associatedData(String kid) {
		return (PREFIX + kid).getBytes(StandardCharsets.US_ASCII);
	}

	sealed interface Opened {

		record Valid(SessionClaims claims) implements Opened {
		}

		record Expired(SessionClaims claims) implements Opened {
		}

		record Invalid() implements Opened {
		}

	}

}
