package io.gatehouse.userpool.code;

import java.time.Instant;

/**
 * A freshly issued code, to be sent to the user and then forgotten: only its HMAC is stored.
 * {@link #toString()} leaves the code out so that logging the value cannot leak it.
 */
public record IssuedCode(String code, Instant expiresAt) {

	@Override
	public String toString() {
		return "IssuedCode[code=[redacted], expiresAt=" + this.expiresAt + "]";
	}

}
