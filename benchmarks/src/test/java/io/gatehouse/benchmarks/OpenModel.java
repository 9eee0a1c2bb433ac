package io.gatehouse.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

/**
 * The open model of the latency scenarios: a warm-up ramp from a tenth of the rate to the rate, then the rate
 * itself, both steps of one population so that the load never stops or jumps between them. Requests of users
 * started during the warm-up are named {@value #WARM_UP}, so that the target is checked on the measured phase
 * only. Chained as two populations with {@code andThen}, Gatling sent nothing for about a second between them
 * and then began the measured phase with a burst. Started together, the second delayed by {@code nothingFor},
 * Gatling was once seen taking more than a core for a moment as the second population started. With one
 * population neither can happen, though the service still sometimes falls behind just as the full rate is reached.
 */
final class OpenModel {

	static final String WARM_UP = "warm-up";

	/** The session attribute holding the request's name; use {@code http("#{request}")}. */
	static final String REQUEST_NAME = "#{request}";

	private final int rate;

	private final Duration warmUp;

	private final Duration measured;

	/** When the measured phase begins, in {@link System#nanoTime()}; set as the first user starts (0 before). */
	private final AtomicLong measuredFrom = new AtomicLong();

	private final AtomicBoolean measuring = new AtomicBoolean();

	/** Per second of the measured phase: requests answered then, and of those how many took 25 ms or more. */
	private final Map<Long, int[]> bySecond = new ConcurrentHashMap<>();

	private volatile Runnable atMeasuredStart = () -> {
	};

	OpenModel(int rate, int warmUpSeconds, int seconds) {
		this.rate = rate;
		this.warmUp = Duration.ofSeconds(warmUpSeconds);
		this.measured = Duration.ofSeconds(seconds);
	}

	/** Names this user's requests after the phase it started in: {@value #WARM_UP} or {@code measuredName}. */
	ChainBuilder nameRequests(String measuredName) {
		return exec((session) -> {
			long now = System.nanoTime();
			this.measuredFrom.compareAndSet(0, now + this.warmUp.toNanos());
			if (now - this.measuredFrom.get() < 0) {
				return session.set("request", WARM_UP);
			}
			if (this.measuring.compareAndSet(false, true)) {
				// Off Gatling's event loop, which must never block.
				CompletableFuture.runAsync(this.atMeasuredStart);
			}
			return session.set("request", measuredName);
		});
	}

	/** Runs {@code action} once, on another thread, as the first user of the measured phase starts. */
	OpenModel atMeasuredStart(Runnable action) {
		this.atMeasuredStart = action;
		return this;
	}

	/**
	 * Records a measured request's response time (Gatling's, from sending to the last byte read) in the second of
	 * the measured phase it ended in. Warm-up requests are ignored.
	 */
	void record(boolean measuredRequest, long responseMillis) {
		long from = this.measuredFrom.get();
		if (!measuredRequest || from == 0) {
			return;
		}
		long second = Math.max(0, (System.nanoTime() - from) / 1_000_000_000L);
		int[] counts = this.bySecond.computeIfAbsent(second, (s) -> new int[2]);
		synchronized (counts) {
			counts[0]++;
			if (responseMillis >= 25) {
				counts[1]++;
			}
		}
	}

	/**
	 * Where the client saw its slow requests: clustered in a few seconds (a stall: a pause, a checkpoint, the
	 * generator itself) or spread over the run (queueing). Lists the five seconds with the most.
	 */
	String slowSeconds() {
		Map<Long, int[]> seconds = this.bySecond;
		long requests = measuredRequests();
		int slow = seconds.values().stream().mapToInt((c) -> c[1]).sum();
		StringBuilder worst = new StringBuilder();
		seconds.entrySet()
			.stream()
			.filter((e) -> e.getValue()[1] > 0)
			.sorted((a, b) -> Integer.compare(b.getValue()[1], a.getValue()[1]))
			.limit(5)
			.forEach((e) -> worst
				.append(String.format(" %+d s: %d of %d;", e.getKey(), e.getValue()[1], e.getValue()[0])));
		long secondsWithSlow = seconds.values().stream().filter((c) -> c[1] > 0).count();
		return String.format("client-side: %d of %d measured requests took 25 ms or more, in %d of %d seconds;"
				+ " most in%s", slow, requests, secondsWithSlow, seconds.size(),
				(worst.length() > 0) ? worst.toString() : " none");
	}

	/** The measured requests recorded so far. */
	long measuredRequests() {
		return this.bySecond.values().stream().mapToLong((c) -> c[0]).sum();
	}

	PopulationBuilder inject(ScenarioBuilder scenario) {
		return scenario.injectOpen(rampUsersPerSec(this.rate / 10.0).to(this.rate).during(this.warmUp),
				constantUsersPerSec(this.rate).during(this.measured));
	}

	Duration duration() {
		return this.warmUp.plus(this.measured);
	}

}
