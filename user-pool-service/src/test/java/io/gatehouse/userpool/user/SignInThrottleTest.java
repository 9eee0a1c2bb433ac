package io.gatehouse.userpool.user;

import java.time.Duration;
import java.util.List;

import io.gatehouse.userpool.Concurrently;
import io.gatehouse.userpool.MutableClock;
import io.gatehouse.userpool.UserModelTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@UserModelTest
class SignInThrottleTest {

	@Autowired
	private UserService users;

	@Autowired
	private SignInThrottle throttle;

	@Autowired
	private MutableClock clock;

	@Autowired
	private JdbcTemplate jdbc;

	private PoolUserSettings pool;

	private User user;

	@BeforeEach
	void createUser() {
		this.pool = TestUserPools.insert(this.jdbc);
		this.user = TestUsers.confirmed().createIn(this.users, this.pool);
	}

	@Test
	void checkPasswordWhenFiveParallelFailuresThenAllCountedAndSixthLocksOut() throws Exception {
		List<Object> results = Concurrently.run(5,
				() -> this.users.checkPassword(this.pool, this.user.username(), "Wrong-Password-1"));

		assertThat(results).allMatch(PasswordCheck.WrongPassword.class::isInstance);
		assertThat(this.throttle.state(this.user.sub()).failedAttempts()).isEqualTo(5);
		assertThat(this.throttle.state(this.user.sub()).lockedAt(this.clock.instant())).isFalse();

		PasswordCheck sixth = this.users.checkPassword(this.pool, this.user.username(), "Wrong-Password-1");
		assertThat(sixth).isInstanceOfSatisfying(PasswordCheck.WrongPassword.class, (wrong) -> assertThat(
				Duration.between(this.clock.instant(), wrong.lockout().lockedUntil())).isEqualTo(Duration.ofSeconds(1)));
	}

	@Test
	void checkPasswordWhenLockedOutThenEvenTheRightPasswordIsRefusedUntilTheLockoutEnds() {
		for (int i = 0; i < 7; i++) {
			this.throttle.recordFailure(this.user.sub());
			this.clock.advance(Duration.ofSeconds(3));
		}
		this.throttle.recordFailure(this.user.sub());
		LockoutState state = this.throttle.state(this.user.sub());
		assertThat(state.failedAttempts()).isEqualTo(8);
		assertThat(Duration.between(this.clock.instant(), state.lockedUntil())).isEqualTo(Duration.ofSeconds(4));

		assertThat(this.users.checkPassword(this.pool, this.user.username(), TestUsers.PASSWORD))
			.isInstanceOf(PasswordCheck.LockedOut.class);
		// Failures during the lockout are not counted, so they cannot extend it.
		assertThat(this.throttle.recordFailure(this.user.sub()).failedAttempts()).isEqualTo(8);

		this.clock.advance(Duration.ofSeconds(5));
		assertThat(this.users.checkPassword(this.pool, this.user.username(), TestUsers.PASSWORD))
			.isInstanceOf(PasswordCheck.Authenticated.class);
		assertThat(this.throttle.state(this.user.sub())).isEqualTo(new LockoutState(0, null));
	}

	@Test
	void recordFailureWhenLastFailureLongAgoThenCountStartsAgain() {
		for (int i = 0; i < 4; i++) {
			this.throttle.recordFailure(this.user.sub());
		}
		this.clock.advance(LockoutCurve.RESET_AFTER.plusSeconds(1));

		assertThat(this.throttle.recordFailure(this.user.sub()).failedAttempts()).isEqualTo(1);
	}

	@Test
	void setPasswordThenLockoutCleared() {
		for (int i = 0; i < 6; i++) {
			this.throttle.recordFailure(this.user.sub());
		}
		assertThat(this.throttle.state(this.user.sub()).lockedAt(this.clock.instant())).isTrue();

		this.users.setPassword(this.pool, this.user.sub(), "Brand-New-Heron-5", false);

		assertThat(this.throttle.state(this.user.sub())).isEqualTo(new LockoutState(0, null));
	}

}
