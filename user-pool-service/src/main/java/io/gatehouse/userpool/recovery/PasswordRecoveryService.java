package io.gatehouse.userpool.recovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.gatehouse.userpool.audit.AuthEventType;
import io.gatehouse.userpool.auth.AuthAudit;
import io.gatehouse.userpool.auth.AuthContext;
import io.gatehouse.userpool.auth.AuthError;
import io.gatehouse.userpool.auth.AuthException;
import io.gatehouse.userpool.auth.ClientPolicies;
import io.gatehouse.userpool.auth.ClientPolicy;
import io.gatehouse.userpool.auth.SignOutEverywhere;
import io.gatehouse.userpool.code.CodeDeliveryDetails;
import io.gatehouse.userpool.code.CodeMessageKind;
import io.gatehouse.userpool.code.CodeMessages;
import io.gatehouse.userpool.code.CodePurpose;
import io.gatehouse.userpool.code.DeliveryMedium;
import io.gatehouse.userpool.code.IssuedCode;
import io.gatehouse.userpool.code.OneTimeCodeService;
import io.gatehouse.userpool.password.PasswordContext;
import io.gatehouse.userpool.password.PasswordValidator;
import io.gatehouse.userpool.pool.UserPool;
import io.gatehouse.userpool.pool.UserPoolService;
import io.gatehouse.userpool.pool.UserPoolSettings.AccountRecoverySettingType;
import io.gatehouse.userpool.pool.UserPoolSettings.RecoveryOptionNameType;
import io.gatehouse.userpool.pool.UserPoolSettings.RecoveryOptionType;
import io.gatehouse.userpool.pool.UserPoolSettings.UsernameAttributeType;
import io.gatehouse.userpool.user.PoolUserSettings;
import io.gatehouse.userpool.user.SignInAttribute;
import io.gatehouse.userpool.user.User;
import io.gatehouse.userpool.user.UserService;
import io.gatehouse.userpool.user.UserStatus;

import org.springframework.stereotype.Service;

/**
 * Forgotten passwords: {@code ForgotPassword} and {@code ConfirmForgotPassword}, for the hosted pages and the
 * Cognito API alike.
 * <p>
 * The code goes only to a <em>verified</em> email address or phone number on file, in the order of the
 * pool's {@code AccountRecoverySetting} (Cognito's legacy order, phone before email, when there is none), and
 * never anywhere a request names. With {@code PreventUserExistenceErrors=ENABLED}, a user who does not exist
 * or cannot get a code is answered exactly as if a code had been sent. A completed reset ends every refresh
 * token and web session of the user ({@link SignOutEverywhere}) and lifts any sign-in lockout.
 */
@Service
public final class PasswordRecoveryService {

	private final UserPoolService pools;

	private final ClientPolicies clients;

	private final UserService users;

	private final OneTimeCodeService codes;

	private final CodeMessages messages;

	private final PasswordValidator passwordValidator;

	private final SignOutEverywhere signOut;

	private final AuthAudit audit;

	PasswordRecoveryService(UserPoolService pools, ClientPolicies clients, UserService users,
			OneTimeCodeService codes, CodeMessages messages, PasswordValidator passwordValidator,
			SignOutEverywhere signOut, AuthAudit audit) {
		this.pools = pools;
		this.clients = clients;
		this.users = users;
		this.codes = codes;
		this.messages = messages;
		this.passwordValidator = passwordValidator;
		this.signOut = signOut;
		this.audit = audit;
	}

	/**
	 * Sends a password reset code.
	 * @param username any name the user signs in with
	 * @return where the code went (or, when nothing was sent and the client must not learn why, where it
	 * would plausibly have gone)
	 * @throws AuthException {@link AuthError#RECOVERY_NOT_PERMITTED} when the pool allows administrators only;
	 * for clients that reveal users also {@link AuthError#USER_NOT_FOUND}, {@link AuthError#USER_DISABLED} and
	 * {@link AuthError#INVALID_PARAMETER} (no verified email or phone)
	 * @throws io.gatehouse.userpool.code.CodeLimitExceededException too many codes for this user
	 */
	public CodeDeliveryDetails forgotPassword(String poolId, String clientId, String username, AuthContext context) {
		UserPool pool = this.pools.configuration(poolId);
		ClientPolicy client = this.clients.of(poolId, clientId);
		List<RecoveryOptionNameType> order = recoveryOrder(pool);
		if (order.contains(RecoveryOptionNameType.ADMIN_ONLY)) {
			throw new AuthException(AuthError.RECOVERY_NOT_PERMITTED);
		}
		PoolUserSettings settings = this.pools.userSettings(poolId);
		Optional<User> found = this.users.findBySignInName(settings, username);
		if (found.isEmpty()) {
			this.audit.account(AuthEventType.FORGOT_PASSWORD, poolId, clientId, null, "UserNotFound", context);
			return refuse(client, pool, username, AuthError.USER_NOT_FOUND, null);
		}
		User user = found.get();
		if (!user.enabled()) {
			this.audit.account(AuthEventType.FORGOT_PASSWORD, poolId, clientId, user, "UserDisabled", context);
			return refuse(client, pool, username, AuthError.USER_DISABLED, null);
		}
		Optional<SignInAttribute> channel = (user.status() == UserStatus.EXTERNAL_PROVIDER) ? Optional.empty()
				: verifiedChannel(order, user);
		if (channel.isEmpty()) {
			this.audit.account(AuthEventType.FORGOT_PASSWORD, poolId, clientId, user, "NoVerifiedContact", context);
			return refuse(client, pool, username, AuthError.INVALID_PARAMETER,
					"Cannot reset password for the user as there is no registered/verified email or phone_number");
		}
		IssuedCode code = this.codes.issue(poolId, user.sub(), CodePurpose.FORGOT_PASSWORD);
		this.audit.account(AuthEventType.FORGOT_PASSWORD, poolId, clientId, user, null, context);
		return this.messages.send(pool, user, username, channel.get(), code, CodeMessageKind.FORGOT_PASSWORD);
	}

	/**
	 * Sets a new password with the code from {@link #forgotPassword}, then signs the user out everywhere.
	 * The password is checked against the policy before the code is spent, so a refused password can be
	 * corrected with the same code.
	 * @throws io.gatehouse.userpool.password.InvalidPasswordException the new password breaks the policy
	 * @throws AuthException {@link AuthError#CODE_MISMATCH} (also for a user who does not exist, unless the
	 * client reveals users: then {@link AuthError#USER_NOT_FOUND}), {@link AuthError#EXPIRED_CODE},
	 * {@link AuthError#TOO_MANY_FAILED_ATTEMPTS}
	 */
	public void confirmForgotPassword(String poolId, String clientId, String username, String code,
			String newPassword, AuthContext context) {
		UserPool pool = this.pools.configuration(poolId);
		ClientPolicy client = this.clients.of(poolId, clientId);
		if (newPassword == null || newPassword.isEmpty()) {
			throw new AuthException(AuthError.INVALID_PARAMETER, "Missing required parameter Password");
		}
		PoolUserSettings settings = this.pools.userSettings(poolId);
		Optional<User> found = this.users.findBySignInName(settings, username);
		this.passwordValidator.validate(newPassword, settings.passwordPolicy(), PasswordContext.of(pool.name(),
				found.map(User::username).orElse(username), found.flatMap(User::email).orElse(null)));
		if (found.isEmpty()) {
			throw new AuthException(client.revealsUsers() ? AuthError.USER_NOT_FOUND : AuthError.CODE_MISMATCH);
		}
		User user = found.get();
		try {
			AuthException.requireVerified(this.codes.verify(poolId, user.sub(), CodePurpose.FORGOT_PASSWORD, code));
		}
		catch (AuthException ex) {
			this.audit.account(AuthEventType.PASSWORD_CHANGE, poolId, clientId, user, ex.error().errorType(), context);
			throw ex;
		}
		this.users.setPassword(settings, user.sub(), newPassword, false);
		this.signOut.signOut(poolId, user.sub());
		this.audit.account(AuthEventType.PASSWORD_CHANGE, poolId, clientId, user, null, context);
	}

	private CodeDeliveryDetails refuse(ClientPolicy client, UserPool pool, String username, AuthError revealed,
			String message) {
		if (client.revealsUsers()) {
			throw new AuthException(revealed, message);
		}
		boolean phoneUsernames = pool.settings().usernameAttributes() != null
				&& pool.settings().usernameAttributes().contains(UsernameAttributeType.PHONE_NUMBER)
				&& username != null && username.startsWith("+");
		return this.messages.simulated(pool.id(), username, phoneUsernames ? DeliveryMedium.SMS : DeliveryMedium.EMAIL);
	}

	private static List<RecoveryOptionNameType> recoveryOrder(UserPool pool) {
		AccountRecoverySettingType setting = pool.settings().accountRecoverySetting();
		if (setting == null || setting.recoveryMechanisms() == null || setting.recoveryMechanisms().isEmpty()) {
			return List.of(RecoveryOptionNameType.VERIFIED_PHONE_NUMBER, RecoveryOptionNameType.VERIFIED_EMAIL);
		}
		List<RecoveryOptionType> mechanisms = new ArrayList<>(setting.recoveryMechanisms());
		mechanisms.sort(Comparator.comparing(RecoveryOptionType::priority));
		return mechanisms.stream().map(RecoveryOptionType::name).toList();
	}

	/** The first recovery mechanism the user has a verified destination for. */
	private static Optional<SignInAttribute> verifiedChannel(List<RecoveryOptionNameType> order, User user) {
		for (RecoveryOptionNameType mechanism : order) {
			if (mechanism == RecoveryOptionNameType.VERIFIED_EMAIL && user.email().isPresent() && user.emailVerified()) {
				return Optional.of(SignInAttribute.EMAIL);
			}
			if (mechanism == RecoveryOptionNameType.VERIFIED_PHONE_NUMBER && user.phoneNumber().isPresent()
					&& user.phoneNumberVerified()) {
				return Optional.of(SignInAttribute.PHONE_NUMBER);
			}
		}
		return Optional.empty();
	}

}
