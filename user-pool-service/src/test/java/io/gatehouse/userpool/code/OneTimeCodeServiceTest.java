package io.gatehouse.userpool.code;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.gatehouse.userpool.Concurrently;
import io.gatehouse.userpool.MutableClock;
import io.gatehouse.userpool.UserModelTest;
import io.gatehouse.userpool.user.PoolUserSettings;
import io.gatehouse.userpool.user.TestUserPools;
import io.gatehouse.userpool.user.TestUsers;
import io.gatehouse.userpool.user.User;
import io.gatehouse.userpool.user.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@UserModelTest
class OneTimeCodeServiceTest {

	@Autowired
	private OneTimeCodeService codes;

	@Autowired
	private UserService users;

	@Autowired
	private MutableClock clock;

	@Autowired
	private JdbcTemplate jdbc;

	private PoolUserSettings pool;

	private User user;

	@BeforeEach
	void createUser() {
		this.pool = TestUserPools.insert(this.jdbc);
		this.user = TestUsers.unconfirmed().createIn(this.users, this.pool);
	}

	@Test
	void issueThenSixDigitsValidForTenMinutes() {
		IssuedCode issued = issue(CodePurpose.SIGN_UP_CONFIRMATION);

		assertThat(issued.code()).matches("[0-9]{6}");
		assertThat(issued.expiresAt()).isEqualTo(this.clock.instant().plus(Duration.ofMinutes(10)));
		assertThat(issued.toString()).doesNotContain(issued.code());
	}

	@Test
	void verifyWhenRightCodeThenVerifiedOnceAndNeverAgain() {
		IssuedCode issued = issue(CodePurpose.FORGOT_PASSWORD);

		assertThat(verify(CodePurpose.FORGOT_PASSWORD, issued.code())).isEqualTo(new CodeVerification.Verified());
		assertThat(verify(CodePurpose.FORGOT_PASSWORD, issued.code())).isEqualTo(new CodeVerification.Expired());
	}

	@Test
	void verifyWhenOtherPurposeOrOtherPoolThenNotVerified() {
		IssuedCode issued = issue(CodePurpose.VERIFY_EMAIL);

		assertThat(verify(CodePurpose.VERIFY_PHONE_NUMBER, issued.code())).isEqualTo(new CodeVerification.Expired());
		assertThat(this.codes.verify("local-1_other", this.user.sub(), CodePurpose.VERIFY_EMAIL, issued.code()))
			.isEqualTo(new CodeVerification.Expired());
		assertThat(verify(CodePurpose.VERIFY_EMAIL, issued.code())).isEqualTo(new CodeVerification.Verified());
	}

	@Test
	void verifyWhenWrongCodeThenMismatchUntilAttemptsRunOutThenTooManyEvenForTheRightCode() {
		IssuedCode issued = issue(CodePurpose.SIGN_UP_CONFIRMATION);
		String wrong = wrong(issued.code());

		for (int left = 4; left >= 0; left--) {
			assertThat(verify(CodePurpose.SIGN_UP_CONFIRMATION, wrong)).isEqualTo(new CodeVerification.Mismatch(left));
		}
		assertThat(verify(CodePurpose.SIGN_UP_CONFIRMATION, issued.code()))
			.isEqualTo(new CodeVerification.TooManyAttempts());
	}

	@Test
	void verifyWhenMalformedInputThenMismatchAndCounted() {
		issue(CodePurpose.SIGN_UP_CONFIRMATION);

		assertThat(verify(CodePurpose.SIGN_UP_CONFIRMATION, null)).isEqualTo(new CodeVerification.Mismatch(4));
		assertThat(verify(CodePurpose.SIGN_UP_CONFIRMATION, "x".repeat(10_000)))
			.isEqualTo(new CodeVerification.Mismatch(3));
	}

	@Test
	void verifyWhenExpiredThenExpired() {
		IssuedCode issued = issue(CodePurpose.EMAIL_OTP);
		this.clock.advance(Duration.ofMinutes(10).plusSeconds(1));

		assertThat(verify(CodePurpose.EMAIL_OTP, issued.code())).isEqualTo(new CodeVerification.Expired());
	}

	@Test
	void issueWhenNewCodeThenPreviousCodeNoLongerVerifies() {
		IssuedCode first = issue(CodePurpose.SIGN_UP_CONFIRMATION);
		IssuedCode second = issue(CodePurpose.SIGN_UP_CONFIRMATION);

		if (!first.code().equals(second.code())) {
			assertThat(verify(CodePurpose.SIGN_UP_CONFIRMATION, first.code()))
				.isInstanceOf(CodeVerification.Mismatch.class);
		}
		assertThat(verify(CodePurpose.SIGN_UP_CONFIRMATION, second.code())).isEqualTo(new CodeVerification.Verified());
		assertThat(this.jdbc.queryForObject("select count(*) from user_pool.one_time_code where user_sub = ?"
				+ " and consumed_at is null and superseded_at is null", Integer.class, this.user.sub())).isZero();
	}

	@Test
	void verifyWhenAttemptsAcrossCodesReachTheWindowCapThenTooManyAttemptsForANewCode() {
		for (int code = 0; code < 3; code++) {
			IssuedCode issued = issue(CodePurpose.FORGOT_PASSWORD);
			for (int attempt = 0; attempt < 5; attempt++) {
				verify(CodePurpose.FORGOT_PASSWORD, wrong(issued.code()));
			}
		}
		IssuedCode fresh = issue(CodePurpose.FORGOT_PASSWORD);

		assertThat(verify(CodePurpose.FORGOT_PASSWORD, fresh.code())).isEqualTo(new CodeVerification.TooManyAttempts());

		this.clock.advance(Duration.ofHours(1).plusSeconds(1));
		IssuedCode later = issue(CodePurpose.FORGOT_PASSWORD);
		assertThat(verify(CodePurpose.FORGOT_PASSWORD, later.code())).isEqualTo(new CodeVerification.Verified());
	}

	@Test
	void issueWhenTooManyCodesInTheWindowThenLimitExceeded() {
		for (int i = 0; i < 10; i++) {
			issue(CodePurpose.VERIFY_PHONE_NUMBER);
		}

		assertThatExceptionOfType(CodeLimitExceededException.class)
			.isThrownBy(() -> issue(CodePurpose.VERIFY_PHONE_NUMBER))
			.withMessage("Attempt limit exceeded, please try after some time.");
	}

	@Test
	void verifyWhenSameCodeConcurrentlyThenExactlyOneSucceeds() throws Exception {
		IssuedCode issued = issue(CodePurpose.SIGN_UP_CONFIRMATION);

		List<Object> results = Concurrently.run(5, () -> verify(CodePurpose.SIGN_UP_CONFIRMATION, issued.code()));

		assertThat(results).filteredOn(CodeVerification.Verified.class::isInstance).hasSize(1);
		assertThat(results).filteredOn(CodeVerification.Expired.class::isInstance).hasSize(4);
	}

	@Test
	void storedHashIsKeyedSoTheCodeCannotBeRecoveredFromAPlainHash() throws Exception {
		IssuedCode issued = issue(CodePurpose.SIGN_UP_CONFIRMATION);

		byte[] stored = this.jdbc.queryForObject("select code_hash from user_pool.one_time_code where user_sub = ?",
				byte[].class, this.user.sub());
		byte[] plain = MessageDigest.getInstance("SHA-256").digest(issued.code().getBytes(StandardCharsets.UTF_8));
		assertThat(stored).hasSize(32).isNotEqualTo(plain);
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(issued.code());
	}

	@Test
	void issueWhenUserIsInAnotherPoolThenRefused() {
		PoolUserSettings other = TestUserPools.insert(this.jdbc);

		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.codes.issue(other.poolId(), this.user.sub(), CodePurpose.SIGN_UP_CONFIRMATION));
	}

	@Test
	void deletingTheUserDeletesTheirCodes() {
		issue(CodePurpose.SIGN_UP_CONFIRMATION);

		this.users.delete(this.pool.poolId(), this.user.sub());

		assertThat(this.jdbc.queryForObject("select count(*) from user_pool.one_time_code where user_sub = ?",
				Integer.class, this.user.sub())).isZero();
	}

	@Test
	void propertiesWhenPurposeOverriddenThenOnlyThatPurposeChanges() {
		OneTimeCodeProperties properties = new Binder(new MapConfigurationPropertySource(
				Map.of("gatehouse.codes.purposes.sign-up-confirmation.ttl", "1h",
						"gatehouse.codes.purposes.sign-up-confirmation.max-attempts", "3")))
			.bindOrCreate("gatehouse.codes", OneTimeCodeProperties.class);

		assertThat(properties.settings(CodePurpose.SIGN_UP_CONFIRMATION))
			.isEqualTo(new OneTimeCodeProperties.CodeSettings(Duration.ofHours(1), 3, 6));
		assertThat(properties.settings(CodePurpose.EMAIL_OTP))
			.isEqualTo(new OneTimeCodeProperties.CodeSettings(Duration.ofMinutes(10), 5, 6));
	}

	private IssuedCode issue(CodePurpose purpose) {
		return this.codes.issue(this.pool.poolId(), this.user.sub(), purpose);
	}

	private CodeVerification verify(CodePurpose purpose, String code) {
		return this.codes.verify(this.pool.poolId(), this.user.sub(), purpose, code);
	}

	private static String wrong(String code) {
		char last = code.charAt(code.length() - 1);
		return code.substring(0, code.length() - 1) + (char) ('0' + ((last - '0' + 1) % 10));
	}

}
