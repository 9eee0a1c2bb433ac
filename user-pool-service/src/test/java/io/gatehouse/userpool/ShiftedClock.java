package io.gatehouse.userpool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock, shifted forward by however much a test has moved it. Unlike {@link MutableClock} it keeps
 * running, so a context whose tests talk to it over HTTP (SigV4 dates, token lifetimes) stays close to the
 * callers' clocks while a test skips over a waiting period instead of sleeping through it.
 */
public final class ShiftedClock extends Clock {

	private final AtomicReference<Duration> shift = new AtomicReference<>(Duration.ZERO);

	public void advance(Duration duration) {
		this.shift.updateAndGet((current) -> current.plus(duration));
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.shift.get());
	}

}
