package io.gatehouse.userpool.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.userpool.audit.ChallengeResult;
import io.gatehouse.userpool.pool.UserPoolService;
import io.gatehouse.userpool.user.PasswordCheck;
import io.gatehouse.userpool.user.PoolUserSettings;
import io.gatehouse.userpool.user.User;
import io.gatehouse.userpool.user.UserService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The one authentication engine behind every door (DESIGN.md principle 3): the hosted pages, and the
 * Cognito API's {@code InitiateAuth}/{@code RespondToAuthChallenge} and {@code AdminInitiateAuth}. It is a
 * challenge state machine: a sign-in {@linkplain #start starts} with a password and then either ends
 * ({@link AuthStep.Authenticated}, {@link AuthStep.Failed}) or asks a {@link AuthStep.Challenge} the caller
 * {@linkplain #respond answers}, possibly several in a row, until it ends.
 *
 * <h2>Rules applied here, once, for every door</h2>
 * <ul>
 * <li>An unknown user and a wrong password get the same {@link AuthError#NOT_AUTHORIZED} and cost the same work
 * (one Argon2 verification, the same statements: see {@link UserService#checkPassword}). Only a client with
 * {@code PreventUserExistenceErrors=LEGACY} learns {@link AuthError#USER_NOT_FOUND}.</li>
 * <li>Failed sign-ins are throttled per user on Cognito's curve; during a lockout even the right password gets
 * the same answer as a wrong one ({@link AuthError#PASSWORD_ATTEMPTS_EXCEEDED} for LEGACY clients).</li>
 * <li>Whatever the account's state tells (disabled, {@link AuthError#USER_NOT_CONFIRMED},
 * {@link AuthError#PASSWORD_RESET_REQUIRED}, an expired temporary password) is told only after the right
 * password.</li>
 * <li>A challenge's {@code Session} is 256 random bits, stored only as a hash in PostgreSQL (any instance can
 * continue the flow), bound to the pool, the client and the user, single-use, and valid for the client's
 * {@code AuthSessionValidity} ({@link #SESSION_VALIDITY} by default).</li>
 * </ul>
 *
 * <h2>Using it from a door</h2>
 * Doors check what is theirs to check first (the client exists and allows the flow, {@code SecretHash},
 * CSRF), call {@link #start} or {@link #respond}, and branch on the returned {@link AuthStep}:
 * {@code Authenticated} → mint tokens through {@code TokenIssuer} or store the authentication in the web
 * session; {@code Challenge} → return {@code ChallengeName}, {@code Session} and {@code ChallengeParameters};
 * {@code Failed} → the error type {@link AuthError#errorType()} with {@link AuthStep.Failed#message()}.
 * Every step writes one row to the audit log ({@link AuthAudit}).
 */
@Service
public final class AuthenticationEngine {

	/** How long a challenge's session is valid when the client does not say ({@code AuthSessionValidity}). */
	public static final Duration SESSION_VALIDITY = Duration.ofMinutes(3);

	/** Answers one session may give (refused answers the user may correct count too). */
	static final int MAX_ANSWERS = 5;

	/** The OIDC {@code amr} value of a password. */
	public static final String AMR_PASSWORD = "pwd";

	private final UserPoolService pools;

	private final ClientPolicies clients;

	private final UserService users;

	private final AuthFlowStore flows;

	private final Map<ChallengeName, ChallengeHandler> handlers = new EnumMap<>(ChallengeName.class);

	private final AuthAudit audit;

	private final Clock clock;

	AuthenticationEngine(UserPoolService pools, ClientPolicies clients, UserService users, AuthFlowStore flows,
			List<ChallengeHandler> handlers, AuthAudit audit, ObjectProvider<Clock> clock) {
		this.pools = pools;
		this.clients = clients;
		this.users = users;
		this.flows = flows;
		handlers.forEach((handler) -> this.handlers.put(handler.challenge(), handler));
		this.audit = audit;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * Starts a sign-in with a password ({@code USER_PASSWORD_AUTH}, {@code ADMIN_USER_PASSWORD_AUTH}, the
	 * hosted sign-in page).
	 * @param poolId the user pool
	 * @param clientId the app client signed in through; null only for the hosted pages when no OAuth request
	 * is in progress (the flow then behaves as for a client with {@code PreventUserExistenceErrors=ENABLED})
	 * @param signInName what the user typed: username, or an email/phone/preferred username the pool accepts
	 * @param password the password as typed
	 * @param context where the attempt comes from
	 * @return {@link AuthStep.Authenticated}, a {@link AuthStep.Challenge} (e.g. {@code NEW_PASSWORD_REQUIRED}
	 * for a temporary password) or {@link AuthStep.Failed}
	 * @throws io.gatehouse.userpool.pool.UserPoolNotFoundException no such pool
	 * @throws io.gatehouse.userpool.client.AppClientNotFoundException no such client in the pool
	 */
	public AuthStep start(String poolId, String clientId, String signInName, String password, AuthContext context) {
		Objects.requireNonNull(context, "context");
		PoolUserSettings pool = this.pools.userSettings(poolId);
		ClientPolicy client = client(poolId, clientId);
		if (signInName == null || signInName.isEmpty()) {
			return record(pool.poolId(), clientId, null, null, context, List.of(), "InvalidParameter",
					new AuthStep.Failed(AuthError.INVALID_PARAMETER, "Missing required parameter USERNAME", false));
		}
		if (password == null || password.isEmpty()) {
			return record(pool.poolId(), clientId, null, null, context, List.of(), "InvalidParameter",
					new AuthStep.Failed(AuthError.INVALID_PARAMETER, "Missing required parameter PASSWORD", false));
		}
		PasswordCheck check = this.users.checkPassword(pool, signInName, password);
		// Java 17: no type patterns in switch yet; PasswordCheck is sealed and each branch below returns.
		List<ChallengeResult> rightPassword = List.of(ChallengeResult.password(true));
		List<ChallengeResult> wrongPassword = List.of(ChallengeResult.password(false));
		if (check instanceof PasswordCheck.Authenticated authenticated) {
			User user = authenticated.user();
			AuthStep step = afterPassword(pool, client, user, context);
			return record(pool.poolId(), clientId, user.sub(), user.username(), context, rightPassword,
					(step instanceof AuthStep.Failed failed) ? reason(failed.reason()) : null, step);
		}
		if (check instanceof PasswordCheck.TemporaryPasswordExpired expired) {
			User user = expired.user();
			AuthError error = user.enabled() ? AuthError.TEMPORARY_PASSWORD_EXPIRED : AuthError.USER_DISABLED;
			return record(pool.poolId(), clientId, user.sub(), user.username(), context, rightPassword, reason(error),
					new AuthStep.Failed(error));
		}
		if (check instanceof PasswordCheck.WrongPassword wrong) {
			return record(pool.poolId(), clientId, wrong.sub(), null, context, wrongPassword, "WrongPassword",
					new AuthStep.Failed(AuthError.NOT_AUTHORIZED));
		}
		if (check instanceof PasswordCheck.LockedOut locked) {
			return record(pool.poolId(), clientId, locked.sub(), null, context, wrongPassword, "LockedOut",
					new AuthStep.Failed(client.revealsUsers() ? AuthError.PASSWORD_ATTEMPTS_EXCEEDED : AuthError.NOT_AUTHORIZED));
		}
		return record(pool.poolId(), clientId, null, null, context, wrongPassword, "UserNotFound",
				new AuthStep.Failed(client.revealsUsers() ? AuthError.USER_NOT_FOUND : AuthError.NOT_AUTHORIZED));
	}

	/**
	 * Answers the challenge of a {@link AuthStep.Challenge} ({@code RespondToAuthChallenge}, the hosted
	 * new-password page).
	 * @param poolId the pool the flow was started at
	 * @param clientId the client the flow was started through (null for the hosted pages without one)
	 * @param session the challenge's {@code Session}, as returned
	 * @param challenge the challenge being answered ({@code ChallengeName})
	 * @param responses Cognito's {@code ChallengeResponses}; {@code USERNAME}, when present, must name the
	 * flow's user
	 * @param context where the answer comes from
	 * @return the next step. {@link AuthError#SESSION_EXPIRED} when the session is unknown, used, expired or
	 * bound to another pool, client or challenge. A {@link AuthStep.Failed#retryable() retryable} failure
	 * leaves the same session usable for a corrected answer, up to {@value #MAX_ANSWERS} answers.
	 * @throws io.gatehouse.userpool.pool.UserPoolNotFoundException no such pool
	 */
	public AuthStep respond(String poolId, String clientId, String session, ChallengeName challenge,
			Map<String, String> responses, AuthContext context) {
		Objects.requireNonNull(context, "context");
		Map<String, String> answers = (responses != null) ? responses : Map.of();
		Optional<AuthFlow> claimed = this.flows.claim(session, now(), MAX_ANSWERS);
		if (claimed.isEmpty()) {
			return record(poolId, clientId, null, null, context, List.of(), "InvalidSession",
					new AuthStep.Failed(AuthError.SESSION_EXPIRED));
		}
		AuthFlow flow = claimed.get();
		if (!flow.poolId().equals(poolId) || !Objects.equals(flow.clientId(), clientId) || flow.challenge() != challenge) {
			// Recorded at the flow's own pool: the user is known there, and the other pool learns nothing.
			return record(flow.poolId(), flow.clientId(), flow.sub(), null, context, List.of(), "InvalidSession",
					new AuthStep.Failed(AuthError.SESSION_EXPIRED));
		}
		PoolUserSettings pool = this.pools.userSettings(poolId);
		Optional<User> found = this.users.findBySub(poolId, flow.sub());
		if (found.isEmpty() || !found.get().enabled()) {
			return record(poolId, clientId, flow.sub(), null, context, List.of(), "UserDisabled",
					new AuthStep.Failed(AuthError.NOT_AUTHORIZED));
		}
		User user = found.get();
		String username = answers.get("USERNAME");
		if (username != null && !this.users.findBySignInName(pool, username).map(User::sub).equals(Optional.of(user.sub()))) {
			return record(poolId, clientId, user.sub(), user.username(), context, List.of(), "UsernameMismatch",
					new AuthStep.Failed(AuthError.NOT_AUTHORIZED));
		}
		ChallengeHandler handler = this.handlers.get(challenge);
		if (handler == null) {
			return record(poolId, clientId, user.sub(), user.username(), context, List.of(), "UnsupportedChallenge",
					new AuthStep.Failed(AuthError.INVALID_PARAMETER, "The challenge " + challenge + " is not supported.",
							false));
		}
		ChallengeHandler.Outcome outcome = handler.answer(pool, user, answers);
		AuthStep step;
		if (outcome instanceof ChallengeHandler.Outcome.Passed passed) {
			List<String> methods = new ArrayList<>(new LinkedHashSet<>(flow.authenticationMethods()));
			passed.methods().stream().filter((method) -> !methods.contains(method)).forEach(methods::add);
			User updated = this.users.findBySub(poolId, user.sub()).orElse(user);
			step = nextStep(pool, client(poolId, clientId), updated, methods, flow.door());
		}
		else {
			ChallengeHandler.Outcome.Refused refused = (ChallengeHandler.Outcome.Refused) outcome;
			boolean again = refused.correctable() && flow.attempts() < MAX_ANSWERS;
			if (again) {
				this.flows.release(flow.id());
			}
			step = new AuthStep.Failed(refused.error(), refused.message(), again);
		}
		return record(poolId, clientId, user.sub(), user.username(), context, List.of(),
				(step instanceof AuthStep.Failed failed) ? reason(failed.reason()) : null, step);
	}

	private AuthStep afterPassword(PoolUserSettings pool, ClientPolicy client, User user, AuthContext context) {
		if (!user.enabled()) {
			return new AuthStep.Failed(AuthError.USER_DISABLED);
		}
		switch (user.status()) {
			case UNCONFIRMED:
				return new AuthStep.Failed(AuthError.USER_NOT_CONFIRMED);
			case RESET_REQUIRED:
				return new AuthStep.Failed(AuthError.PASSWORD_RESET_REQUIRED);
			case CONFIRMED:
			case FORCE_CHANGE_PASSWORD:
				return nextStep(pool, client, user, List.of(AMR_PASSWORD), context.door());
			default:
				// A federated user has no password here; checkPassword never gets this far for one.
				return new AuthStep.Failed(AuthError.NOT_AUTHORIZED);
		}
	}

	/**
	 * What the user must still do once {@code methods} are proven. Today only a temporary password leads to
	 * a challenge; MFA (SMS_MFA, SOFTWARE_TOKEN_MFA, EMAIL_OTP, SELECT_MFA_TYPE, MFA_SETUP), passkeys and custom
	 * challenges are decided here from the pool's and user's settings, each answered by its
	 * {@link ChallengeHandler}.
	 */
	private AuthStep nextStep(PoolUserSettings pool, ClientPolicy client, User user, List<String> methods,
			AuthDoor door) {
		if (user.status() == io.gatehouse.userpool.user.UserStatus.FORCE_CHANGE_PASSWORD) {
			return challenge(pool, client, user, ChallengeName.NEW_PASSWORD_REQUIRED, methods, door);
		}
		return new AuthStep.Authenticated(
				new PoolUserAuthentication(pool.poolId(), user.sub(), user.username(), now(), methods));
	}

	private AuthStep challenge(PoolUserSettings pool, ClientPolicy client, User user, ChallengeName name,
			List<String> methods, AuthDoor door) {
		ChallengeHandler handler = this.handlers.get(name);
		Instant now = now();
		// Ended flows are purged as new ones start, a bounded batch at a time, so the table stays small
		// without a scheduler (and without two instances needing to agree on one).
		this.flows.purge(now.minus(Duration.ofHours(1)));
		String session = this.flows.create(pool.poolId(), client.clientId(), user.sub(), name, methods, door, now,
				now.plus(client.sessionValidity()));
		return new AuthStep.Challenge(name, session, handler.parameters(pool, user));
	}

	private ClientPolicy client(String poolId, String clientId) {
		return this.clients.of(poolId, clientId);
	}

	private AuthStep record(String poolId, String clientId, UUID sub, String username, AuthContext context,
			List<ChallengeResult> challenges, String failureReason, AuthStep step) {
		this.audit.signIn(poolId, clientId, sub, username, step, failureReason, challenges, context);
		return step;
	}

	/** {@code USER_NOT_CONFIRMED} → {@code UserNotConfirmed}: the audit log's reason names. */
	private static String reason(AuthError error) {
		StringBuilder name = new StringBuilder();
		for (String word : error.name().toLowerCase(java.util.Locale.ROOT).split("_")) {
			name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
		}
		return name.toString();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}


}
