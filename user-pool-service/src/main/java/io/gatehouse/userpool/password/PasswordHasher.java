package io.gatehouse.userpool.password;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

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

	/**
	 * Argon2 is memory-hard on purpose: each computation holds {@code memoryKib} of fresh memory while it runs.
	 * Running more computations at once than there are cores only multiplies that memory (and the garbage
	 * collector's work copying it) without finishing any sooner, so computations beyond the cores wait here,
	 * in arrival order.
	 */
	private final Semaphore running;

	private final AtomicInteger inProgress = new AtomicInteger();

	private final AtomicInteger peak = new AtomicInteger();

	public PasswordHasher(PasswordHashingProperties properties) {
		this.encoder = new Argon2PasswordEncoder(properties.saltLength(), properties.hashLength(),
				properties.parallelism(), properties.memoryKib(), properties.iterations());
		this.running = new Semaphore((properties.maxConcurrent() > 0) ? properties.maxConcurrent()
				: Runtime.getRuntime().availableProcessors(), true);
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		this.dummyHash = this.encoder.encode(Base64.getEncoder().encodeToString(random));
	}

	public String hash(String password) {
		return bounded(() -> this.encoder.encode(normalize(password)));
	}

	/** Whether {@code password} matches {@code hash}; false for a missing or malformed hash. */
	public boolean verify(String password, String hash) {
		if (hash == null || hash.isEmpty()) {
			verifyDummy(password);
			return false;
		}
		this.verifications.increment();
		return bounded(() -> this.encoder.matches(normalize(password), hash));
	}

	/**
	 * Spends the same time as {@link #verify} with the current parameters and always fails. Call it for an
	 * unknown user (or one without a password) so the answer's timing does not reveal that the user is absent.
	 */
	public boolean verifyDummy(String password) {
		this.verifications.increment();
		bounded(() -> this.encoder.matches(normalize(password), this.dummyHash));
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

	/** The most hashes ever computed at the same time by this hasher (for tests of the bound). */
	int peakConcurrency() {
		return this.peak.get();
	}

	private <T> T bounded(Supplier<T> computation) {
		try {
			this.running.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting to hash a password", ex);
		}
		this.peak.accumulateAndGet(this.inProgress.incrementAndGet(), Math::max);
		try {
			return computation.get();
		}
		finally {
			this.inProgress.decrementAndGet();
			this.running.release();
		}
	}

	private static String normalize(String password) {
		return Normalizer.normalize(password == null ? "" : password, Normalizer.Form.NFKC);
	}

}
