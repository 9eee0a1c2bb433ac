package io.gatehouse.userpool.user;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.gatehouse.userpool.Concurrently;
import io.gatehouse.userpool.UserModelTest;
import io.gatehouse.userpool.password.InvalidPasswordException;
import io.gatehouse.userpool.password.PasswordRule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@UserModelTest
class UserServiceTest {

	@Autowired
	private UserService users;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private PlatformTransactionManager transactions;

	private PoolUserSettings pool;

	@BeforeEach
	void createPool() {
		this.pool = TestUserPools.insert(this.jdbc);
	}

	@Test
	void createUserThenFoundBySubAndUsernameWithSubAttribute() {
		User created = TestUsers.confirmed().withUsername("Alice").withEmail("alice@example.com").createIn(this.users,
				this.pool);

		assertThat(created.status()).isEqualTo(UserStatus.CONFIRMED);
		assertThat(created.enabled()).isTrue();
		assertThat(created.attributes()).containsEntry("sub", created.sub().toString())
			.containsEntry("email", "alice@example.com");
		assertThat(this.users.findBySub(this.pool.poolId(), created.sub())).contains(created);
		assertThat(this.users.findByUsername(this.pool, "ALICE")).contains(created);
		assertThat(this.users.countUsers(this.pool.poolId())).isEqualTo(1);
	}

	@Test
	void findBySubOutsideATransactionThenTheSameUserAsTheEntityReadInside() {
		User user = TestUsers.confirmed().withEmail("someone@example.com").createIn(this.users, this.pool);
		User temporary = this.users.setPassword(this.pool, user.sub(), "Temporary-Walrus-7", true);
		this.users.setEnabled(this.pool.poolId(), user.sub(), false);

		User outside = this.users.findBySub(this.pool.poolId(), user.sub()).orElseThrow();
		User inside = new TransactionTemplate(this.transactions)
			.execute((status) -> this.users.findBySub(this.pool.poolId(), user.sub()).orElseThrow());

		assertThat(outside).isEqualTo(inside);
		assertThat(outside.enabled()).isFalse();
		assertThat(outside.status()).isEqualTo(UserStatus.FORCE_CHANGE_PASSWORD);
		assertThat(outside.temporaryPasswordExpiresAt()).isEqualTo(temporary.temporaryPasswordExpiresAt());
		assertThat(outside.attributes()).containsEntry("email", "someone@example.com");
	}

	@Test
	void findBySubWhenOtherPoolThenEmpty() {
		User created = TestUsers.confirmed().createIn(this.users, this.pool);
		PoolUserSettings other = TestUserPools.insert(this.jdbc);

		assertThat(this.users.findBySub(other.poolId(), created.sub())).isEmpty();
		assertThatExceptionOfType(UserNotFoundException.class)
			.isThrownBy(() -> this.users.setEnabled(other.poolId(), created.sub(), false));
	}

	@Test
	void createUserWhenUsernameDiffersOnlyInCaseThenUsernameExists() {
		TestUsers.confirmed().withUsername("Bob").createIn(this.users, this.pool);

		assertThatExceptionOfType(UsernameExistsException.class)
			.isThrownBy(() -> TestUsers.confirmed().withUsername("bOB").createIn(this.users, this.pool))
			.withMessage("User already exists");
	}

	@Test
	void createUserWhenPoolIsCaseSensitiveThenCaseVariantsAreDifferentUsers() {
		PoolUserSettings caseSensitive = this.pool.withUsernameCaseSensitive(true);
		TestUsers.confirmed().withUsername("Bob").createIn(this.users, caseSensitive);
		TestUsers.confirmed().withUsername("bob").createIn(this.users, caseSensitive);

		assertThat(this.users.findByUsername(caseSensitive, "BOB")).isEmpty();
		assertThat(this.users.countUsers(this.pool.poolId())).isEqualTo(2);
	}

	@Test
	void createUserWhenSameUsernameConcurrentlyThenExactlyOneSucceeds() throws Exception {
		List<Object> results = Concurrently.run(8,
				() -> TestUsers.confirmed().withUsername("race").createIn(this.users, this.pool));

		assertThat(results).filteredOn(User.class::isInstance).hasSize(1);
		assertThat(results).filteredOn(UsernameExistsException.class::isInstance).hasSize(7);
		assertThat(this.users.countUsers(this.pool.poolId())).isEqualTo(1);
	}

	@Test
	void createUserWhenSameEmailConcurrentlyThenExactlyOneSucceeds() throws Exception {
		PoolUserSettings emailPool = this.pool.withUsernameAttributes(SignInAttribute.EMAIL);
		java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
		// The same address in different cases: email comparison is case-insensitive.
		List<Object> results = Concurrently.run(8, () -> this.users.create(emailPool,
				TestUsers.unconfirmed()
					.withUsername((n.getAndIncrement() % 2 == 0) ? "Carol@Example.com" : "carol@example.COM")
					.build()));

		assertThat(results).filteredOn(User.class::isInstance).hasSize(1);
		assertThat(results).filteredOn(UsernameExistsException.class::isInstance)
			.hasSize(7)
			.allSatisfy((ex) -> assertThat(((Exception) ex).getMessage())
				.isEqualTo("An account with the given email already exists."));
		assertThat(this.users.countUsers(this.pool.poolId())).isEqualTo(1);
	}

	@Test
	void createUserWhenEmailIsUsernameAttributeThenUsernameIsSubAndSignInByEmail() {
		PoolUserSettings emailPool = this.pool.withUsernameAttributes(SignInAttribute.EMAIL);
		User created = this.users.create(emailPool, TestUsers.unconfirmed().withUsername("Dave@Example.com").build());

		assertThat(created.username()).isEqualTo(created.sub().toString());
		assertThat(created.email()).contains("Dave@Example.com");
		assertThat(this.users.findBySignInName(emailPool, "dave@example.com")).contains(created);
		assertThatExceptionOfType(InvalidUserParameterException.class)
			.isThrownBy(() -> this.users.create(emailPool, TestUsers.unconfirmed().withUsername("dave").build()))
			.withMessage("Username should be an email.");
	}

	@Test
	void createUserWhenEmailAliasAndUsernameLooksLikeEmailThenRefused() {
		PoolUserSettings aliasPool = this.pool.withAliasAttributes(SignInAttribute.EMAIL);

		assertThatExceptionOfType(InvalidUserParameterException.class)
			.isThrownBy(() -> TestUsers.confirmed().withUsername("erin@example.com").createIn(this.users, aliasPool))
			.withMessageContaining("email alias");
	}

	@Test
	void markVerifiedWhenAliasHeldByAnotherUserThenAliasExistsUnlessForced() {
		PoolUserSettings aliasPool = this.pool.withAliasAttributes(SignInAttribute.EMAIL);
		User first = TestUsers.confirmed().withVerifiedEmail("frank@example.com").createIn(this.users, aliasPool);
		// Unverified, the same address is no sign-in name, so a second user may sign up with it.
		User second = TestUsers.unconfirmed().withEmail("FRANK@example.com").createIn(this.users, aliasPool);

		assertThat(this.users.findBySignInName(aliasPool, "frank@example.com")).map(User::sub).contains(first.sub());
		assertThatExceptionOfType(AliasExistsException.class)
			.isThrownBy(() -> this.users.markVerified(aliasPool, second.sub(), SignInAttribute.EMAIL, false));

		this.users.markVerified(aliasPool, second.sub(), SignInAttribute.EMAIL, true);

		assertThat(this.users.findBySignInName(aliasPool, "Frank@Example.com")).map(User::sub).contains(second.sub());
		assertThat(this.users.findBySub(this.pool.poolId(), first.sub()).orElseThrow().emailVerified()).isFalse();
	}

	@Test
	void updateAttributesWhenEmailChangesThenItBecomesUnverified() {
		User user = TestUsers.confirmed().withVerifiedEmail("gina@example.com").createIn(this.users, this.pool);

		User updated = this.users.updateAttributes(this.pool, user.sub(),
				Map.of("email", "gina@example.org", "given_name", "Gina"), AttributeWriter.SELF_SERVICE);

		assertThat(updated.email()).contains("gina@example.org");
		assertThat(updated.emailVerified()).isFalse();
		assertThat(updated.attributes()).containsEntry("given_name", "Gina");
	}

	@Test
	void updateAttributesWhenUserWritesVerifiedFlagOrUnknownAttributeThenInvalidParameter() {
		User user = TestUsers.confirmed().withEmail("hal@example.com").createIn(this.users, this.pool);

		assertThatExceptionOfType(InvalidUserParameterException.class)
			.isThrownBy(() -> this.users.updateAttributes(this.pool, user.sub(), Map.of("email_verified", "true"),
					AttributeWriter.SELF_SERVICE))
			.withMessage("Attributes did not conform to the schema: email_verified: Attribute cannot be updated.");
		assertThatExceptionOfType(InvalidUserParameterException.class)
			.isThrownBy(() -> this.users.updateAttributes(this.pool, user.sub(), Map.of("custom:tier", "gold"),
					AttributeWriter.ADMIN))
			.withMessage("Attributes did not conform to the schema: custom:tier: Attribute does not exist in the schema.");
	}

	@Test
	void updateAttributesWhenNewPhoneIsAnotherUsersSignInNameThenAliasExists() {
		PoolUserSettings phonePool = this.pool.withUsernameAttributes(SignInAttribute.EMAIL,
				SignInAttribute.PHONE_NUMBER);
		this.users.create(phonePool, TestUsers.unconfirmed().withUsername("+14155550100").build());
		User other = this.users.create(phonePool, TestUsers.unconfirmed().withUsername("ida@example.com").build());

		assertThatExceptionOfType(AliasExistsException.class).isThrownBy(() -> this.users.updateAttributes(phonePool,
				other.sub(), Map.of("phone_number", "+14155550100"), AttributeWriter.SELF_SERVICE));
	}

	@Test
	void deleteAttributesWhenRequiredThenRefused() {
		PoolUserSettings requiredName = this.pool.withSchema(
				AttributeSchema.of(Set.of(StandardAttributes.defaultDefinition("name").withRequired(true))));
		User user = TestUsers.confirmed().withAttribute("name", "Jo").createIn(this.users, requiredName);

		assertThatExceptionOfType(InvalidUserParameterException.class)
			.isThrownBy(() -> this.users.deleteAttributes(requiredName, user.sub(), Set.of("name"),
					AttributeWriter.ADMIN))
			.withMessage("Attributes did not conform to the schema: name: The attribute is required");
		assertThatExceptionOfType(InvalidUserParameterException.class)
			.isThrownBy(() -> TestUsers.confirmed().createIn(this.users, requiredName))
			.withMessage("Attributes did not conform to the schema: name: The attribute is required");
	}

	@Test
	void createUserWhenPasswordBreaksPolicyThenInvalidPasswordAndNoUser() {
		assertThatExceptionOfType(InvalidPasswordException.class)
			.isThrownBy(() -> TestUsers.confirmed().withPassword("Sh0rt!").createIn(this.users, this.pool))
			.satisfies((ex) -> assertThat(ex.rule()).isEqualTo(PasswordRule.TOO_SHORT))
			.withMessage("Password did not conform with policy: Password not long enough");
		assertThat(this.users.countUsers(this.pool.poolId())).isZero();
	}

	@Test
	void setPasswordWhenTemporaryThenForceChangeWithExpiryAndWhenPermanentThenConfirmed() {
		User user = TestUsers.confirmed().createIn(this.users, this.pool);

		User temporary = this.users.setPassword(this.pool, user.sub(), "Temporary-Walrus-7", true);
		assertThat(temporary.status()).isEqualTo(UserStatus.FORCE_CHANGE_PASSWORD);
		assertThat(temporary.temporaryPasswordExpiresAt()).isAfter(temporary.passwordChangedAt());

		User permanent = this.users.setPassword(this.pool, user.sub(), "Permanent-Walrus-8", false);
		assertThat(permanent.status()).isEqualTo(UserStatus.CONFIRMED);
		assertThat(permanent.temporaryPasswordExpiresAt()).isNull();
		assertThat(this.users.checkPassword(this.pool, user.username(), "Permanent-Walrus-8"))
			.isInstanceOf(PasswordCheck.Authenticated.class);
		assertThat(this.users.checkPassword(this.pool, user.username(), "Temporary-Walrus-7"))
			.isInstanceOf(PasswordCheck.WrongPassword.class);
	}

	@Test
	void setPasswordWhenItContainsTheUsernameThenRefused() {
		User user = TestUsers.confirmed().withUsername("kathleen").createIn(this.users, this.pool);

		assertThatExceptionOfType(InvalidPasswordException.class)
			.isThrownBy(() -> this.users.setPassword(this.pool, user.sub(), "Kathleen#2024x", false))
			.satisfies((ex) -> assertThat(ex.rule()).isEqualTo(PasswordRule.CONTAINS_CONTEXT_WORD));
	}

	@Test
	void checkPasswordWhenUnknownUserThenUnknownAndWhenWrongThenCountedFailure() {
		User user = TestUsers.confirmed().createIn(this.users, this.pool);

		assertThat(this.users.checkPassword(this.pool, "nobody", TestUsers.PASSWORD))
			.isInstanceOf(PasswordCheck.UnknownUser.class);
		PasswordCheck wrong = this.users.checkPassword(this.pool, user.username(), "Wrong-Password-1");
		assertThat(wrong).isInstanceOfSatisfying(PasswordCheck.WrongPassword.class,
				(failure) -> assertThat(failure.lockout().failedAttempts()).isEqualTo(1));
		assertThat(this.users.checkPassword(this.pool, user.username().toUpperCase(), TestUsers.PASSWORD))
			.isInstanceOfSatisfying(PasswordCheck.Authenticated.class,
					(ok) -> assertThat(ok.user().sub()).isEqualTo(user.sub()));
	}

	@Test
	void setEnabledAndSetStatusThenReflected() {
		User user = TestUsers.unconfirmed().createIn(this.users, this.pool);

		assertThat(this.users.setEnabled(this.pool.poolId(), user.sub(), false).enabled()).isFalse();
		assertThat(this.users.setStatus(this.pool.poolId(), user.sub(), UserStatus.CONFIRMED).status())
			.isEqualTo(UserStatus.CONFIRMED);
	}

	@Test
	void deleteUserThenGoneAndDeletingThePoolDeletesItsUsers() {
		User user = TestUsers.confirmed().createIn(this.users, this.pool);
		TestUsers.confirmed().createIn(this.users, this.pool);

		assertThat(this.users.delete(this.pool.poolId(), user.sub())).isTrue();
		assertThat(this.users.delete(this.pool.poolId(), user.sub())).isFalse();
		assertThat(this.users.countUsers(this.pool.poolId())).isEqualTo(1);

		this.jdbc.update("delete from user_pool.user_pool where id = ?", this.pool.poolId());
		assertThat(this.users.countUsers(this.pool.poolId())).isZero();
	}

	@Test
	void storedPasswordIsAnArgon2idHashNeverThePassword() {
		User user = TestUsers.confirmed().createIn(this.users, this.pool);

		String stored = this.jdbc.queryForObject("select password_hash from user_pool.user_account where sub = ?",
				String.class, user.sub());
		assertThat(stored).startsWith("$argon2id$").doesNotContain(TestUsers.PASSWORD);
	}

}
