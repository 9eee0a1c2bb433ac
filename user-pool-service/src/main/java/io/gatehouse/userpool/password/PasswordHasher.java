package io.gatehouse.userpool.password;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes and verifies passwords with Argon2id. The whole password is hashed (UTF-8 of its NFKC form, as
 * NIST SP 800-63B advises so that the same characters typed on different keyboards match): no 72-byte
 * truncation as with bcrypt. Length limits are the {@link PasswordValidator}'s job.
 */
@Component
public final class PasswordHasher {

	private final Argon2PasswordEncoder encoder;

	private final String dummyHash;

	private final LongAdder verifications = new LongAdder();

	public PasswordHasher(PasswordHashingProperties properties) {
		this.encoder = new Argon2PasswordEncoder(properties.saltLength(), properties.hashLength(),
				properties.parallelism(), properties.memoryKib(), properties.iterations());
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		this.dummyHash = this.encoder.encode(Base64.getEncoder().encodeToString(random));
	}

	public String hash(String password) {
		return this.encoder.encode(normalize(password));
	}

	/** Whether {@code password} matches {@code hash}; false for a missing or malformed hash. */
	public boolean verify(String password, String hash) {
		if (hash == null || hash.isEmpty()) {
			verifyDummy(password);
			return false;
		}
		this.verifications.increment();
		return this.encoder.matches(normalize(password), hash);
	}

	/**
	 * Spends the same time as {@link #verify} with the current parameters and always fails. Call it for an
	 * unknown user (or one without a password) so the answer's timing does not reveal that the user is absent.
	 */
	public boolean verifyDummy(String password) {
		this.verifications.increment();
		this.encoder.matches(normalize(password), this.dummyHash);
		return false;
	}

	/**
	 * How many Argon2 verifications (real and dummy) this hasher has run. Sign-in must cost exactly one
	 * whatever its outcome; this count lets that be proven without measuring time.
	 */
	public long verifications() {
		return this.verifications.sum();
	}

	/** True when {@code hash} was made with weaker parameters than the configured ones. */
	public boolean needsRehash(String hash) {
		return this.encoder.upgradeEncoding(hash);
	}

	private static String normalize(String password) {
		return Normalizer.normalize(password == null ? "" : password, Normalizer.Form.NFKC);
	}

}
