package io.gatehouse.userpool.user;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LockoutCurveTest {

	@Test
	void lockoutAfterWhenFiveOrFewerFailuresThenNone() {
		for (int failures = 0; failures <= 5; failures++) {
			assertThat(LockoutCurve.lockoutAfter(failures)).isZero();
		}
	}

	@Test
	void lockoutAfterWhenSixthFailureThenOneSecondDoublingToFifteenMinutes() {
		assertThat(LockoutCurve.lockoutAfter(6)).isEqualTo(Duration.ofSeconds(1));
		assertThat(LockoutCurve.lockoutAfter(7)).isEqualTo(Duration.ofSeconds(2));
		assertThat(LockoutCurve.lockoutAfter(8)).isEqualTo(Duration.ofSeconds(4));
		assertThat(LockoutCurve.lockoutAfter(15)).isEqualTo(Duration.ofSeconds(512));
		assertThat(LockoutCurve.lockoutAfter(16)).isEqualTo(Duration.ofMinutes(15));
		assertThat(LockoutCurve.saturation()).isEqualTo(16);
	}

	@Test
	void asSqlArrayListsTheCurveUpToSaturation() {
		assertThat(LockoutCurve.asSqlArray()).isEqualTo(
				"{0.0,0.0,0.0,0.0,0.0,1.0,2.0,4.0,8.0,16.0,32.0,64.0,128.0,256.0,512.0,900.0}");
	}

	@Test
	void lockoutNeverDecreasesAndNeverExceedsFifteenMinutes() {
		// Every failure count of the range, not a sample of it: cheap, and no seed to report.
		for (int failures = 0; failures <= 100_000; failures++) {
			Duration lockout = LockoutCurve.lockoutAfter(failures);
			assertThat(lockout).as("lockout after %d failures", failures)
				.isBetween(Duration.ZERO, Duration.ofMinutes(15));
			assertThat(LockoutCurve.lockoutAfter(failures + 1)).as("lockout after %d failures", failures + 1)
				.isGreaterThanOrEqualTo(lockout);
		}
	}

}
