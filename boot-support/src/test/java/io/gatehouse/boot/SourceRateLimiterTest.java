package io.gatehouse.boot;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SourceRateLimiterTest {

	private static RateLimitProperties properties(List<String> exempt) {
		return new RateLimitProperties(true, 0.001, 3, 100, exempt);
	}

	private static int served(SourceRateLimiter limiter, String source, int attempts) {
		int served = 0;
		for (int i = 0; i < attempts; i++) {
			if (limiter.tryAcquire(source)) {
				served++;
			}
		}
		return served;
	}

	@Test
	void tryAcquireWhenBudgetSpentThenRefusedPerSource() {
		SourceRateLimiter limiter = new SourceRateLimiter(properties(List.of()));
		assertThat(served(limiter, "203.0.113.7", 10)).isEqualTo(3);
		assertThat(served(limiter, "203.0.113.8", 10)).isEqualTo(3);
	}

	@Test
	void tryAcquireWhenSourceExemptByAddressOrBlockThenNeverRefused() {
		SourceRateLimiter limiter = new SourceRateLimiter(
				properties(List.of("10.1.2.3", "172.16.0.0/12", "fd00::/8", " ::1 ")));
		assertThat(served(limiter, "10.1.2.3", 20)).isEqualTo(20);
		assertThat(served(limiter, "172.31.255.254", 20)).isEqualTo(20);
		assertThat(served(limiter, "fd12:3456::1", 20)).isEqualTo(20);
		assertThat(served(limiter, "0:0:0:0:0:0:0:1", 20)).isEqualTo(20);
		// An IPv4-mapped IPv6 address is that IPv4 address.
		assertThat(served(limiter, "::ffff:10.1.2.3", 20)).isEqualTo(20);
		// Just outside each block: throttled.
		assertThat(served(limiter, "10.1.2.4", 10)).isEqualTo(3);
		assertThat(served(limiter, "172.32.0.1", 10)).isEqualTo(3);
		assertThat(served(limiter, "fe80::1", 10)).isEqualTo(3);
		assertThat(served(limiter, "::ffff:10.1.2.9", 10)).isEqualTo(3);
	}

	@Test
	void tryAcquireWhenSourceIsNoAddressLiteralThenNotExemptAndNotResolved() {
		SourceRateLimiter limiter = new SourceRateLimiter(properties(List.of("0.0.0.0/0", "::/0")));
		assertThat(served(limiter, "localhost", 10)).isEqualTo(3);
		assertThat(served(limiter, "10.0.0.1.example.com", 10)).isEqualTo(3);
		assertThat(served(limiter, "1.2.3.4", 10)).isEqualTo(10);
	}

	@Test
	void propertiesWhenExemptSourceMalformedThenRefusedWithItsName() {
		for (String bad : List.of("10.0.0.0/33", "10.0.0.0/", "example.com", "10.0.0/8", "fd00::/129", "")) {
			assertThatIllegalArgumentException().isThrownBy(() -> properties(List.of(bad)))
				.withMessageContaining("gatehouse.rate-limit.exempt-sources");
		}
	}

	@Test
	void tryAcquireWhenDisabledThenAlwaysServed() {
		SourceRateLimiter limiter = new SourceRateLimiter(new RateLimitProperties(false, 0.001, 1, 100, List.of()));
		assertThat(served(limiter, "203.0.113.7", 10)).isEqualTo(10);
	}

}
