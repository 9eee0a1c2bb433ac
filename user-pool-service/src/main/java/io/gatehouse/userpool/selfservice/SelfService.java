package io.gatehouse.userpool.selfservice;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.gatehouse.shared.claims.CognitoClaims;
import io.gatehouse.userpool.auth.AuthError;
import io.gatehouse.userpool.auth.AuthException;
import io.gatehouse.userpool.auth.SignOutEverywhere;
import io.gatehouse.userpool.client.AppClient;
import io.gatehouse.userpool.client.AppClientService;
import io.gatehouse.userpool.code.CodeDeliveryDetails;
import io.gatehouse.userpool.code.CodeMessageKind;
import io.gatehouse.userpool.code.CodeMessages;
import io.gatehouse.userpool.code.CodePurpose;
import io.gatehouse.userpool.code.IssuedCode;
import io.gatehouse.userpool.code.OneTimeCodeService;
import io.gatehouse.userpool.pool.UserPool;
import io.gatehouse.userpool.pool.UserPoolService;
import io.gatehouse.userpool.pool.UserPoolSettings.VerifiedAttributeType;
import io.gatehouse.userpool.token.AccessTokenVerifier;
import io.gatehouse.userpool.token.AccessTokenVerifier.VerifiedAccessToken;
import io.gatehouse.userpool.user.AttributeWriter;
import io.gatehouse.userpool.user.PasswordCheck;
import io.gatehouse.userpool.user.PoolUserSettings;
import io.gatehouse.userpool.user.SignInAttribute;
import io.gatehouse.userpool.user.StandardAttributes;
import io.gatehouse.userpool.user.User;
import io.gatehouse.userpool.user.UserService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What a signed-in user may do to their own account with an access token: Cognito's {@code GetUser},
 * {@code UpdateUserAttributes}, {@code DeleteUserAttributes}, {@code GetUserAttributeVerificationCode},
 * {@code VerifyUserAttribute}, {@code ChangePassword}, {@code DeleteUser} and {@code GlobalSignOut}.
 * <p>
 * Rules held here, whichever door calls:
 * <ul>
 * <li>{@link #authenticate} accepts only an active access token of the pool with the
 * {@code aws.cognito.signin.user.admin} scope, of a user who still exists and is enabled; a token signed out
 * globally or revoked stops working here at once.</li>
 * <li>The client's {@code ReadAttributes} limits what {@code GetUser} shows and its {@code WriteAttributes}
 * what the user may change or delete.</li>
 * <li>A new email or phone number the pool lists in {@code AttributesRequireVerificationBeforeUpdate} is held
 * as pending: the old value stays in effect (sign-in, messages, tokens) until the code sent to the new one is
 * verified. Otherwise the new value takes effect unverified and, if the pool verifies it automatically, a code
 * goes to it.</li>
 * <li>A wrong current password at {@code ChangePassword} counts toward the same lockout as a failed sign-in.</li>
 * </ul>
 */
@Service
public final class SelfService {

	private final AccessTokenVerifier tokens;

	private final UserPoolService pools;

	private final AppClientService clients;

	private final UserService users;

	private final OneTimeCodeService codes;

	private final CodeMessages messages;

	private final SignOutEverywhere signOut;

	private final JdbcClient jdbc;

	private final Clock clock;

	SelfService(AccessTokenVerifier tokens, UserPoolService pools, AppClientService clients, UserService users,
			OneTimeCodeService codes, CodeMessages messages, SignOutEverywhere signOut, JdbcClient jdbc,
			ObjectProvider<Clock> clock) {
		this.tokens = tokens;
		this.pools = pools;
		this.clients = clients;
		this.users = users;
		this.codes = codes;
		this.messages = messages;
		this.signOut = signOut;
		this.jdbc = jdbc;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * @throws AuthException {@link AuthError#NOT_AUTHORIZED} for an invalid, expired, revoked or signed-out
	 * token, one without the {@code aws.cognito.signin.user.admin} scope, or one whose user is gone;
	 * {@link AuthError#USER_DISABLED} when the user is disabled
	 */
	public SignedInUser authenticate(String accessToken) {
		VerifiedAccessToken token = this.tokens.verify(accessToken)
			.orElseThrow(() -> new AuthException(AuthError.NOT_AUTHORIZED, "Invalid Access Token"));
		if (!token.hasScope(CognitoClaims.USER_ADMIN_SCOPE)) {
			throw new AuthException(AuthError.NOT_AUTHORIZED, "Access Token does not have required scopes");
		}
		User user = this.users.findBySub(token.poolId(), token.sub())
			.orElseThrow(() -> new AuthException(AuthError.NOT_AUTHORIZED, "Access Token has been revoked"));
		if (!user.enabled()) {
			throw new AuthException(AuthError.USER_DISABLED);
		}
		return new SignedInUser(token.poolId(), user.sub(), user.username(), token.clientId());
	}

	/** {@code GetUser}: the user with the attributes the client may read ({@code sub} always). */
	public User user(SignedInUser signedIn) {
		User user = current(signedIn);
		List<String> readable = client(signedIn).settings().readAttributes();
		if (readable == null || readable.isEmpty()) {
			return user;
		}
		Map<String, String> shown = new LinkedHashMap<>();
		user.attributes().forEach((name, value) -> {
			if (name.equals(StandardAttributes.SUB) || readable.contains(name)) {
				shown.put(name, value);
			}
		});
		return new User(user.sub(), user.poolId(), user.username(), shown, user.status(), user.enabled(),
				user.createdAt(), user.updatedAt(), user.passwordChangedAt(), user.temporaryPasswordExpiresAt());
	}

	/**
	 * {@code UpdateUserAttributes}.
	 * @return where verification codes went (one per new email or phone number the pool verifies)
	 */
	public List<CodeDeliveryDetails> updateAttributes(SignedInUser signedIn, Map<String, String> changes) {
		requireWritable(signedIn, changes.keySet());
		UserPool pool = this.pools.configuration(signedIn.poolId());
		PoolUserSettings settings = this.pools.userSettings(signedIn.poolId());
		User user = current(signedIn);
		this.users.checkAttributeUpdate(settings, user, changes, AttributeWriter.SELF_SERVICE);
		Map<String, String> now = new LinkedHashMap<>(changes);
		Map<SignInAttribute, String> held = new LinkedHashMap<>();
		List<SignInAttribute> toVerify = new ArrayList<>();
		for (SignInAttribute channel : List.of(SignInAttribute.EMAIL, SignInAttribute.PHONE_NUMBER)) {
			String value = changes.get(channel.attributeName());
			if (value == null || value.isEmpty() || value.equals(user.attributes().get(channel.attributeName()))) {
				continue;
			}
			if (verifiedBeforeUpdate(pool, channel)) {
				now.remove(channel.attributeName());
				held.put(channel, value);
			}
			else if (autoVerified(pool, channel)) {
				toVerify.add(channel);
			}
		}
		User updated = now.isEmpty() ? user
				: this.users.updateAttributes(settings, signedIn.sub(), now, AttributeWriter.SELF_SERVICE);
		for (String name : now.keySet()) {
			clearPending(signedIn, name);
		}
		List<CodeDeliveryDetails> deliveries = new ArrayList<>();
		for (Map.Entry<SignInAttribute, String> pending : held.entrySet()) {
			storePending(signedIn, pending.getKey().attributeName(), pending.getValue());
			deliveries.add(sendCode(pool, withAttribute(updated, pending.getKey(), pending.getValue()), pending.getKey()));
		}
		for (SignInAttribute channel : toVerify) {
			deliveries.add(sendCode(pool, updated, channel));
		}
		return deliveries;
	}

	/** {@code DeleteUserAttributes}; a pending change of a deleted attribute is dropped too. */
	public void deleteAttributes(SignedInUser signedIn, Collection<String> names) {
		requireWritable(signedIn, names);
		this.users.deleteAttributes(this.pools.userSettings(signedIn.poolId()), signedIn.sub(), names,
				AttributeWriter.SELF_SERVICE);
		names.forEach((name) -> clearPending(signedIn, name));
	}

	/**
	 * {@code GetUserAttributeVerificationCode}: a code to the pending new value of {@code attributeName} if there
	 * is one, else to the current value.
	 * @throws AuthException {@link AuthError#INVALID_PARAMETER} for an attribute other than email or
	 * phone_number, or one the user has no value for
	 */
	public CodeDeliveryDetails sendVerificationCode(SignedInUser signedIn, String attributeName) {
		SignInAttribute channel = channel(attributeName);
		User user = current(signedIn);
		Optional<String> pending = pending(signedIn, attributeName);
		if (pending.isPresent()) {
			user = withAttribute(user, channel, pending.get());
		}
		else if (user.attribute(attributeName).isEmpty()) {
			throw new AuthException(AuthError.INVALID_PARAMETER, "The user has no " + attributeName + " to verify.");
		}
		return sendCode(this.pools.configuration(signedIn.poolId()), user, channel);
	}

	/**
	 * {@code VerifyUserAttribute}: with the right code, the pending value (if any) takes effect, verified, in one
	 * step (if it is another user's sign-in name, nothing changes); otherwise the current value becomes verified.
	 * @throws AuthException {@link AuthError#CODE_MISMATCH}, {@link AuthError#EXPIRED_CODE},
	 * {@link AuthError#TOO_MANY_FAILED_ATTEMPTS}, {@link AuthError#INVALID_PARAMETER}
	 * @throws io.gatehouse.userpool.user.AliasExistsException the value is another user's sign-in name
	 */
	public void verifyAttribute(SignedInUser signedIn, String attributeName, String code) {
		SignInAttribute channel = channel(attributeName);
		AuthException.requireVerified(this.codes.verify(signedIn.poolId(), signedIn.sub(), purpose(channel), code));
		PoolUserSettings settings = this.pools.userSettings(signedIn.poolId());
		Optional<String> pending = pending(signedIn, attributeName);
		if (pending.isPresent()) {
			// One transaction: written unverified first, a value refused as another user's alias would stay in
			// effect, unverified, and the old one would be lost.
			this.users.updateVerified(settings, signedIn.sub(), channel, pending.get(), AttributeWriter.SELF_SERVICE);
			clearPending(signedIn, attributeName);
		}
		else {
			this.users.markVerified(settings, signedIn.sub(), channel, false);
		}
	}

	/**
	 * {@code ChangePassword}. The current password is checked as at sign-in (throttled, lockout shared with
	 * every door); tokens already issued stay valid, as in Cognito.
	 * @throws AuthException {@link AuthError#NOT_AUTHORIZED} for a wrong current password,
	 * {@link AuthError#LIMIT_EXCEEDED} during a lockout
	 * @throws io.gatehouse.userpool.password.InvalidPasswordException the new password breaks the policy
	 */
	public void changePassword(SignedInUser signedIn, String previousPassword, String proposedPassword) {
		PoolUserSettings settings = this.pools.userSettings(signedIn.poolId());
		PasswordCheck check = this.users.checkPassword(settings, signedIn.username(), previousPassword);
		if (check instanceof PasswordCheck.LockedOut) {
			throw new AuthException(AuthError.LIMIT_EXCEEDED);
		}
		if (!(check instanceof PasswordCheck.Authenticated authenticated)
				|| !authenticated.user().sub().equals(signedIn.sub())) {
			throw new AuthException(AuthError.NOT_AUTHORIZED);
		}
		this.users.setPassword(settings, signedIn.sub(), proposedPassword, false);
	}

	/** {@code GlobalSignOut}: every refresh token and web session of the user ends; access tokens stop here. */
	public void globalSignOut(SignedInUser signedIn) {
		this.signOut.signOut(signedIn.poolId(), signedIn.sub());
	}

	/** {@code DeleteUser}: signs the user out everywhere, then deletes them. */
	public void deleteUser(SignedInUser signedIn) {
		this.signOut.signOut(signedIn.poolId(), signedIn.sub());
		this.users.delete(signedIn.poolId(), signedIn.sub());
	}

	private User current(SignedInUser signedIn) {
		return this.users.findBySub(signedIn.poolId(), signedIn.sub())
			.orElseThrow(() -> new AuthException(AuthError.NOT_AUTHORIZED, "Access Token has been revoked"));
	}

	private AppClient client(SignedInUser signedIn) {
		return this.clients.find(signedIn.clientId())
			.filter((client) -> client.userPoolId().equals(signedIn.poolId()))
			.orElseThrow(() -> new AuthException(AuthError.NOT_AUTHORIZED, "Invalid Access Token"));
	}

	private void requireWritable(SignedInUser signedIn, Collection<String> names) {
		List<String> writable = client(signedIn).settings().writeAttributes();
		if (writable == null || writable.isEmpty()) {
			return;
		}
		for (String name : names) {
			if (!writable.contains(name)) {
				throw new AuthException(AuthError.NOT_AUTHORIZED, "A client attempted to write unauthorized attribute");
			}
		}
	}

	private static boolean verifiedBeforeUpdate(UserPool pool, SignInAttribute channel) {
		var settings = pool.settings().userAttributeUpdateSettings();
		return settings != null && settings.attributesRequireVerificationBeforeUpdate() != null
				&& settings.attributesRequireVerificationBeforeUpdate().contains(verifiedType(channel));
	}

	private static boolean autoVerified(UserPool pool, SignInAttribute channel) {
		List<VerifiedAttributeType> verified = pool.settings().autoVerifiedAttributes();
		return verified != null && verified.contains(verifiedType(channel));
	}

	private static VerifiedAttributeType verifiedType(SignInAttribute channel) {
		return (channel == SignInAttribute.EMAIL) ? VerifiedAttributeType.EMAIL : VerifiedAttributeType.PHONE_NUMBER;
	}

	private CodeDeliveryDetails sendCode(UserPool pool, User recipient, SignInAttribute channel) {
		IssuedCode code = this.codes.issue(pool.id(), recipient.sub(), purpose(channel));
		return this.messages.send(pool, recipient, recipient.username(), channel, code,
				CodeMessageKind.VERIFY_ATTRIBUTE);
	}

	private static CodePurpose purpose(SignInAttribute channel) {
		return (channel == SignInAttribute.EMAIL) ? CodePurpose.VERIFY_EMAIL : CodePurpose.VERIFY_PHONE_NUMBER;
	}

	private static SignInAttribute channel(String attributeName) {
		if (StandardAttributes.EMAIL.equals(attributeName)) {
			return SignInAttribute.EMAIL;
		}
		if (StandardAttributes.PHONE_NUMBER.equals(attributeName)) {
			return SignInAttribute.PHONE_NUMBER;
		}
		throw new AuthException(AuthError.INVALID_PARAMETER, "Only email and phone_number can be verified.");
	}

	/** The user as a message to {@code value} needs them: same user, that address. */
	private static User withAttribute(User user, SignInAttribute channel, String value) {
		Map<String, String> attributes = new LinkedHashMap<>(user.attributes());
		attributes.put(channel.attributeName(), value);
		return new User(user.sub(), user.poolId(), user.username(), attributes, user.status(), user.enabled(),
				user.createdAt(), user.updatedAt(), user.passwordChangedAt(), user.temporaryPasswordExpiresAt());
	}

	private Optional<String> pending(SignedInUser signedIn, String attributeName) {
		return this.jdbc
			.sql("SELECT pending_value FROM user_pool.pending_attribute_update WHERE user_sub = ? AND attribute_name = ?")
			.params(signedIn.sub(), attributeName)
			.query(String.class)
			.optional();
	}

	private void storePending(SignedInUser signedIn, String attributeName, String value) {
		this.jdbc
			.sql("INSERT INTO user_pool.pending_attribute_update (user_sub, attribute_name, pending_value, requested_at)"
					+ " VALUES (?, ?, ?, ?) ON CONFLICT (user_sub, attribute_name)"
					+ " DO UPDATE SET pending_value = EXCLUDED.pending_value, requested_at = EXCLUDED.requested_at")
			.params(signedIn.sub(), attributeName, value, OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.update();
	}

	private void clearPending(SignedInUser signedIn, String attributeName) {
		if (Set.of(StandardAttributes.EMAIL, StandardAttributes.PHONE_NUMBER).contains(attributeName)) {
			this.jdbc.sql("DELETE FROM user_pool.pending_attribute_update WHERE user_sub = ? AND attribute_name = ?")
				.params(signedIn.sub(), attributeName)
				.update();
		}
	}

}
