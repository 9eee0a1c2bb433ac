package io.gatehouse.userpool.signup;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.gatehouse.userpool.audit.AuthEventType;
import io.gatehouse.userpool.auth.AuthAudit;
import io.gatehouse.userpool.auth.AuthContext;
import io.gatehouse.userpool.auth.AuthError;
import io.gatehouse.userpool.auth.AuthException;
import io.gatehouse.userpool.auth.ClientPolicies;
import io.gatehouse.userpool.auth.ClientPolicy;
import io.gatehouse.userpool.code.CodeDeliveryDetails;
import io.gatehouse.userpool.code.CodeMessageKind;
import io.gatehouse.userpool.code.CodeMessages;
import io.gatehouse.userpool.code.CodePurpose;
import io.gatehouse.userpool.code.DeliveryMedium;
import io.gatehouse.userpool.code.IssuedCode;
import io.gatehouse.userpool.code.OneTimeCodeService;
import io.gatehouse.userpool.pool.UserPool;
import io.gatehouse.userpool.pool.UserPoolService;
import io.gatehouse.userpool.pool.UserPoolSettings.VerifiedAttributeType;
import io.gatehouse.userpool.user.AttributeWriter;
import io.gatehouse.userpool.user.NewUser;
import io.gatehouse.userpool.user.PoolUserSettings;
import io.gatehouse.userpool.user.SignInAttribute;
import io.gatehouse.userpool.user.User;
import io.gatehouse.userpool.user.UserService;
import io.gatehouse.userpool.user.UserStatus;

import org.springframework.stereotype.Service;

/**
 * Self-service sign-up: {@code SignUp}, {@code ConfirmSignUp} and {@code ResendConfirmationCode}, for the
 * hosted pages and the Cognito API alike.
 * <p>
 * The confirmation code goes to the attribute the pool verifies automatically ({@code AutoVerifiedAttributes}:
 * the phone number when both are, as Cognito does), with the pool's verification message. Confirming with it
 * confirms the user and marks that attribute verified. With {@code PreventUserExistenceErrors=ENABLED},
 * confirming or resending for a user who does not exist or is not waiting for confirmation gives the same
 * answers as for one who is (a code mismatch; a simulated delivery).
 */
@Service
public final class SignUpService {

	private final UserPoolService pools;

	private final ClientPolicies clients;

	private final UserService users;

	private final OneTimeCodeService codes;

	private final CodeMessages messages;

	private final AuthAudit audit;

	SignUpService(UserPoolService pools, ClientPolicies clients, UserService users, OneTimeCodeService codes,
			CodeMessages messages, AuthAudit audit) {
		this.pools = pools;
		this.clients = clients;
		this.users = users;
		this.codes = codes;
		this.messages = messages;
		this.audit = audit;
	}

	/**
	 * Creates an unconfirmed user and sends the confirmation code.
	 * @param clientId the app client; null for the hosted pages without an OAuth request
	 * @param username the username, or the email/phone number in a pool with {@code UsernameAttributes}
	 * @throws AuthException {@link AuthError#SIGN_UP_NOT_PERMITTED} when only administrators create users
	 * @throws io.gatehouse.userpool.password.InvalidPasswordException the password breaks the policy
	 * @throws io.gatehouse.userpool.user.InvalidUserParameterException bad username or attributes
	 * @throws io.gatehouse.userpool.user.UsernameExistsException the username (or email/phone username) is taken
	 * @throws io.gatehouse.userpool.user.AliasExistsException an alias belongs to another user
	 * @throws io.gatehouse.userpool.code.CodeLimitExceededException too many codes for this user
	 */
	public SignUpResult signUp(String poolId, String clientId, String username, String password,
			Map<String, String> attributes, AuthContext context) {
		UserPool pool = this.pools.configuration(poolId);
		this.clients.of(poolId, clientId);
		if (Boolean.TRUE.equals(pool.settings().adminCreateUserConfig().allowAdminCreateUserOnly())) {
			throw new AuthException(AuthError.SIGN_UP_NOT_PERMITTED);
		}
		if (password == null || password.isEmpty()) {
			throw new AuthException(AuthError.INVALID_PARAMETER, "Missing required parameter Password");
		}
		PoolUserSettings settings = this.pools.userSettings(poolId);
		User user = this.users.create(settings,
				new NewUser(username, attributes, password, UserStatus.UNCONFIRMED, AttributeWriter.SELF_SERVICE));
		this.audit.account(AuthEventType.SIGN_UP, poolId, clientId, user, null, context);
		CodeDeliveryDetails delivery = channel(pool, user)
			.map((channel) -> send(pool, user, username, channel))
			.orElse(null);
		return new SignUpResult(user.sub(), false, delivery);
	}

	/**
	 * Confirms a user with the code sent at sign-up and verifies the attribute it went to.
	 * @param forceAliasCreation move a verified email/phone alias from another user to this one
	 * @throws AuthException {@link AuthError#CODE_MISMATCH}, {@link AuthError#EXPIRED_CODE},
	 * {@link AuthError#TOO_MANY_FAILED_ATTEMPTS}; for clients that reveal users also
	 * {@link AuthError#USER_NOT_FOUND} and {@link AuthError#CANNOT_CONFIRM}
	 * @throws io.gatehouse.userpool.user.AliasExistsException the verified attribute is another user's alias
	 */
	public void confirmSignUp(String poolId, String clientId, String username, String code,
			boolean forceAliasCreation, AuthContext context) {
		UserPool pool = this.pools.configuration(poolId);
		ClientPolicy client = this.clients.of(poolId, clientId);
		PoolUserSettings settings = this.pools.userSettings(poolId);
		Optional<User> found = this.users.findBySignInName(settings, username);
		if (found.isEmpty()) {
			throw new AuthException(client.revealsUsers() ? AuthError.USER_NOT_FOUND : AuthError.CODE_MISMATCH);
		}
		User user = found.get();
		if (user.status() != UserStatus.UNCONFIRMED) {
			throw new AuthException(client.revealsUsers() ? AuthError.CANNOT_CONFIRM : AuthError.CODE_MISMATCH,
					client.revealsUsers() ? "User cannot be confirmed. Current status is " + user.status() : null);
		}
		try {
			AuthException.requireVerified(this.codes.verify(poolId, user.sub(), CodePurpose.SIGN_UP_CONFIRMATION, code));
		}
		catch (AuthException ex) {
			this.audit.account(AuthEventType.SIGN_UP, poolId, clientId, user, "Confirm" + ex.error().errorType(), context);
			throw ex;
		}
		this.users.setStatus(poolId, user.sub(), UserStatus.CONFIRMED);
		this.audit.account(AuthEventType.SIGN_UP, poolId, clientId, user, null, context);
		Optional<SignInAttribute> channel = channel(pool, user);
		if (channel.isPresent()) {
			this.users.markVerified(settings, user.sub(), channel.get(), forceAliasCreation);
		}
	}

	/**
	 * Sends a new confirmation code, superseding the last one.
	 * @throws AuthException {@link AuthError#INVALID_PARAMETER} when the pool verifies no attribute
	 * automatically; for clients that reveal users also {@link AuthError#USER_NOT_FOUND} and "already
	 * confirmed"
	 * @throws io.gatehouse.userpool.code.CodeLimitExceededException too many codes for this user
	 */
	public CodeDeliveryDetails resendConfirmationCode(String poolId, String clientId, String username,
			AuthContext context) {
		UserPool pool = this.pools.configuration(poolId);
		ClientPolicy client = this.clients.of(poolId, clientId);
		List<VerifiedAttributeType> verified = pool.settings().autoVerifiedAttributes();
		if (verified == null || verified.isEmpty()) {
			throw new AuthException(AuthError.INVALID_PARAMETER,
					"Auto verification not turned on for the user pool.");
		}
		DeliveryMedium simulatedMedium = verified.contains(VerifiedAttributeType.EMAIL) ? DeliveryMedium.EMAIL
				: DeliveryMedium.SMS;
		PoolUserSettings settings = this.pools.userSettings(poolId);
		Optional<User> found = this.users.findBySignInName(settings, username);
		if (found.isEmpty()) {
			if (client.revealsUsers()) {
				throw new AuthException(AuthError.USER_NOT_FOUND);
			}
			return this.messages.simulated(poolId, username, simulatedMedium);
		}
		User user = found.get();
		Optional<SignInAttribute> channel = channel(pool, user);
		if (user.status() != UserStatus.UNCONFIRMED || channel.isEmpty()) {
			if (client.revealsUsers()) {
				throw new AuthException(AuthError.INVALID_PARAMETER,
						(user.status() != UserStatus.UNCONFIRMED) ? "User is already confirmed."
								: "The user has no attribute to send a code to.");
			}
			return this.messages.simulated(poolId, username, simulatedMedium);
		}
		this.audit.account(AuthEventType.RESEND_CODE, poolId, clientId, user, null, context);
		return send(pool, user, username, channel.get());
	}

	private CodeDeliveryDetails send(UserPool pool, User user, String signInName, SignInAttribute channel) {
		IssuedCode code = this.codes.issue(pool.id(), user.sub(), CodePurpose.SIGN_UP_CONFIRMATION);
		return this.messages.send(pool, user, signInName, channel, code, CodeMessageKind.SIGN_UP);
	}

	/** Where sign-up codes go: the phone when the pool verifies it and the user has one, else the email. */
	private static Optional<SignInAttribute> channel(UserPool pool, User user) {
		List<VerifiedAttributeType> verified = pool.settings().autoVerifiedAttributes();
		if (verified == null) {
			return Optional.empty();
		}
		if (verified.contains(VerifiedAttributeType.PHONE_NUMBER) && user.phoneNumber().isPresent()) {
			return Optional.of(SignInAttribute.PHONE_NUMBER);
		}
		if (verified.contains(VerifiedAttributeType.EMAIL) && user.email().isPresent()) {
			return Optional.of(SignInAttribute.EMAIL);
		}
		return Optional.empty();
	}

}
