package io.gatehouse.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The ceiling for password sign-in: how many Argon2id verifications per second this machine does with
 * the service's default parameters (m=19 MiB, t=2, p=1), one thread per core. The sign-in scenario's
 * throughput is compared against it (issue 5 asks for at least 70 %).
 * Run: {@code ./mvnw -q -pl benchmarks -am -DskipTests test-compile exec:...} or see README "Benchmarks".
 */
public final class PasswordHashCeiling {

	private static final Pattern RESULT = Pattern.compile("threads\\): ([0-9.]+)$");

	private PasswordHashCeiling() {
	}

	public static void main(String[] args) throws Exception {
		System.out.printf("Argon2id verifications per second (m=19456 KiB, t=2, p=1, %d threads): %.1f%n",
				threads(), measure(Duration.ofSeconds(Long.getLong("seconds", 20))));
	}

	/**
	 * The ceiling as the mean of {@code jvms} fresh JVMs run one after another, each measuring for {@code duration}
	 * after its warm-up. One JVM's rate is one draw: twelve fresh JVMs on an idle machine measured from 38 to 65
	 * verifications per second, and six from 27 to 38 on another machine, with the same code and nothing else
	 * running (how the JIT compiled the hash and where the heap landed in memory differ from one JVM to the next).
	 * The service's JVM is one such draw too; the mean of several stands for this machine's JVMs.
	 * @param report called with each JVM's rate, in order
	 */
	static double measureInFreshJvms(int jvms, Duration duration, DoubleConsumer report) throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		double sum = 0;
		for (int i = 0; i < jvms; i++) {
			Process process = new ProcessBuilder(java, "-Dseconds=" + duration.toSeconds(), "-Dthreads=" + threads(),
					"-cp", System.getProperty("java.class.path"), PasswordHashCeiling.class.getName())
				.redirectErrorStream(true)
				.start();
			String last = "";
			try (BufferedReader output = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = output.readLine(); line != null; line = output.readLine()) {
					last = line;
				}
			}
			int status = process.waitFor();
			Matcher rate = RESULT.matcher(last);
			if (status != 0 || !rate.find()) {
				throw new IllegalStateException("the ceiling's JVM exited with " + status + ": " + last);
			}
			double perSecond = Double.parseDouble(rate.group(1));
			report.accept(perSecond);
			sum += perSecond;
		}
		return sum / jvms;
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
