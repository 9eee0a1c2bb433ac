package io.gatehouse.userpool.signup;

import java.util.Map;
import java.util.UUID;

import io.gatehouse.userpool.AccountFlowTest;
import io.gatehouse.userpool.TestOutbox;
import io.gatehouse.userpool.TestPools;
import io.gatehouse.userpool.auth.AuthContext;
import io.gatehouse.userpool.auth.AuthDoor;
import io.gatehouse.userpool.auth.AuthError;
import io.gatehouse.userpool.auth.AuthException;
import io.gatehouse.userpool.client.AppClientService;
import io.gatehouse.userpool.code.CodeDeliveryDetails;
import io.gatehouse.userpool.code.DeliveryMedium;
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
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@AccountFlowTest
class SignUpServiceTest {

	private static final AuthContext CONTEXT = new AuthContext(AuthDoor.USER_API, "192.0.2.7", "test");

	private final TestOutbox outbox = new TestOutbox(AccountFlowTest.DATA_DIRECTORY);

	@Autowired
	private SignUpService signUp;

	@Autowired
	private UserPoolService pools;

	@Autowired
	private AppClientService clients;

	@Autowired
	private UserService users;

	private UserPool pool;

	private PoolUserSettings settings;

	private String clientId;

	@BeforeEach
	void createPoolAndClient() {
		this.pool = TestPools.named("signup")
			.settings("{\"AutoVerifiedAttributes\":[\"email\"],\"VerificationMessageTemplate\":{\"EmailSubject\":"
					+ "\"Welcome to the shop\",\"EmailMessage\":\"Hello {username}, your code is {####}.\"}}")
			.create(this.pools);
		this.settings = this.pools.userSettings(this.pool.id());
		this.clientId = TestPools.client(this.clients, this.pool.id(), "{}").clientId();
	}

	@Test
	void signUpThenCodeMailedWithPoolTemplateThenConfirmVerifiesEmail() {
		String email = "jo-" + UUID.randomUUID() + "@example.com";

		SignUpResult result = this.signUp.signUp(this.pool.id(), this.clientId, "jo", TestUsers.PASSWORD,
				Map.of("email", email), CONTEXT);

		assertThat(result.userConfirmed()).isFalse();
		assertThat(result.codeDeliveryDetails()).isEqualTo(new CodeDeliveryDetails("j***@e***", DeliveryMedium.EMAIL, "email"));
		assertThat(this.outbox.latestTo(email)).contains("Hello jo, your code is");
		this.signUp.confirmSignUp(this.pool.id(), this.clientId, "jo", this.outbox.latestCodeTo(email), false, CONTEXT);
		User user = this.users.findBySub(this.pool.id(), result.userSub()).orElseThrow();
		assertThat(user.status()).isEqualTo(UserStatus.CONFIRMED);
		assertThat(user.emailVerified()).isTrue();
	}

	@Test
	void signUpWhenPoolAllowsAdministratorsOnlyThenNotPermitted() {
		UserPool closed = TestPools.named("closed")
			.settings("{\"AdminCreateUserConfig\":{\"AllowAdminCreateUserOnly\":true}}")
			.create(this.pools);

		AuthException refused = catchThrowableOfType(AuthException.class, () -> this.signUp.signUp(closed.id(), null,
				"kim", TestUsers.PASSWORD, Map.of(), CONTEXT));
		assertThat(refused.error()).isEqualTo(AuthError.SIGN_UP_NOT_PERMITTED);
		assertThat(this.users.countUsers(closed.id())).isZero();
	}

	@Test
	void confirmOrResendWhenUnknownOrAlreadyConfirmedThenSameAnswersAsForAWaitingUser() {
		User confirmed = TestUsers.confirmed().withVerifiedEmail("lu-" + UUID.randomUUID() + "@example.com")
			.createIn(this.users, this.settings);

		for (String name : new String[] { "nobody", confirmed.username() }) {
			assertThat(catchThrowableOfType(AuthException.class,
					() -> this.signUp.confirmSignUp(this.pool.id(), this.clientId, name, "123456", false, CONTEXT)).error())
				.isEqualTo(AuthError.CODE_MISMATCH);
			CodeDeliveryDetails resent = this.signUp.resendConfirmationCode(this.pool.id(), this.clientId, name, CONTEXT);
			assertThat(resent.deliveryMedium()).isEqualTo(DeliveryMedium.EMAIL);
		}
		assertThat(this.outbox.countTo(confirmed.email().orElseThrow())).isZero();
	}

	@Test
	void confirmOrResendWhenClientRevealsUsersThenTold() {
		String legacy = TestPools.client(this.clients, this.pool.id(), "{\"PreventUserExistenceErrors\":\"LEGACY\"}")
			.clientId();
		User confirmed = TestUsers.confirmed().createIn(this.users, this.settings);

		assertThat(catchThrowableOfType(AuthException.class,
				() -> this.signUp.confirmSignUp(this.pool.id(), legacy, "nobody", "123456", false, CONTEXT)).error())
			.isEqualTo(AuthError.USER_NOT_FOUND);
		assertThat(catchThrowableOfType(AuthException.class,
				() -> this.signUp.confirmSignUp(this.pool.id(), legacy, confirmed.username(), "123456", false, CONTEXT)).error())
			.isEqualTo(AuthError.CANNOT_CONFIRM);
		assertThat(catchThrowableOfType(AuthException.class,
				() -> this.signUp.resendConfirmationCode(this.pool.id(), legacy, confirmed.username(), CONTEXT)).getMessage())
			.isEqualTo("User is already confirmed.");
	}

	@Test
	void signUpWhenEmailIsTheUsernameThenConfirmedByEmail() {
		UserPool byEmail = TestPools.named("by-email")
			.settings("{\"UsernameAttributes\":[\"email\"],\"AutoVerifiedAttributes\":[\"email\"]}")
			.create(this.pools);
		String email = "mo-" + UUID.randomUUID() + "@example.com";

		this.signUp.signUp(byEmail.id(), null, email, TestUsers.PASSWORD, Map.of(), CONTEXT);
		assertThat(this.outbox.latestTo(email)).contains("/" + byEmail.id() + "/confirm?username=" + email.replace("@", "%40"));
		this.signUp.confirmSignUp(byEmail.id(), null, email, this.outbox.latestCodeTo(email), false, CONTEXT);

		User user = this.users.findBySignInName(this.pools.userSettings(byEmail.id()), email).orElseThrow();
		assertThat(user.status()).isEqualTo(UserStatus.CONFIRMED);
		assertThat(user.emailVerified()).isTrue();
	}

}
