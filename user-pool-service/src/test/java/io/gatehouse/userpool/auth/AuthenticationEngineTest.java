package io.gatehouse.userpool.auth;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.userpool.AccountFlowTest;
import io.gatehouse.userpool.Concurrently;
import io.gatehouse.userpool.MutableClock;
import io.gatehouse.userpool.StatementCounter;
import io.gatehouse.userpool.TestPools;
import io.gatehouse.userpool.audit.AuditLog;
import io.gatehouse.userpool.audit.AuditOutcome;
import io.gatehouse.userpool.audit.AuthEventType;
import io.gatehouse.userpool.audit.ChallengeResult;
import io.gatehouse.userpool.audit.RecordedAuthEvent;
import io.gatehouse.userpool.client.AppClientNotFoundException;
import io.gatehouse.userpool.client.AppClientService;
import io.gatehouse.userpool.password.PasswordHasher;
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
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine against real PostgreSQL, with a clock the tests move instead of sleeping. */
@AccountFlowTest
class AuthenticationEngineTest {

	private static final AuthContext CONTEXT = new AuthContext(AuthDoor.USER_API, "192.0.2.1", "test");

	private static final String WRONG = "Wrong-Password-77";

	@Autowired
	private AuthenticationEngine engine;

	@Autowired
	private UserPoolService pools;

	@Autowired
	private AppClientService clients;

	@Autowired
	private UserService users;

	@Autowired
	private PasswordHasher hasher;

	@Autowired
	private MutableClock clock;

	@Autowired
	private AuditLog audit;

	@Autowired
	private JdbcTemplate jdbc;

	private UserPool pool;

	private PoolUserSettings settings;

	private String clientId;

	private User user;

	@BeforeEach
	void createPoolClientAndUser() {
		this.pool = TestPools.named("engine").create(this.pools);
		this.settings = this.pools.userSettings(this.pool.id());
		this.clientId = TestPools.client(this.clients, this.pool.id(), "{}").clientId();
		this.user = TestUsers.confirmed().withVerifiedEmail(UUID.randomUUID() + "@example.com").createIn(this.users,
				this.settings);
	}

	@Test
	void startWhenRightPasswordThenAuthenticatedAtThePoolWithPasswordMethod() {
		AuthStep step = start(this.user.username(), TestUsers.PASSWORD);

		assertThat(step).isInstanceOfSatisfying(AuthStep.Authenticated.class, (authenticated) -> {
			PoolUserAuthentication authentication = authenticated.authentication();
			assertThat(authentication.poolId()).isEqualTo(this.pool.id());
			assertThat(authentication.sub()).isEqualTo(this.user.sub());
			assertThat(authentication.username()).isEqualTo(this.user.username());
			assertThat(authentication.authTime()).isEqualTo(this.clock.instant());
			assertThat(authentication.authenticationMethods()).containsExactly("pwd");
			assertThat(authentication.isAuthenticated()).isTrue();
		});
	}

	@Test
	void startWhenUnknownUserOrWrongPasswordOrLockedOutThenSameAnswerAndSameWork() {
		Outcome unknown = measure("nobody-" + UUID.randomUUID(), TestUsers.PASSWORD);
		Outcome wrong = measure(this.user.username(), WRONG);
		for (int i = 0; i < 5; i++) {
			start(this.user.username(), WRONG);
		}
		Outcome locked = measure(this.user.username(), TestUsers.PASSWORD);

		assertThat(List.of(unknown.step(), wrong.step(), locked.step())).allSatisfy((step) -> assertThat(step)
			.isEqualTo(new AuthStep.Failed(AuthError.NOT_AUTHORIZED, "Incorrect username or password.", false)));
		assertThat(List.of(unknown.argon2(), wrong.argon2(), locked.argon2())).containsOnly(1L);
		// The same statements in the same order, whoever the user and whatever the password.
		assertThat(wrong.statements()).isEqualTo(unknown.statements());
		assertThat(locked.statements()).isEqualTo(unknown.statements());
		assertThat(unknown.statements()).isNotEmpty();
	}

	@Test
	void startWhenEmailAliasPoolThenUnknownAndKnownNamesDoTheSameWork() {
		UserPool aliasPool = TestPools.named("alias")
			.settings("{\"AliasAttributes\":[\"email\",\"preferred_username\"],\"AutoVerifiedAttributes\":[\"email\"]}")
			.create(this.pools);
		PoolUserSettings aliasSettings = this.pools.userSettings(aliasPool.id());
		User known = TestUsers.confirmed().withVerifiedEmail("ada-" + UUID.randomUUID() + "@example.com")
			.createIn(this.users, aliasSettings);

		Outcome byEmail = measureAt(aliasPool.id(), known.email().orElseThrow(), WRONG);
		Outcome unknownEmail = measureAt(aliasPool.id(), "nobody-" + UUID.randomUUID() + "@example.com", WRONG);
		Outcome byUsername = measureAt(aliasPool.id(), known.username(), WRONG);
		Outcome unknownUsername = measureAt(aliasPool.id(), "nobody-" + UUID.randomUUID(), WRONG);

		assertThat(byEmail.step()).isEqualTo(unknownEmail.step());
		assertThat(byEmail.statements()).isEqualTo(unknownEmail.statements());
		assertThat(byUsername.statements()).isEqualTo(unknownUsername.statements());
		assertThat(List.of(byEmail.argon2(), unknownEmail.argon2(), byUsername.argon2(), unknownUsername.argon2()))
			.containsOnly(1L);
	}

	@Test
	void startWhenParallelBurstsOfWrongPasswordsThenAllCountedRightPasswordRefusedAlikeAndAcceptedAfterLockout()
			throws Exception {
		// Five free failures in one burst: every one counted, none lost to a race.
		List<Object> burst = Concurrently.run(5, () -> start(this.user.username(), WRONG));
		assertThat(burst).allSatisfy((step) -> assertThat(step).isEqualTo(new AuthStep.Failed(AuthError.NOT_AUTHORIZED)));
		assertThat(failedCount()).isEqualTo(5);
		assertThat(lockedUntil()).isNull();

		// A second burst: exactly one more is counted (the sixth, which locks for one second); the others meet
		// the lockout (the clock stands still) and are refused uncounted, so a burst cannot extend it.
		List<Object> second = Concurrently.run(4, () -> start(this.user.username(), WRONG));
		assertThat(second).allSatisfy((step) -> assertThat(step).isEqualTo(new AuthStep.Failed(AuthError.NOT_AUTHORIZED)));
		assertThat(failedCount()).isEqualTo(6);
		assertThat(lockedUntil()).isEqualTo(this.clock.instant().plusSeconds(1));

		// The right password gets exactly the wrong password's (and an unknown user's) answer.
		assertThat(start(this.user.username(), TestUsers.PASSWORD)).isEqualTo(start(this.user.username(), WRONG))
			.isEqualTo(start("nobody-" + UUID.randomUUID(), WRONG));

		this.clock.advance(Duration.ofSeconds(2));
		assertThat(start(this.user.username(), TestUsers.PASSWORD)).isInstanceOf(AuthStep.Authenticated.class);
		assertThat(failedCount()).isZero();
	}

	private int failedCount() {
		return this.jdbc.queryForObject("select failed_sign_in_count from user_pool.user_account where sub = ?",
				Integer.class, this.user.sub());
	}

	private java.time.Instant lockedUntil() {
		java.sql.Timestamp until = this.jdbc.queryForObject("select locked_until from user_pool.user_account where sub = ?",
				java.sql.Timestamp.class, this.user.sub());
		return (until != null) ? until.toInstant() : null;
	}

	@Test
	void startThenEveryAttemptIsInTheUsersAuditTrailWithoutSecrets() {
		start(this.user.username(), WRONG);
		// The test clock stands still: move it so that "newest first" has an order to follow.
		this.clock.advance(Duration.ofSeconds(1));
		start(this.user.username(), TestUsers.PASSWORD);

		List<RecordedAuthEvent> events = this.audit.authEvents(this.pool.id(), this.user.sub(), 10, null).items();
		assertThat(events).hasSize(2);
		assertThat(events.get(0).outcome()).isEqualTo(AuditOutcome.SUCCESS);
		assertThat(events.get(0).challenges()).containsExactly(ChallengeResult.password(true));
		assertThat(events.get(1).outcome()).isEqualTo(AuditOutcome.FAILURE);
		assertThat(events.get(1).challenges()).containsExactly(ChallengeResult.password(false));
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.type()).isEqualTo(AuthEventType.SIGN_IN);
			assertThat(event.clientId()).isEqualTo(this.clientId);
			assertThat(event.sourceIp()).isEqualTo("192.0.2.1");
		});
		assertThat(this.jdbc.queryForObject("select count(*) from user_pool.audit_event a where row_to_json(a)::text"
				+ " like ? or row_to_json(a)::text like ?", Integer.class, "%" + WRONG + "%", "%" + TestUsers.PASSWORD + "%"))
			.isZero();
	}

	@Test
	void startThenTheClientComesFromTheClientCacheAndAnotherPoolsClientIsStillRefused() {
		start(this.user.username(), TestUsers.PASSWORD);

		StatementCounter.Recorded<AuthStep> again = StatementCounter
			.record(() -> start(this.user.username(), TestUsers.PASSWORD));

		assertThat(again.value()).isInstanceOf(AuthStep.Authenticated.class);
		assertThat(again.statements()).isNotEmpty().noneMatch((sql) -> sql.contains("app_client"));
		UserPool other = TestPools.named("other").create(this.pools);
		assertThatThrownBy(() -> this.engine.start(other.id(), this.clientId, this.user.username(), TestUsers.PASSWORD,
				CONTEXT))
			.isInstanceOf(AppClientNotFoundException.class);
	}

	@Test
	void startWhenClientRevealsUsersThenUserNotFoundAndAttemptsExceeded() {
		String legacy = TestPools.client(this.clients, this.pool.id(), "{\"PreventUserExistenceErrors\":\"LEGACY\"}")
			.clientId();

		assertThat(this.engine.start(this.pool.id(), legacy, "nobody", WRONG, CONTEXT))
			.isEqualTo(new AuthStep.Failed(AuthError.USER_NOT_FOUND));
		for (int i = 0; i < 6; i++) {
			this.engine.start(this.pool.id(), legacy, this.user.username(), WRONG, CONTEXT);
		}
		assertThat(this.engine.start(this.pool.id(), legacy, this.user.username(), TestUsers.PASSWORD, CONTEXT))
			.isEqualTo(new AuthStep.Failed(AuthError.PASSWORD_ATTEMPTS_EXCEEDED));
	}

	@Test
	void startWhenAccountStateRefusesThenToldOnlyAfterTheRightPassword() {
		User unconfirmed = TestUsers.unconfirmed().createIn(this.users, this.settings);
		User resetRequired = TestUsers.confirmed().withStatus(UserStatus.RESET_REQUIRED).createIn(this.users, this.settings);
		User disabled = TestUsers.confirmed().createIn(this.users, this.settings);
		this.users.setEnabled(this.pool.id(), disabled.sub(), false);

		assertThat(start(unconfirmed.username(), TestUsers.PASSWORD)).isEqualTo(new AuthStep.Failed(AuthError.USER_NOT_CONFIRMED));
		assertThat(start(resetRequired.username(), TestUsers.PASSWORD))
			.isEqualTo(new AuthStep.Failed(AuthError.PASSWORD_RESET_REQUIRED));
		assertThat(start(disabled.username(), TestUsers.PASSWORD)).isEqualTo(new AuthStep.Failed(AuthError.USER_DISABLED));
		for (User quiet : List.of(unconfirmed, resetRequired, disabled)) {
			assertThat(start(quiet.username(), WRONG)).isEqualTo(new AuthStep.Failed(AuthError.NOT_AUTHORIZED));
		}
	}

	@Test
	void newPasswordRequiredWhenTemporaryPasswordThenChallengeCorrectableOnceAnsweredAndSessionSingleUse() {
		User invited = TestUsers.confirmed().withStatus(UserStatus.FORCE_CHANGE_PASSWORD).createIn(this.users,
				this.settings);

		AuthStep.Challenge challenge = (AuthStep.Challenge) start(invited.username(), TestUsers.PASSWORD);
		assertThat(challenge.name()).isEqualTo(ChallengeName.NEW_PASSWORD_REQUIRED);
		assertThat(challenge.parameters()).containsEntry("USER_ID_FOR_SRP", invited.username())
			.containsEntry("requiredAttributes", "[]")
			.containsKey("userAttributes");
		// 256 random bits, and only a hash of it in the database.
		assertThat(challenge.session()).hasSizeGreaterThanOrEqualTo(43);
		assertThat(this.jdbc.queryForObject("select count(*) from user_pool.auth_flow f where row_to_json(f)::text like ?",
				Integer.class, "%" + challenge.session() + "%")).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from user_pool.auth_flow where session_hash = ?",
				Integer.class, (Object) AuthFlowStore.hash(challenge.session()))).isEqualTo(1);

		AuthStep weak = respond(challenge.session(), Map.of("NEW_PASSWORD", "short"));
		assertThat(weak).isInstanceOfSatisfying(AuthStep.Failed.class, (failed) -> {
			assertThat(failed.reason()).isEqualTo(AuthError.INVALID_PASSWORD);
			assertThat(failed.retryable()).isTrue();
		});

		AuthStep done = respond(challenge.session(), Map.of("NEW_PASSWORD", "Fresh-Lilac-Pelican-8"));
		assertThat(done).isInstanceOfSatisfying(AuthStep.Authenticated.class,
				(authenticated) -> assertThat(authenticated.authentication().sub()).isEqualTo(invited.sub()));
		assertThat(this.users.findBySub(this.pool.id(), invited.sub()).orElseThrow().status()).isEqualTo(UserStatus.CONFIRMED);

		assertThat(respond(challenge.session(), Map.of("NEW_PASSWORD", "Another-Lilac-Pelican-9")))
			.isEqualTo(new AuthStep.Failed(AuthError.SESSION_EXPIRED));
		assertThat(start(invited.username(), TestUsers.PASSWORD)).isEqualTo(new AuthStep.Failed(AuthError.NOT_AUTHORIZED));
		assertThat(start(invited.username(), "Fresh-Lilac-Pelican-8")).isInstanceOf(AuthStep.Authenticated.class);
	}

	@Test
	void newPasswordRequiredWhenSessionExpiredOrPresentedElsewhereThenRefused() {
		User invited = TestUsers.confirmed().withStatus(UserStatus.FORCE_CHANGE_PASSWORD).createIn(this.users,
				this.settings);
		String otherClient = TestPools.client(this.clients, this.pool.id(), "{}").clientId();
		UserPool otherPool = TestPools.named("other").create(this.pools);
		Map<String, String> answer = Map.of("NEW_PASSWORD", "Fresh-Lilac-Pelican-8");

		String first = ((AuthStep.Challenge) start(invited.username(), TestUsers.PASSWORD)).session();
		assertThat(this.engine.respond(this.pool.id(), otherClient, first, ChallengeName.NEW_PASSWORD_REQUIRED, answer,
				CONTEXT)).isEqualTo(new AuthStep.Failed(AuthError.SESSION_EXPIRED));
		// Presented at the wrong place, the session is spent: it cannot be replayed at the right one.
		assertThat(respond(first, answer)).isEqualTo(new AuthStep.Failed(AuthError.SESSION_EXPIRED));

		String second = ((AuthStep.Challenge) start(invited.username(), TestUsers.PASSWORD)).session();
		assertThat(this.engine.respond(otherPool.id(), this.clientId, second, ChallengeName.NEW_PASSWORD_REQUIRED,
				answer, CONTEXT)).isEqualTo(new AuthStep.Failed(AuthError.SESSION_EXPIRED));

		String third = ((AuthStep.Challenge) start(invited.username(), TestUsers.PASSWORD)).session();
		this.clock.advance(Duration.ofMinutes(3).plusSeconds(1));
		assertThat(respond(third, answer)).isEqualTo(new AuthStep.Failed(AuthError.SESSION_EXPIRED));

		String fourth = ((AuthStep.Challenge) start(invited.username(), TestUsers.PASSWORD)).session();
		assertThat(respond(fourth + "x", answer)).isEqualTo(new AuthStep.Failed(AuthError.SESSION_EXPIRED));
		assertThat(respond("x".repeat(10_000), answer)).isEqualTo(new AuthStep.Failed(AuthError.SESSION_EXPIRED));
		assertThat(this.engine.respond(this.pool.id(), this.clientId, fourth, ChallengeName.NEW_PASSWORD_REQUIRED,
				Map.of("USERNAME", this.user.username(), "NEW_PASSWORD", "Fresh-Lilac-Pelican-8"), CONTEXT))
			.isEqualTo(new AuthStep.Failed(AuthError.NOT_AUTHORIZED));
	}

	@Test
	void newPasswordRequiredWhenConcurrentAnswersThenExactlyOneWins() throws Exception {
		User invited = TestUsers.confirmed().withStatus(UserStatus.FORCE_CHANGE_PASSWORD).createIn(this.users,
				this.settings);
		String session = ((AuthStep.Challenge) start(invited.username(), TestUsers.PASSWORD)).session();

		List<Object> answers = Concurrently.run(6,
				() -> respond(session, Map.of("NEW_PASSWORD", "Fresh-Lilac-Pelican-8")));

		assertThat(answers).filteredOn(AuthStep.Authenticated.class::isInstance).hasSize(1);
		assertThat(answers).filteredOn((step) -> new AuthStep.Failed(AuthError.SESSION_EXPIRED).equals(step)).hasSize(5);
	}

	@Test
	void newPasswordRequiredWhenPoolRequiresAnAttributeThenAskedForAndStored() {
		UserPool strict = TestPools.named("strict")
			.schema("[{\"Name\":\"given_name\",\"Required\":true,\"Mutable\":true}]")
			.create(this.pools);
		PoolUserSettings strictSettings = this.pools.userSettings(strict.id());
		// UserService refuses to create a user without a required attribute; an imported row may lack one.
		this.jdbc.update("insert into user_pool.user_account (sub, pool_id, username, username_key, attributes, status,"
				+ " enabled, password_hash, created_at, updated_at) values (?, ?, 'invitee', 'invitee', ?::jsonb,"
				+ " 'FORCE_CHANGE_PASSWORD', true, ?, now(), now())", UUID.randomUUID(), strict.id(),
				"{\"sub\":\"x\"}", this.hasher.hash(TestUsers.PASSWORD));

		AuthStep.Challenge challenge = (AuthStep.Challenge) this.engine.start(strict.id(), null, "invitee",
				TestUsers.PASSWORD, CONTEXT);
		assertThat(challenge.parameters()).containsEntry("requiredAttributes", "[\"userAttributes.given_name\"]");

		AuthStep missing = this.engine.respond(strict.id(), null, challenge.session(), ChallengeName.NEW_PASSWORD_REQUIRED,
				Map.of("NEW_PASSWORD", "Fresh-Lilac-Pelican-8"), CONTEXT);
		assertThat(missing).isInstanceOfSatisfying(AuthStep.Failed.class, (failed) -> {
			assertThat(failed.reason()).isEqualTo(AuthError.INVALID_PARAMETER);
			assertThat(failed.retryable()).isTrue();
		});
		Map<String, String> answer = new HashMap<>(Map.of("NEW_PASSWORD", "Fresh-Lilac-Pelican-8"));
		answer.put("userAttributes.given_name", "Ada");
		assertThat(this.engine.respond(strict.id(), null, challenge.session(), ChallengeName.NEW_PASSWORD_REQUIRED, answer,
				CONTEXT)).isInstanceOf(AuthStep.Authenticated.class);
		assertThat(this.users.findByUsername(strictSettings, "invitee").orElseThrow().attribute("given_name"))
			.contains("Ada");
	}

	private AuthStep start(String name, String password) {
		return this.engine.start(this.pool.id(), this.clientId, name, password, CONTEXT);
	}

	private AuthStep respond(String session, Map<String, String> responses) {
		return this.engine.respond(this.pool.id(), this.clientId, session, ChallengeName.NEW_PASSWORD_REQUIRED,
				responses, CONTEXT);
	}

	private Outcome measure(String name, String password) {
		return measureAt(this.pool.id(), name, password);
	}

	private Outcome measureAt(String poolId, String name, String password) {
		String client = poolId.equals(this.pool.id()) ? this.clientId : null;
		if (client != null) {
			// Warm, as under load: whether the client cache was is not the user's part of the work compared.
			this.clients.find(client);
		}
		long before = this.hasher.verifications();
		StatementCounter.Recorded<AuthStep> recorded = StatementCounter
			.record(() -> this.engine.start(poolId, client, name, password, CONTEXT));
		return new Outcome(recorded.value(), this.hasher.verifications() - before, recorded.statements());
	}

	private record Outcome(AuthStep step, long argon2, List<String> statements) {
	}

}
