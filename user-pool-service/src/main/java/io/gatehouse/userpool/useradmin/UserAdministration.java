package io.gatehouse.userpool.useradmin;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.gatehouse.userpool.auth.UserSessions;
import io.gatehouse.userpool.code.CodePurpose;
import io.gatehouse.userpool.code.IssuedCode;
import io.gatehouse.userpool.code.OneTimeCodeService;
import io.gatehouse.userpool.mail.EmailMessage;
import io.gatehouse.userpool.mail.EmailSender;
import io.gatehouse.userpool.mail.MessageDeliveryException;
import io.gatehouse.userpool.mail.MessageTemplate;
import io.gatehouse.userpool.mail.SmsMessage;
import io.gatehouse.userpool.mail.SmsSender;
import io.gatehouse.userpool.password.PasswordContext;
import io.gatehouse.userpool.password.TemporaryPasswordGenerator;
import io.gatehouse.userpool.pool.InvalidSettingException;
import io.gatehouse.userpool.pool.UserPool;
import io.gatehouse.userpool.pool.UserPoolService;
import io.gatehouse.userpool.pool.UserPoolSettings;
import io.gatehouse.userpool.pool.UserPoolSettings.MessageTemplateType;
import io.gatehouse.userpool.pool.UserPoolSettings.VerificationMessageTemplateType;
import io.gatehouse.userpool.token.TokenIssuer;
import io.gatehouse.userpool.user.AttributeWriter;
import io.gatehouse.userpool.user.NewUser;
import io.gatehouse.userpool.user.PoolUserSettings;
import io.gatehouse.userpool.user.SignInAttribute;
import io.gatehouse.userpool.user.StandardAttributes;
import io.gatehouse.userpool.user.User;
import io.gatehouse.userpool.user.UserService;
import io.gatehouse.userpool.user.UserStatus;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The {@code Admin*} user operations of the Cognito API reference, as rules over the user feature: creating
 * users with a temporary password and an invitation, enabling and disabling, password set and reset,
 * confirmation, global sign-out. Whatever ends a user's access (disable, delete, reset, global sign-out)
 * revokes their tokens through the {@link TokenIssuer} when the token pipeline is present.
 */
@Service
public final class UserAdministration {

	private final UserService users;

	private final UserPoolService pools;

	private final TemporaryPasswordGenerator passwords;

	private final OneTimeCodeService codes;

	private final EmailSender email;

	private final SmsSender sms;

	private final ObjectProvider<TokenIssuer> tokens;

	private final ObjectProvider<UserSessions> sessions;

	UserAdministration(UserService users, UserPoolService pools, TemporaryPasswordGenerator passwords,
			OneTimeCodeService codes, EmailSender email, SmsSender sms, ObjectProvider<TokenIssuer> tokens,
			ObjectProvider<UserSessions> sessions) {
		this.users = users;
		this.pools = pools;
		this.passwords = passwords;
		this.codes = codes;
		this.email = email;
		this.sms = sms;
		this.tokens = tokens;
		this.sessions = sessions;
	}

	/** The pool's user settings. @throws io.gatehouse.userpool.pool.UserPoolNotFoundException */
	public PoolUserSettings pool(String poolId) {
		return this.pools.userSettings(poolId);
	}

	/** The user an admin request names (username, alias or sub). */
	public User find(String poolId, String username) {
		return this.users.requireByAdminName(pool(poolId), username);
	}

	/**
	 * AdminCreateUser: a user in {@code FORCE_CHANGE_PASSWORD} with the given or a generated temporary
	 * password, invited by email and/or SMS from the pool's {@code InviteMessageTemplate} (the temporary password
	 * in {@code {####}}), unless the invitation is suppressed. {@code RESEND} sends a new temporary password to a
	 * user who has not yet chosen one.
	 */
	public User create(AdminNewUser command) {
		UserPool pool = this.pools.configuration(command.poolId());
		PoolUserSettings settings = this.pools.userSettings(command.poolId());
		if (command.messageAction() == MessageAction.RESEND) {
			return resendInvitation(pool, settings, command);
		}
		Set<DeliveryMedium> mediums = deliveryMediums(command, command.attributes());
		String password = (command.temporaryPassword() != null) ? command.temporaryPassword()
				: this.passwords.generate(settings.passwordPolicy(), PasswordContext.of(settings.poolName(),
						command.username(), command.attributes().get(StandardAttributes.EMAIL)));
		Map<String, String> attributes = new LinkedHashMap<>(command.attributes());
		Set<SignInAttribute> forced = EnumSet.noneOf(SignInAttribute.class);
		if (command.forceAliasCreation()) {
			// Created unverified, then verified with the alias taken from whoever holds it.
			if ("true".equals(attributes.remove(StandardAttributes.EMAIL_VERIFIED))) {
				forced.add(SignInAttribute.EMAIL);
			}
			if ("true".equals(attributes.remove(StandardAttributes.PHONE_NUMBER_VERIFIED))) {
				forced.add(SignInAttribute.PHONE_NUMBER);
			}
		}
		User user = this.users.create(settings,
				new NewUser(command.username(), attributes, password, UserStatus.FORCE_CHANGE_PASSWORD, AttributeWriter.ADMIN));
		for (SignInAttribute attribute : forced) {
			user = this.users.markVerified(settings, user.sub(), attribute, true);
		}
		if (command.messageAction() != MessageAction.SUPPRESS) {
			try {
				invite(pool, user, command.username(), password, mediums);
			}
			catch (MessageDeliveryException ex) {
				// No half-created user: an administrator retries the whole call.
				this.users.delete(settings.poolId(), user.sub());
				throw ex;
			}
		}
		return user;
	}

	private User resendInvitation(UserPool pool, PoolUserSettings settings, AdminNewUser command) {
		User user = this.users.requireByAdminName(settings, command.username());
		if (user.status() != UserStatus.FORCE_CHANGE_PASSWORD) {
			throw new UserStateException(UserStateException.Kind.UNSUPPORTED_STATE,
					"Resend not possible. The user's status is not FORCE_CHANGE_PASSWORD.");
		}
		Set<DeliveryMedium> mediums = deliveryMediums(command, user.attributes());
		String password = (command.temporaryPassword() != null) ? command.temporaryPassword()
				: this.passwords.generate(settings.passwordPolicy(),
						PasswordContext.of(settings.poolName(), user.username(), user.email().orElse(null)));
		user = this.users.setPassword(settings, user.sub(), password, true);
		invite(pool, user, command.username(), password, mediums);
		return user;
	}

	/**
	 * The mediums to invite through. Explicitly requested mediums need their attribute; Cognito's default (SMS)
	 * is skipped for a user without a phone number rather than failing the creation.
	 */
	private static Set<DeliveryMedium> deliveryMediums(AdminNewUser command, Map<String, String> attributes) {
		if (command.messageAction() == MessageAction.SUPPRESS) {
			return Set.of();
		}
		if (command.deliveryMediums().isEmpty()) {
			return attributes.containsKey(StandardAttributes.PHONE_NUMBER) ? Set.of(DeliveryMedium.SMS) : Set.of();
		}
		for (DeliveryMedium medium : command.deliveryMediums()) {
			String attribute = (medium == DeliveryMedium.EMAIL) ? StandardAttributes.EMAIL : StandardAttributes.PHONE_NUMBER;
			if (!attributes.containsKey(attribute)) {
				throw new InvalidSettingException("DesiredDeliveryMediums includes " + medium + " but the user has no "
						+ attribute + " attribute.");
			}
		}
		return command.deliveryMediums();
	}

	private void invite(UserPool pool, User user, String username, String password, Set<DeliveryMedium> mediums) {
		MessageTemplateType configured = (pool.settings().adminCreateUserConfig() != null)
				? pool.settings().adminCreateUserConfig().inviteMessageTemplate() : null;
		MessageTemplate fallback = MessageTemplate.defaultInvitation();
		if (mediums.contains(DeliveryMedium.EMAIL)) {
			MessageTemplate template = new MessageTemplate(
					(configured != null && configured.emailSubject() != null) ? configured.emailSubject() : fallback.subject(),
					(configured != null && configured.emailMessage() != null) ? configured.emailMessage() : fallback.body());
			this.email.send(EmailMessage.of(user.email().orElseThrow(), template.render(password, username)));
		}
		if (mediums.contains(DeliveryMedium.SMS)) {
			MessageTemplate template = new MessageTemplate(null,
					(configured != null && configured.smsMessage() != null) ? configured.smsMessage() : fallback.body());
			this.sms.send(SmsMessage.of(user.phoneNumber().orElseThrow(), template.render(password, username)));
		}
	}

	public void delete(String poolId, String username) {
		User user = find(poolId, username);
		revokeTokens(user);
		this.users.delete(poolId, user.sub());
	}

	public void enable(String poolId, String username) {
		this.users.setEnabled(poolId, find(poolId, username).sub(), true);
	}

	/** AdminDisableUser: the user can no longer sign in through any door, and their tokens are revoked. */
	public void disable(String poolId, String username) {
		User user = this.users.setEnabled(poolId, find(poolId, username).sub(), false);
		revokeTokens(user);
	}

	public void updateAttributes(String poolId, String username, Map<String, String> attributes) {
		PoolUserSettings settings = pool(poolId);
		User user = this.users.requireByAdminName(settings, username);
		this.users.updateAttributes(settings, user.sub(), attributes, AttributeWriter.ADMIN);
	}

	public void deleteAttributes(String poolId, String username, Collection<String> names) {
		PoolUserSettings settings = pool(poolId);
		User user = this.users.requireByAdminName(settings, username);
		this.users.deleteAttributes(settings, user.sub(), names, AttributeWriter.ADMIN);
	}

	/**
	 * AdminSetUserPassword: a permanent password confirms the user; a temporary one puts them in
	 * {@code FORCE_CHANGE_PASSWORD}.
	 */
	public void setPassword(String poolId, String username, String password, boolean permanent) {
		PoolUserSettings settings = pool(poolId);
		User user = this.users.requireByAdminName(settings, username);
		user = this.users.setPassword(settings, user.sub(), password, !permanent);
		if (permanent && user.status() == UserStatus.UNCONFIRMED) {
			this.users.setStatus(poolId, user.sub(), UserStatus.CONFIRMED);
		}
	}

	/**
	 * AdminResetUserPassword: the password stops working ({@code RESET_REQUIRED}), the user's tokens are revoked,
	 * and a forgot-password code goes to the verified email address (else the verified phone number), the only
	 * places recovery mail may go.
	 */
	public void resetPassword(String poolId, String username) {
		UserPool pool = this.pools.configuration(poolId);
		PoolUserSettings settings = this.pools.userSettings(poolId);
		User user = this.users.requireByAdminName(settings, username);
		boolean byEmail = user.email().isPresent() && user.emailVerified();
		boolean bySms = !byEmail && user.phoneNumber().isPresent() && user.phoneNumberVerified();
		if (!byEmail && !bySms) {
			throw new InvalidSettingException(
					"Cannot reset password for the user as there is no registered/verified email or phone_number");
		}
		IssuedCode code = this.codes.issue(poolId, user.sub(), CodePurpose.FORGOT_PASSWORD);
		user = this.users.setStatus(poolId, user.sub(), UserStatus.RESET_REQUIRED);
		revokeTokens(user);
		UserPoolSettings poolSettings = pool.settings();
		VerificationMessageTemplateType verification = poolSettings.verificationMessageTemplate();
		MessageTemplate fallback = MessageTemplate.defaultVerification();
		if (byEmail) {
			String subject = firstNonNull((verification != null) ? verification.emailSubject() : null,
					poolSettings.emailVerificationSubject(), fallback.subject());
			String body = firstNonNull((verification != null) ? verification.emailMessage() : null,
					poolSettings.emailVerificationMessage(), fallback.body());
			this.email.send(EmailMessage.of(user.email().orElseThrow(),
					new MessageTemplate(subject, body).render(code.code(), user.username())));
		}
		else {
			String body = firstNonNull((verification != null) ? verification.smsMessage() : null,
					poolSettings.smsVerificationMessage(), fallback.body());
			this.sms.send(SmsMessage.of(user.phoneNumber().orElseThrow(),
					new MessageTemplate(null, body).render(code.code(), user.username())));
		}
	}

	/** AdminConfirmSignUp: only an unconfirmed user can be confirmed. */
	public void confirmSignUp(String poolId, String username) {
		User user = find(poolId, username);
		if (user.status() != UserStatus.UNCONFIRMED) {
			throw new UserStateException(UserStateException.Kind.NOT_AUTHORIZED,
					"User cannot be confirmed. Current status is " + user.status() + ".");
		}
		this.users.setStatus(poolId, user.sub(), UserStatus.CONFIRMED);
	}

	/** AdminUserGlobalSignOut: every refresh token of the user stops working. */
	public void globalSignOut(String poolId, String username) {
		revokeTokens(find(poolId, username));
	}

	private void revokeTokens(User user) {
		this.tokens.ifAvailable((issuer) -> issuer.revokeAll(user.poolId(), user.sub()));
		// The hosted pages' web sessions too: a signed-in browser would otherwise get new codes.
		this.sessions.orderedStream().forEach((registry) -> registry.endAll(user.poolId(), user.sub()));
	}

	/** The sub of the user an admin request names. */
	public UUID sub(String poolId, String username) {
		return find(poolId, username).sub();
	}

	private static String firstNonNull(String... values) {
		for (String value : values) {
			if (value != null) {
				return value;
			}
		}
		throw new IllegalStateException("no value");
	}

}
