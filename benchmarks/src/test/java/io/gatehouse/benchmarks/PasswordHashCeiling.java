package io.gatehouse.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The ceiling for password sign-in: how many Argon2id verifications per second this machine does with
 * the service's default parameters (m=19 MiB, t=2, p=1), one thread per core. The sign-in scenario's
 * throughput is compared against it (issue 5 asks for at least 70 %).
 * Run: {@code ./mvnw -q -pl benchmarks -am -DskipTests test-compile exec:...} or see README "Benchmarks".
 */
public final class PasswordHashCeiling {

	private PasswordHashCeiling() {
	}

	public static void main(String[] args) throws Exception {
		System.out.printf("Argon2id verifications per second (m=19456 KiB, t=2, p=1, %d threads): %.1f%n",
				threads(), measure(Duration.ofSeconds(Long.getLong("seconds", 20))));
	}

	static int threads() {
		return Integer.getInteger("threads", Runtime.getRuntime().availableProcessors());
	}

	/**
	 * Verifications per second over {@code duration}, after five seconds of the same work on every thread (so
	 * the JIT has compiled the hash before anything is counted; a short warm-up made this figure swing by a
	 * third from run to run).
	 */
	static double measure(Duration duration) throws Exception {
		Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
		String hash = encoder.encode("correct horse battery staple");
		run(encoder, hash, Duration.ofSeconds(5));
		return run(encoder, hash, duration);
	}

	private static double run(Argon2PasswordEncoder encoder, String hash, Duration duration) throws Exception {
		LongAdder done = new LongAdder();
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService pool = Executors.newFixedThreadPool(threads());
		List<Future<?>> workers = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < threads(); i++) {
			workers.add(pool.submit(() -> {
				while (running.get()) {
					if (!encoder.matches("correct horse battery staple", hash)) {
						throw new IllegalStateException("verification failed");
					}
					done.increment();
				}
			}));
		}
		Thread.sleep(duration.toMillis());
		running.set(false);
		for (Future<?> worker : workers) {
			worker.get();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		return done.sum() / seconds;
	}

}
