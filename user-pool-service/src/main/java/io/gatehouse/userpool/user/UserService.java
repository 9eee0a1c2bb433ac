package io.gatehouse.userpool.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.gatehouse.userpool.password.PasswordContext;
import io.gatehouse.userpool.password.PasswordHasher;
import io.gatehouse.userpool.password.PasswordValidator;
import jakarta.persistence.EntityManager;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Users of a pool: the internal API sign-up, sign-in, the hosted UI and the admin operations call. Every
 * method is scoped to one pool; a sub from another pool is "not found". Uniqueness (username, email/phone
 * sign-in names) is enforced by PostgreSQL, so concurrent creations of the same user end with exactly one
 * user and {@link UsernameExistsException} or {@link AliasExistsException} for the others.
 * <p>
 * Each method runs in its own transaction (programmatic, so the class needs no proxy). Password hashing
 * happens before the transaction starts so a connection is never held for an Argon2 computation.
 */
@Service
public final class UserService {

	/** Cognito's username pattern and length. */
	private static final AttributesJsonConverter ATTRIBUTES_JSON = new AttributesJsonConverter();

	/** Never a user's sub (random UUIDs have version bits set): the stand-in for an unknown user. */
	private static final UUID NO_USER = new UUID(0L, 0L);

	private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]{1,128}");

	private static final AttributesJsonConverter ATTRIBUTES = new AttributesJsonConverter();

	private static final String[] PLAIN_COLUMNS = { "sub", "pool_id", "username", "attributes", "status", "enabled",
			"created_at", "updated_at", "password_changed_at", "temporary_password_expires_at" };

	private final UserAccountRepository users;

	private final EntityManager entityManager;

	private final TransactionTemplate transaction;

	private final PasswordValidator passwordValidator;

	private final PasswordHasher passwordHasher;

	private final SignInThrottle throttle;

	private final Clock clock;

	private final JdbcClient jdbc;

	UserService(UserAccountRepository users, EntityManager entityManager, JdbcClient jdbc,
			PlatformTransactionManager transactionManager,
			PasswordValidator passwordValidator, PasswordHasher passwordHasher, SignInThrottle throttle,
			ObjectProvider<Clock> clock) {
		this.users = users;
		this.entityManager = entityManager;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactionManager);
		this.passwordValidator = passwordValidator;
		this.passwordHasher = passwordHasher;
		this.throttle = throttle;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * Creates a user.
	 * @throws InvalidUserParameterException the username or an attribute breaks the pool's rules
	 * @throws io.gatehouse.userpool.password.InvalidPasswordException the password breaks the policy
	 * @throws UsernameExistsException the username (or email/phone username attribute) is taken
	 * @throws AliasExistsException a verified alias given at creation belongs to another user
	 */
	public User create(PoolUserSettings pool, NewUser command) {
		Objects.requireNonNull(command.status(), "status");
		Objects.requireNonNull(command.writer(), "writer");
		String given = command.username();
		if (given == null || !USERNAME.matcher(given).matches()) {
			throw InvalidUserParameterException.username("Username must be 1 to 128 letters, marks, numbers,"
					+ " symbols or punctuation, without spaces.");
		}
		UUID sub = UUID.randomUUID();
		Map<String, String> attributes = new LinkedHashMap<>(command.attributes());
		String username = usernameFor(pool, given, sub, attributes);
		Map<String, String> validated = new LinkedHashMap<>();
		validated.put(StandardAttributes.SUB, sub.toString());
		validated.putAll(AttributeValidator.validateNew(pool.schema(), attributes, command.writer()));
		String hash = null;
		if (command.password() != null) {
			this.passwordValidator.validate(command.password(), pool.passwordPolicy(),
					PasswordContext.of(pool.poolName(), given, validated.get(StandardAttributes.EMAIL)));
			hash = this.passwordHasher.hash(command.password());
		}
		Instant now = now();
		UserAccount account = new UserAccount(sub, pool.poolId(), username, SignInNames.usernameKey(pool, username),
				now);
		account.attributes(validated, SignInNames.of(pool, validated), now);
		account.status(command.status(), now);
		if (hash != null) {
			account.password(hash, temporaryPasswordExpiry(pool, command.status(), now), now);
		}
		if (!insert(account)) {
			throw whyNotInserted(pool, account);
		}
		return account.toUser();
	}

	public Optional<User> findBySub(String poolId, UUID sub) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			// Nothing unflushed can exist outside a transaction, so one plain statement reads the same row as the
			// entity query at a fraction of its cost.
			return this.jdbc
				.sql("SELECT " + plainColumns("u", "") + " FROM user_pool.user_account u WHERE u.pool_id = ? AND u.sub = ?")
				.params(poolId, sub)
				.query((rs, n) -> plainUser(rs, ""))
				.optional();
		}
		return this.users.findInPool(poolId, sub).map(UserAccount::toUser);
	}

	/**
	 * The columns {@link #plainUser} reads, from {@code user_pool.user_account} aliased {@code alias}, each named
	 * with {@code prefix}: for a statement that reads a user along with other rows (the token store reads the
	 * user of a refresh with its token family). Only outside a transaction, as {@link #findBySub} does.
	 */
	public static String plainColumns(String alias, String prefix) {
		return String.join(", ", Arrays.stream(PLAIN_COLUMNS)
			.map((column) -> alias + "." + column + (column.equals("attributes") ? "::text" : "") + " AS " + prefix
					+ column)
			.toList());
	}

	/** The user of a row with {@link #plainColumns}, or null when the row has none (an outer join found none). */
	public static User plainUser(ResultSet rs, String prefix) throws SQLException {
		UUID sub = rs.getObject(prefix + "sub", UUID.class);
		if (sub == null) {
			return null;
		}
		return new User(sub, rs.getString(prefix + "pool_id"), rs.getString(prefix + "username"),
				ATTRIBUTES.convertToEntityAttribute(rs.getString(prefix + "attributes")),
				UserStatus.valueOf(rs.getString(prefix + "status")), rs.getBoolean(prefix + "enabled"),
				instant(rs.getTimestamp(prefix + "created_at")), instant(rs.getTimestamp(prefix + "updated_at")),
				instant(rs.getTimestamp(prefix + "password_changed_at")),
				instant(rs.getTimestamp(prefix + "temporary_password_expires_at")));
	}

	private static Instant instant(java.sql.Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/** Finds a user by username exactly as the pool compares usernames (case-insensitively by default). */
	public Optional<User> findByUsername(PoolUserSettings pool, String username) {
		if (username == null) {
			return Optional.empty();
		}
		return this.users.findByUsernameKey(pool.poolId(), SignInNames.usernameKey(pool, username))
			.map(UserAccount::toUser);
	}

	/**
	 * Finds a user by any name they may sign in with: the username, then (as the pool allows) the preferred
	 * username, the email address, the phone number. Admin operations accept the same names.
	 */
	public Optional<User> findBySignInName(PoolUserSettings pool, String name) {
		return findAccountBySignInName(pool, name).map(UserAccount::toUser);
	}

	/**
	 * Finds the user an admin operation names: as at sign-in (username, then the pool's aliases), then by
	 * {@code sub}, as Cognito's {@code Admin*} operations accept either.
	 * @throws UserNotFoundException when no user of the pool has that name
	 */
	public User requireByAdminName(PoolUserSettings pool, String name) {
		Optional<User> found = findBySignInName(pool, name);
		if (found.isEmpty() && name != null && name.length() == 36) {
			try {
				found = findBySub(pool.poolId(), UUID.fromString(name));
			}
			catch (IllegalArgumentException ex) {
				// Not a sub.
			}
		}
		return found.orElseThrow(UserNotFoundException::new);
	}

	/** The users of {@code subs} that belong to the pool, in the order of {@code subs}. */
	public java.util.List<User> findAllBySub(String poolId, Collection<UUID> subs) {
		Map<UUID, User> found = new java.util.HashMap<>();
		for (UserAccount account : this.users.findAllById(subs)) {
			if (account.poolId().equals(poolId)) {
				found.put(account.sub(), account.toUser());
			}
		}
		return subs.stream().map(found::get).filter(Objects::nonNull).toList();
	}

	/**
	 * Changes attributes. A changed email or phone number becomes unverified unless an administrator marks it
	 * verified in the same call.
	 * @throws UserNotFoundException no such user in the pool
	 * @throws InvalidUserParameterException an attribute is unknown, immutable, not writable by
	 * {@code writer}, or has a bad value
	 * @throws AliasExistsException the new email/phone/preferred username is another user's sign-in name
	 */
	public User updateAttributes(PoolUserSettings pool, UUID sub, Map<String, String> changes,
			AttributeWriter writer) {
		return inTransaction(pool, false, () -> {
			UserAccount account = lock(pool.poolId(), sub);
			Map<String, String> current = account.attributes();
			Map<String, String> merged = AttributeValidator.validateUpdate(pool.schema(), current, changes, writer);
			unverifyIfChanged(current, merged, changes, StandardAttributes.EMAIL, StandardAttributes.EMAIL_VERIFIED);
			unverifyIfChanged(current, merged, changes, StandardAttributes.PHONE_NUMBER,
					StandardAttributes.PHONE_NUMBER_VERIFIED);
			return save(pool, account, merged);
		});
	}

	/**
	 * Checks attribute changes as {@link #updateAttributes} would, without writing them: for a change held
	 * back until the new value is verified.
	 * @throws InvalidUserParameterException as {@link #updateAttributes}
	 */
	public void checkAttributeUpdate(PoolUserSettings pool, User user, Map<String, String> changes,
			AttributeWriter writer) {
		AttributeValidator.validateUpdate(pool.schema(), user.attributes(), changes, writer);
	}

	/**
	 * Removes attributes ({@code DeleteUserAttributes}); required, immutable and username attributes cannot be
	 * removed.
	 */
	public User deleteAttributes(PoolUserSettings pool, UUID sub, Collection<String> names, AttributeWriter writer) {
		for (SignInAttribute attribute : pool.usernameAttributes()) {
			if (names.contains(attribute.attributeName())) {
				throw InvalidUserParameterException.attribute(attribute.attributeName(),
						"A username attribute cannot be deleted.");
			}
		}
		return inTransaction(pool, false, () -> {
			UserAccount account = lock(pool.poolId(), sub);
			Map<String, String> remaining = AttributeValidator.validateDelete(pool.schema(), account.attributes(),
					names, writer);
			if (names.contains(StandardAttributes.EMAIL)) {
				remaining.remove(StandardAttributes.EMAIL_VERIFIED);
			}
			if (names.contains(StandardAttributes.PHONE_NUMBER)) {
				remaining.remove(StandardAttributes.PHONE_NUMBER_VERIFIED);
			}
			return save(pool, account, remaining);
		});
	}

	/**
	 * Marks the user's email or phone number verified (a verification code was confirmed, or sign-up was
	 * confirmed through it). In a pool where that attribute is an alias it becomes a sign-in name; if another
	 * user holds it, {@code forceAliasCreation} moves it here (the other user's copy becomes unverified),
	 * otherwise {@link AliasExistsException}.
	 */
	public User markVerified(PoolUserSettings pool, UUID sub, SignInAttribute attribute, boolean forceAliasCreation) {
		String verifiedName = verifiedAttribute(attribute);
		return inTransaction(pool, false, () -> {
			UserAccount account = lock(pool.poolId(), sub);
			Map<String, String> merged = new LinkedHashMap<>(account.attributes());
			if (!merged.containsKey(attribute.attributeName())) {
				throw InvalidUserParameterException.attribute(attribute.attributeName(), "The attribute has no value.");
			}
			merged.put(verifiedName, "true");
			SignInNames names = SignInNames.of(pool, merged);
			if (forceAliasCreation) {
				Instant now = now();
				if (names.email() != null) {
					this.users.releaseEmailAlias(pool.poolId(), names.email(), sub, now);
				}
				if (names.phone() != null) {
					this.users.releasePhoneAlias(pool.poolId(), names.phone(), sub, now);
				}
			}
			return save(pool, account, merged);
		});
	}

	/**
	 * Gives the user a new email or phone number whose code was just confirmed (a change the pool held until
	 * then): the value and its {@code *_verified} flag change together, in one transaction, so that when the
	 * new value is another user's sign-in name nothing changes and the old value stays in effect.
	 * @throws AliasExistsException the new value is another user's sign-in name
	 * @throws InvalidUserParameterException as {@link #updateAttributes}
	 */
	public User updateVerified(PoolUserSettings pool, UUID sub, SignInAttribute attribute, String value,
			AttributeWriter writer) {
		String verifiedName = verifiedAttribute(attribute);
		return inTransaction(pool, false, () -> {
			UserAccount account = lock(pool.poolId(), sub);
			Map<String, String> merged = AttributeValidator.validateUpdate(pool.schema(), account.attributes(),
					Map.of(attribute.attributeName(), value), writer);
			merged.put(verifiedName, "true");
			return save(pool, account, merged);
		});
	}

	private static String verifiedAttribute(SignInAttribute attribute) {
		return switch (attribute) {
			case EMAIL -> StandardAttributes.EMAIL_VERIFIED;
			case PHONE_NUMBER -> StandardAttributes.PHONE_NUMBER_VERIFIED;
			case PREFERRED_USERNAME -> throw new IllegalArgumentException("preferred_username is not verified");
		};
	}

	public User setStatus(String poolId, UUID sub, UserStatus status) {
		Objects.requireNonNull(status, "status");
		return inTransaction(null, false, () -> {
			UserAccount account = lock(poolId, sub);
			account.status(status, now());
			this.entityManager.flush();
			return account.toUser();
		});
	}

	public User setEnabled(String poolId, UUID sub, boolean enabled) {
		return inTransaction(null, false, () -> {
			UserAccount account = lock(poolId, sub);
			account.enabled(enabled, now());
			this.entityManager.flush();
			return account.toUser();
		});
	}

	/**
	 * Sets a new password after checking it against the pool's policy: for sign-up's later steps, change,
	 * reset and {@code AdminSetUserPassword}. A temporary password puts the user in
	 * {@code FORCE_CHANGE_PASSWORD}; a permanent one confirms a user who was in {@code FORCE_CHANGE_PASSWORD}
	 * or {@code RESET_REQUIRED}. Clears any sign-in lockout. {@link User#passwordChangedAt()} moves, which the
	 * token work uses to revoke what was issued before.
	 * @throws io.gatehouse.userpool.password.InvalidPasswordException the password breaks the policy
	 */
	public User setPassword(PoolUserSettings pool, UUID sub, String password, boolean temporary) {
		User user = findBySub(pool.poolId(), sub).orElseThrow(UserNotFoundException::new);
		this.passwordValidator.validate(password, pool.passwordPolicy(),
				PasswordContext.of(pool.poolName(), user.username(), user.email().orElse(null)));
		String hash = this.passwordHasher.hash(password);
		return inTransaction(pool, false, () -> {
			UserAccount account = lock(pool.poolId(), sub);
			Instant now = now();
			if (temporary) {
				account.status(UserStatus.FORCE_CHANGE_PASSWORD, now);
			}
			else if (account.status() == UserStatus.FORCE_CHANGE_PASSWORD
					|| account.status() == UserStatus.RESET_REQUIRED) {
				account.status(UserStatus.CONFIRMED, now);
			}
			account.password(hash, temporaryPasswordExpiry(pool, account.status(), now), now);
			this.entityManager.flush();
			this.throttle.reset(sub);
			return account.toUser();
		});
	}

	/**
	 * Checks a password at sign-in, with throttling. Every outcome does the same work, so neither the answer's
	 * timing nor its cost tells an unknown user from a wrong password or a lockout: the lookups the pool's
	 * sign-in names call for (all of them, not stopping at the first hit), one read of the lockout state, one
	 * Argon2 verification (against a dummy hash when there is no user or the user is locked out) and one
	 * throttle update (for an unknown user, against a sub no row has). A successful check resets the
	 * failure count.
	 */
	public PasswordCheck checkPassword(PoolUserSettings pool, String signInName, String password) {
		Optional<UserAccount> found = findAccountForSignIn(pool, signInName);
		UUID sub = found.map(UserAccount::sub).orElse(NO_USER);
		LockoutState lockout = this.throttle.state(sub);
		boolean locked = lockout.lockedAt(now());
		boolean right = (found.isPresent() && !locked) ? this.passwordHasher.verify(password, found.get().passwordHash())
				: this.passwordHasher.verifyDummy(password);
		if (!right) {
			Optional<LockoutState> after = this.throttle.tryRecordFailure(sub);
			if (found.isEmpty()) {
				return new PasswordCheck.UnknownUser();
			}
			if (locked) {
				return new PasswordCheck.LockedOut(sub, lockout.lockedUntil());
			}
			// Empty only when a parallel failure locked the user between the read and the update.
			return after.<PasswordCheck>map((state) -> new PasswordCheck.WrongPassword(sub, state))
				.orElseGet(() -> new PasswordCheck.LockedOut(sub, this.throttle.state(sub).lockedUntil()));
		}
		User user = found.get().toUser();
		if (!this.throttle.recordSuccess(sub)) {
			return new PasswordCheck.LockedOut(sub, this.throttle.state(sub).lockedUntil());
		}
		if (user.status() == UserStatus.FORCE_CHANGE_PASSWORD && user.temporaryPasswordExpiresAt() != null
				&& !now().isBefore(user.temporaryPasswordExpiresAt())) {
			return new PasswordCheck.TemporaryPasswordExpired(user);
		}
		String hash = found.get().passwordHash();
		if (this.passwordHasher.needsRehash(hash)) {
			rehash(user.sub(), this.passwordHasher.hash(password));
		}
		return new PasswordCheck.Authenticated(user);
	}

	/** Deletes a user; false when there was none. Their codes go with them (foreign key cascade). */
	public boolean delete(String poolId, UUID sub) {
		Integer deleted = this.transaction.execute((status) -> this.users.deleteInPool(poolId, sub));
		return deleted != null && deleted > 0;
	}

	public long countUsers(String poolId) {
		return this.users.countInPool(poolId);
	}

	private Optional<UserAccount> findAccountBySignInName(PoolUserSettings pool, String name) {
		if (!isPlausibleSignInName(name)) {
			return Optional.empty();
		}
		Optional<UserAccount> byUsername = this.users.findByUsernameKey(pool.poolId(),
				SignInNames.usernameKey(pool, name));
		if (byUsername.isPresent()) {
			return byUsername;
		}
		if (pool.isSignInName(SignInAttribute.PREFERRED_USERNAME)) {
			Optional<UserAccount> byPreferred = this.users.findBySignInPreferredUsername(pool.poolId(),
					SignInNames.usernameKey(pool, name));
			if (byPreferred.isPresent()) {
				return byPreferred;
			}
		}
		if (pool.isSignInName(SignInAttribute.EMAIL) && name.indexOf('@') > 0) {
			return this.users.findBySignInEmail(pool.poolId(), name);
		}
		if (pool.isSignInName(SignInAttribute.PHONE_NUMBER) && name.startsWith("+")) {
			return this.users.findBySignInPhone(pool.poolId(), name);
		}
		return Optional.empty();
	}

	/**
	 * {@link #findAccountBySignInName} without stopping at the first hit: the statements run depend only on
	 * the pool's settings and the shape of the name typed, never on whether (or as what) the user exists.
	 */
	private Optional<UserAccount> findAccountForSignIn(PoolUserSettings pool, String name) {
		if (!isPlausibleSignInName(name)) {
			return Optional.empty();
		}
		String key = SignInNames.usernameKey(pool, name);
		Optional<UserAccount> found = this.users.findByUsernameKey(pool.poolId(), key);
		if (pool.isSignInName(SignInAttribute.PREFERRED_USERNAME)) {
			Optional<UserAccount> byPreferred = this.users.findBySignInPreferredUsername(pool.poolId(), key);
			found = found.or(() -> byPreferred);
		}
		if (pool.isSignInName(SignInAttribute.EMAIL) && name.indexOf('@') > 0) {
			Optional<UserAccount> byEmail = this.users.findBySignInEmail(pool.poolId(), name);
			found = found.or(() -> byEmail);
		}
		if (pool.isSignInName(SignInAttribute.PHONE_NUMBER) && name.startsWith("+")) {
			Optional<UserAccount> byPhone = this.users.findBySignInPhone(pool.poolId(), name);
			found = found.or(() -> byPhone);
		}
		return found;
	}

	/**
	 * Whether {@code name} could name anyone: not empty, not over-long, and free of NUL and lone surrogates,
	 * which no stored name has and which PostgreSQL would refuse as a query parameter (an error, not "nobody").
	 */
	private static boolean isPlausibleSignInName(String name) {
		if (name == null || name.isEmpty() || name.length() > 2048) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == 0) {
				return false;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 >= name.length() || !Character.isLowSurrogate(name.charAt(i + 1))) {
					return false;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

	private String usernameFor(PoolUserSettings pool, String given, UUID sub, Map<String, String> attributes) {
		Set<SignInAttribute> usernameAttributes = pool.usernameAttributes();
		if (usernameAttributes.isEmpty()) {
			if (pool.aliasAttributes().contains(SignInAttribute.EMAIL) && AttributeValidator.isEmail(given)) {
				throw InvalidUserParameterException.username(
						"Username cannot be of email format, since user pool is configured for email alias.");
			}
			if (pool.aliasAttributes().contains(SignInAttribute.PHONE_NUMBER)
					&& AttributeValidator.isPhoneNumber(given)) {
				throw InvalidUserParameterException.username("Username cannot be of phone number format,"
						+ " since user pool is configured for phone_number alias.");
			}
			return given;
		}
		SignInAttribute kind;
		if (usernameAttributes.contains(SignInAttribute.EMAIL) && AttributeValidator.isEmail(given)) {
			kind = SignInAttribute.EMAIL;
		}
		else if (usernameAttributes.contains(SignInAttribute.PHONE_NUMBER) && AttributeValidator.isPhoneNumber(given)) {
			kind = SignInAttribute.PHONE_NUMBER;
		}
		else {
			throw InvalidUserParameterException.username(usernameAttributes.size() > 1
					? "Username should be either an email or a phone number."
					: usernameAttributes.contains(SignInAttribute.EMAIL) ? "Username should be an email."
							: "Username should be a phone number.");
		}
		String attribute = kind.attributeName();
		if (attributes.containsKey(attribute) && !given.equals(attributes.get(attribute))) {
			throw InvalidUserParameterException.attribute(attribute, "The attribute differs from the username.");
		}
		attributes.put(attribute, given);
		// Cognito keeps an immutable username distinct from the changeable email or phone: the sub.
		return sub.toString();
	}

	/**
	 * Inserts the new user unless one of the unique indexes already holds its username or a sign-in name.
	 * {@code ON CONFLICT DO NOTHING} waits for a concurrent insert of the same key to commit, so exactly one
	 * of several concurrent creations wins, and the losers learn it without an SQL error in the log.
	 */
	private boolean insert(UserAccount account) {
		SignInNames names = account.signInNames();
		return this.jdbc.sql("INSERT INTO user_pool.user_account (sub, pool_id, username, username_key, sign_in_email,"
				+ " sign_in_phone, sign_in_preferred_username, attributes, status, enabled, password_hash,"
				+ " password_changed_at, temporary_password_expires_at, created_at, updated_at) VALUES (:sub, :poolId,"
				+ " :username, :usernameKey, :email, :phone, :preferred, CAST(:attributes AS jsonb), :status, :enabled,"
				+ " :hash, :passwordChangedAt, :temporaryExpiry, :now, :now) ON CONFLICT DO NOTHING RETURNING sub")
			.param("sub", account.sub())
			.param("poolId", account.poolId())
			.param("username", account.username())
			.param("usernameKey", account.usernameKey())
			.param("email", names.email())
			.param("phone", names.phone())
			.param("preferred", names.preferredUsername())
			.param("attributes", ATTRIBUTES_JSON.convertToDatabaseColumn(account.attributes()))
			.param("status", account.status().name())
			.param("enabled", account.enabled())
			.param("hash", account.passwordHash())
			.param("passwordChangedAt", offset(account.passwordChangedAt()))
			.param("temporaryExpiry", offset(account.temporaryPasswordExpiresAt()))
			.param("now", offset(account.createdAt()))
			.query((rs, row) -> true)
			.optional()
			.isPresent();
	}

	private RuntimeException whyNotInserted(PoolUserSettings pool, UserAccount account) {
		SignInNames names = account.signInNames();
		if (this.users.findByUsernameKey(pool.poolId(), account.usernameKey()).isPresent()) {
			return new UsernameExistsException("User already exists");
		}
		if (names.email() != null && this.users.findBySignInEmail(pool.poolId(), names.email()).isPresent()) {
			String message = "An account with the given email already exists.";
			return pool.usernameAttributes().contains(SignInAttribute.EMAIL) ? new UsernameExistsException(message)
					: new AliasExistsException(message);
		}
		if (names.phone() != null && this.users.findBySignInPhone(pool.poolId(), names.phone()).isPresent()) {
			String message = "An account with the given phone_number already exists.";
			return pool.usernameAttributes().contains(SignInAttribute.PHONE_NUMBER)
					? new UsernameExistsException(message) : new AliasExistsException(message);
		}
		if (names.preferredUsername() != null
				&& this.users.findBySignInPreferredUsername(pool.poolId(), names.preferredUsername()).isPresent()) {
			return new AliasExistsException("An account with the given preferred_username already exists.");
		}
		// The conflicting user was deleted in between: still a conflict for this request.
		return new UsernameExistsException("User already exists");
	}

	private static OffsetDateTime offset(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static void unverifyIfChanged(Map<String, String> current, Map<String, String> merged,
			Map<String, String> changes, String attribute, String verified) {
		if (changes.containsKey(attribute) && !Objects.equals(current.get(attribute), merged.get(attribute))
				&& !changes.containsKey(verified)) {
			merged.put(verified, "false");
		}
	}

	private User save(PoolUserSettings pool, UserAccount account, Map<String, String> attributes) {
		SignInNames before = account.signInNames();
		SignInNames after = SignInNames.of(pool, attributes);
		// Checked first so the usual conflict is a clean answer; the unique indexes still decide races.
		if (after.email() != null && !after.email().equalsIgnoreCase(String.valueOf(before.email()))
				&& this.users.findBySignInEmail(pool.poolId(), after.email()).isPresent()) {
			throw new AliasExistsException("An account with the given email already exists.");
		}
		if (after.phone() != null && !after.phone().equals(before.phone())
				&& this.users.findBySignInPhone(pool.poolId(), after.phone()).isPresent()) {
			throw new AliasExistsException("An account with the given phone_number already exists.");
		}
		if (after.preferredUsername() != null && !after.preferredUsername().equals(before.preferredUsername())
				&& this.users.findBySignInPreferredUsername(pool.poolId(), after.preferredUsername()).isPresent()) {
			throw new AliasExistsException("An account with the given preferred_username already exists.");
		}
		account.attributes(attributes, after, now());
		this.entityManager.flush();
		return account.toUser();
	}

	private void rehash(UUID sub, String hash) {
		this.transaction.executeWithoutResult((status) -> this.users.findById(sub)
			.ifPresent((account) -> account.rehash(hash)));
	}

	private UserAccount lock(String poolId, UUID sub) {
		return this.users.lockInPool(poolId, sub).orElseThrow(UserNotFoundException::new);
	}

	private static Instant temporaryPasswordExpiry(PoolUserSettings pool, UserStatus status, Instant now) {
		int days = pool.passwordPolicy().temporaryPasswordValidityDays();
		return (status == UserStatus.FORCE_CHANGE_PASSWORD && days > 0) ? now.plus(Duration.ofDays(days)) : null;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private <T> T inTransaction(PoolUserSettings pool, boolean creating, Supplier<T> work) {
		try {
			return this.transaction.execute((status) -> work.get());
		}
		catch (RuntimeException ex) {
			throw translate(ex, pool, creating);
		}
	}

	/** Turns a unique-index violation into the domain error Cognito would give; anything else passes. */
	private static RuntimeException translate(RuntimeException ex, PoolUserSettings pool, boolean creating) {
		String violation = uniqueViolation(ex);
		if (violation == null) {
			return ex;
		}
		if (violation.contains("user_account_username_uq")) {
			return new UsernameExistsException("User already exists");
		}
		if (violation.contains("user_account_sign_in_email_uq")) {
			String message = "An account with the given email already exists.";
			return (creating && pool != null && pool.usernameAttributes().contains(SignInAttribute.EMAIL))
					? new UsernameExistsException(message) : new AliasExistsException(message);
		}
		if (violation.contains("user_account_sign_in_phone_uq")) {
			String message = "An account with the given phone_number already exists.";
			return (creating && pool != null && pool.usernameAttributes().contains(SignInAttribute.PHONE_NUMBER))
					? new UsernameExistsException(message) : new AliasExistsException(message);
		}
		if (violation.contains("user_account_sign_in_preferred_username_uq")) {
			return new AliasExistsException("An account with the given preferred_username already exists.");
		}
		return ex;
	}

	private static String uniqueViolation(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof org.hibernate.exception.ConstraintViolationException violation
					&& violation.getConstraintName() != null) {
				return violation.getConstraintName();
			}
			if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
				return String.valueOf(sql.getMessage());
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

}
