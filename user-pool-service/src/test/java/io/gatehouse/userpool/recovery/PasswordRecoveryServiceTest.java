package io.gatehouse.userpool.recovery;

import java.time.Duration;
import java.util.UUID;

import io.gatehouse.userpool.AccountFlowTest;
import io.gatehouse.userpool.MutableClock;
import io.gatehouse.userpool.TestOutbox;
import io.gatehouse.userpool.TestPools;
import io.gatehouse.userpool.auth.AuthContext;
import io.gatehouse.userpool.auth.AuthDoor;
import io.gatehouse.userpool.auth.AuthError;
import io.gatehouse.userpool.auth.AuthException;
import io.gatehouse.userpool.auth.AuthStep;
import io.gatehouse.userpool.auth.AuthenticationEngine;
import io.gatehouse.userpool.client.AppClientService;
import io.gatehouse.userpool.code.CodeDeliveryDetails;
import io.gatehouse.userpool.code.DeliveryMedium;
import io.gatehouse.userpool.password.InvalidPasswordException;
import io.gatehouse.userpool.pool.UserPool;
import io.gatehouse.userpool.pool.UserPoolService;
import io.gatehouse.userpool.user.PoolUserSettings;
import io.gatehouse.userpool.user.TestUsers;
import io.gatehouse.userpool.user.User;
import io.gatehouse.userpool.user.UserService;
import io.gatehouse.userpool.user.UserStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@AccountFlowTest
class PasswordRecoveryServiceTest {

	private static final String NEW_PASSWORD = "Quiet-Harbour-Lantern-5";

	private static final AuthContext CONTEXT = new AuthContext(AuthDoor.USER_API, null, null);

	private final TestOutbox outbox = new TestOutbox(AccountFlowTest.DATA_DIRECTORY);

	@Autowired
	private PasswordRecoveryService recovery;

	@Autowired
	private AuthenticationEngine engine;

	@Autowired
	private UserPoolService pools;

	@Autowired
	private AppClientService clients;

	@Autowired
	private UserService users;

	@Autowired
	private MutableClock clock;

	@Autowired
	private AccountFlowTest.SignOuts signOuts;

	private UserPool pool;

	private PoolUserSettings settings;

	private String clientId;

	private String email;

	private User user;

	@BeforeEach
	void createPoolClientAndUser() {
		this.pool = TestPools.named("recovery").create(this.pools);
		this.settings = this.pools.userSettings(this.pool.id());
		this.clientId = TestPools.client(this.clients, this.pool.id(), "{}").clientId();
		this.email = "eve-" + UUID.randomUUID() + "@example.com";
		this.user = TestUsers.confirmed().withVerifiedEmail(this.email).createIn(this.users, this.settings);
	}

	@Test
	void forgotPasswordThenCodeMailedToVerifiedAddressWithLinkFromPublicBaseUrl() {
		CodeDeliveryDetails delivery = this.recovery.forgotPassword(this.pool.id(), this.clientId, this.user.username(), CONTEXT);

		assertThat(delivery.deliveryMedium()).isEqualTo(DeliveryMedium.EMAIL);
		assertThat(delivery.attributeName()).isEqualTo("email");
		assertThat(delivery.destination()).isEqualTo("e***@e***");
		String mail = this.outbox.latestTo(this.email);
		assertThat(mail).contains("Your password reset code is")
			.contains(AccountFlowTest.PUBLIC_BASE_URL + "/" + this.pool.id() + "/reset-password?username="
					+ this.user.username());
	}

	@Test
	void confirmForgotPasswordThenNewPasswordWorksOldDoesNotAndUserSignedOutEverywhere() {
		for (int i = 0; i < 6; i++) {
			this.engine.start(this.pool.id(), this.clientId, this.user.username(), "Wrong-Password-77", CONTEXT);
		}
		this.recovery.forgotPassword(this.pool.id(), this.clientId, this.user.username(), CONTEXT);

		this.recovery.confirmForgotPassword(this.pool.id(), this.clientId, this.user.username(),
				this.outbox.latestCodeTo(this.email), NEW_PASSWORD, CONTEXT);

		assertThat(this.signOuts.tokensRevoked).contains(new AccountFlowTest.SignedOut(this.pool.id(), this.user.sub()));
		assertThat(this.signOuts.sessionsEnded).contains(new AccountFlowTest.SignedOut(this.pool.id(), this.user.sub()));
		// The reset also lifted the lockout the failures had caused.
		assertThat(this.engine.start(this.pool.id(), this.clientId, this.user.username(), NEW_PASSWORD, CONTEXT))
			.isInstanceOf(AuthStep.Authenticated.class);
		assertThat(this.engine.start(this.pool.id(), this.clientId, this.user.username(), TestUsers.PASSWORD, CONTEXT))
			.isEqualTo(new AuthStep.Failed(AuthError.NOT_AUTHORIZED));
	}

	@Test
	void confirmForgotPasswordWhenPasswordRefusedThenCodeNotSpentAndWhenCodeWrongThenMismatch() {
		this.recovery.forgotPassword(this.pool.id(), this.clientId, this.user.username(), CONTEXT);
		String code = this.outbox.latestCodeTo(this.email);

		assertThatExceptionOfType(InvalidPasswordException.class).isThrownBy(() -> this.recovery
			.confirmForgotPassword(this.pool.id(), this.clientId, this.user.username(), code, "password", CONTEXT));
		AuthException wrong = catchThrowableOfType(AuthException.class, () -> this.recovery.confirmForgotPassword(
				this.pool.id(), this.clientId, this.user.username(), code.equals("000000") ? "111111" : "000000", NEW_PASSWORD, CONTEXT));
		assertThat(wrong.error()).isEqualTo(AuthError.CODE_MISMATCH);

		this.recovery.confirmForgotPassword(this.pool.id(), this.clientId, this.user.username(), code, NEW_PASSWORD, CONTEXT);
		AuthException reused = catchThrowableOfType(AuthException.class, () -> this.recovery
			.confirmForgotPassword(this.pool.id(), this.clientId, this.user.username(), code, "Other-Harbour-Lantern-6", CONTEXT));
		assertThat(reused.error()).isEqualTo(AuthError.EXPIRED_CODE);
	}

	@Test
	void forgotPasswordWhenCodeExpiredThenExpiredCode() {
		this.recovery.forgotPassword(this.pool.id(), this.clientId, this.user.username(), CONTEXT);
		String code = this.outbox.latestCodeTo(this.email);
		this.clock.advance(Duration.ofMinutes(11));

		AuthException expired = catchThrowableOfType(AuthException.class, () -> this.recovery
			.confirmForgotPassword(this.pool.id(), this.clientId, this.user.username(), code, NEW_PASSWORD, CONTEXT));
		assertThat(expired.error()).isEqualTo(AuthError.EXPIRED_CODE);
	}

	@Test
	void forgotPasswordWhenUnknownUnverifiedOrDisabledThenAnsweredAsIfSentAndNothingSent() {
		String unverifiedEmail = "fay-" + UUID.randomUUID() + "@example.com";
		User unverified = TestUsers.confirmed().withEmail(unverifiedEmail).createIn(this.users, this.settings);
		User disabled = TestUsers.confirmed().withVerifiedEmail("gus-" + UUID.randomUUID() + "@example.com")
			.createIn(this.users, this.settings);
		this.users.setEnabled(this.pool.id(), disabled.sub(), false);

		CodeDeliveryDetails unknown = this.recovery.forgotPassword(this.pool.id(), this.clientId, "nobody", CONTEXT);
		assertThat(this.recovery.forgotPassword(this.pool.id(), this.clientId, "nobody", CONTEXT)).isEqualTo(unknown);
		assertThat(unknown.deliveryMedium()).isEqualTo(DeliveryMedium.EMAIL);
		assertThat(unknown.destination()).matches("[a-z]\\*\\*\\*@[a-z]\\*\\*\\*");
		assertThat(this.recovery.forgotPassword(this.pool.id(), this.clientId, unverified.username(), CONTEXT).deliveryMedium())
			.isEqualTo(DeliveryMedium.EMAIL);
		assertThat(this.recovery.forgotPassword(this.pool.id(), this.clientId, disabled.username(), CONTEXT).deliveryMedium())
			.isEqualTo(DeliveryMedium.EMAIL);
		// Recovery mail only ever goes to a verified address.
		assertThat(this.outbox.countTo(unverifiedEmail)).isZero();

		AuthException mismatch = catchThrowableOfType(AuthException.class,
				() -> this.recovery.confirmForgotPassword(this.pool.id(), this.clientId, "nobody", "123456", NEW_PASSWORD, CONTEXT));
		assertThat(mismatch.error()).isEqualTo(AuthError.CODE_MISMATCH);
	}

	@Test
	void forgotPasswordWhenClientRevealsUsersThenUserNotFoundAndNoVerifiedAddress() {
		String legacy = TestPools.client(this.clients, this.pool.id(), "{\"PreventUserExistenceErrors\":\"LEGACY\"}")
			.clientId();
		User unverified = TestUsers.confirmed().withEmail("hal-" + UUID.randomUUID() + "@example.com")
			.createIn(this.users, this.settings);

		assertThat(catchThrowableOfType(AuthException.class,
				() -> this.recovery.forgotPassword(this.pool.id(), legacy, "nobody", CONTEXT)).error())
			.isEqualTo(AuthError.USER_NOT_FOUND);
		assertThat(catchThrowableOfType(AuthException.class,
				() -> this.recovery.forgotPassword(this.pool.id(), legacy, unverified.username(), CONTEXT)).error())
			.isEqualTo(AuthError.INVALID_PARAMETER);
	}

	@Test
	void forgotPasswordWhenPoolAllowsAdministratorsOnlyThenRefused() {
		UserPool adminOnly = TestPools.named("admin-only")
			.settings("{\"AccountRecoverySetting\":{\"RecoveryMechanisms\":[{\"Priority\":1,\"Name\":\"admin_only\"}]}}")
			.create(this.pools);

		assertThat(catchThrowableOfType(AuthException.class,
				() -> this.recovery.forgotPassword(adminOnly.id(), null, "anyone", CONTEXT)).error())
			.isEqualTo(AuthError.RECOVERY_NOT_PERMITTED);
	}

	@Test
	void confirmForgotPasswordWhenResetRequiredThenConfirmedAgain() {
		User reset = TestUsers.confirmed().withStatus(UserStatus.RESET_REQUIRED)
			.withVerifiedEmail("ivy-" + UUID.randomUUID() + "@example.com")
			.createIn(this.users, this.settings);
		this.recovery.forgotPassword(this.pool.id(), this.clientId, reset.username(), CONTEXT);

		this.recovery.confirmForgotPassword(this.pool.id(), this.clientId, reset.username(),
				this.outbox.latestCodeTo(reset.email().orElseThrow()), NEW_PASSWORD, CONTEXT);

		assertThat(this.users.findBySub(this.pool.id(), reset.sub()).orElseThrow().status()).isEqualTo(UserStatus.CONFIRMED);
	}

}
