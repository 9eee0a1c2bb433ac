package io.gatehouse.userpool.cognito;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminListUserAuthEventsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthEventType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UnsupportedUserStateException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

import io.gatehouse.userpool.audit.AuditLog;
import io.gatehouse.userpool.audit.AuditOutcome;
import io.gatehouse.userpool.audit.AuthenticationEvent;
import io.gatehouse.userpool.audit.ChallengeResult;
import io.gatehouse.userpool.audit.RequestOrigin;
import io.gatehouse.userpool.pool.UserPoolService;
import io.gatehouse.userpool.user.PasswordCheck;
import io.gatehouse.userpool.user.PoolUserSettings;
import io.gatehouse.userpool.user.User;
import io.gatehouse.userpool.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The Admin* user operations through the AWS SDK, checked against what the user feature then holds. */
@CognitoApiTest
class UserAdminApiTest {

	private static final String TEMPORARY = "Kestrel-Lantern-93";

	private static final Pattern INVITED_PASSWORD = Pattern.compile("password is (\\S+) now");

	@LocalServerPort
	private int port;

	@Autowired
	private UserService users;

	@Autowired
	private UserPoolService pools;

	@Autowired
	private AuditLog audit;

	@Autowired
	private JdbcClient jdbc;

	private CognitoIdentityProviderClient admin;

	private String poolId;

	@BeforeEach
	void createPool() {
		this.admin = TestAdmin.sdk(this.port);
		this.poolId = this.admin.createUserPool(TestUserPools.any()
			.build()
			.toBuilder()
			.aliasAttributesWithStrings("email")
			.adminCreateUserConfig((config) -> config.inviteMessageTemplate((template) -> template
				.emailSubject("Welcome {username}")
				.emailMessage("Hi {username}, your password is {####} now.")
				.smsMessage("{username}: password is {####} now")))
			.build()).userPool().id();
	}

	@AfterEach
	void close() {
		this.admin.close();
	}

	@Test
	void adminCreateUserWhenNoPasswordGivenThenGeneratedOneIsEmailedAndSignsIn() {
		String email = unique("ann") + "@example.com";

		UserType user = this.admin.adminCreateUser((r) -> r.userPoolId(this.poolId)
			.username("ann")
			.userAttributes(attribute("email", email), attribute("given_name", "Ann"))
			.desiredDeliveryMediums(DeliveryMediumType.EMAIL)).user();

		assertThat(user.username()).isEqualTo("ann");
		assertThat(user.userStatus()).isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);
		assertThat(user.enabled()).isTrue();
		assertThat(attributes(user.attributes())).containsEntry("email", email)
			.containsEntry("given_name", "Ann")
			.containsKey("sub");
		assertThat(user.attributes().get(0).name()).isEqualTo("sub");
		List<String> messages = TestOutbox.messagesTo(email);
		assertThat(messages).singleElement().satisfies((eml) -> assertThat(eml).contains("Subject: Welcome ann"));
		Matcher matcher = INVITED_PASSWORD.matcher(messages.get(0));
		assertThat(matcher.find()).isTrue();
		String password = matcher.group(1);
		assertThat(password).hasSizeGreaterThanOrEqualTo(16);
		assertThat(check("ann", password)).isInstanceOf(PasswordCheck.Authenticated.class);
	}

	@Test
	void adminCreateUserWhenPasswordGivenAndSuppressedThenNoMessageAndTemporaryPasswordExpiresPerPolicy() {
		String email = unique("bo") + "@example.com";
		Instant before = Instant.now();

		this.admin.adminCreateUser((r) -> r.userPoolId(this.poolId)
			.username("bo")
			.temporaryPassword(TEMPORARY)
			.messageAction(MessageActionType.SUPPRESS)
			.userAttributes(attribute("email", email))
			.desiredDeliveryMediums(DeliveryMediumType.EMAIL));

		assertThat(TestOutbox.messagesTo(email)).isEmpty();
		assertThat(check("bo", TEMPORARY)).isInstanceOf(PasswordCheck.Authenticated.class);
		User stored = this.users.findByUsername(settings(), "bo").orElseThrow();
		// The default policy: TemporaryPasswordValidityDays = 7.
		assertThat(stored.temporaryPasswordExpiresAt()).isBetween(before.plus(Duration.ofDays(7)).minusSeconds(5),
				Instant.now().plus(Duration.ofDays(7)));
	}

	@Test
	void adminCreateUserWhenResendThenNewTemporaryPasswordReplacesTheOld() {
		String phone = "+1555" + (1000000 + (int) (Math.random() * 8999999));
		this.admin.adminCreateUser((r) -> r.userPoolId(this.poolId)
			.username("cy")
			.temporaryPassword(TEMPORARY)
			.userAttributes(attribute("phone_number", phone)));
		assertThat(TestOutbox.messagesTo(phone)).singleElement().asString().contains("cy: password is " + TEMPORARY);

		this.admin.adminCreateUser((r) -> r.userPoolId(this.poolId).username("cy").messageAction(MessageActionType.RESEND));

		List<String> messages = TestOutbox.messagesTo(phone);
		assertThat(messages).hasSize(2);
		Matcher matcher = INVITED_PASSWORD.matcher(messages.get(1));
		assertThat(matcher.find()).isTrue();
		assertThat(check("cy", matcher.group(1))).isInstanceOf(PasswordCheck.Authenticated.class);
		assertThat(check("cy", TEMPORARY)).isInstanceOf(PasswordCheck.WrongPassword.class);
	}

	@Test
	void adminCreateUserWhenResendForUnknownOrConfirmedUserThenUserNotFoundOrUnsupportedState() {
		assertThatExceptionOfType(UserNotFoundException.class).isThrownBy(() -> this.admin.adminCreateUser(
				(r) -> r.userPoolId(this.poolId).username("ghost").messageAction(MessageActionType.RESEND)));
		createSuppressed("dee");
		this.admin.adminSetUserPassword((r) -> r.userPoolId(this.poolId).username("dee").password(TEMPORARY).permanent(true));

		assertThatExceptionOfType(UnsupportedUserStateException.class).isThrownBy(() -> this.admin
			.adminCreateUser((r) -> r.userPoolId(this.poolId).username("dee").messageAction(MessageActionType.RESEND)));
	}

	@Test
	void adminCreateUserWhenUsernameTakenOrPasswordWeakOrMediumUnusableThenAwsErrors() {
		createSuppressed("eve");

		assertThatExceptionOfType(UsernameExistsException.class).isThrownBy(() -> createSuppressed("EVE"));
		assertThatExceptionOfType(InvalidPasswordException.class).isThrownBy(() -> this.admin.adminCreateUser(
				(r) -> r.userPoolId(this.poolId).username("fay").temporaryPassword("password")));
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> this.admin.adminCreateUser(
				(r) -> r.userPoolId(this.poolId).username("fay").desiredDeliveryMediums(DeliveryMediumType.EMAIL)));
		assertThat(this.users.findByUsername(settings(), "fay")).isEmpty();
	}

	@Test
	void adminCreateUserWhenVerifiedAliasTakenThenAliasExistsUnlessForced() {
		String email = unique("shared") + "@example.com";
		this.admin.adminCreateUser((r) -> r.userPoolId(this.poolId)
			.username("first")
			.messageAction(MessageActionType.SUPPRESS)
			.userAttributes(attribute("email", email), attribute("email_verified", "true")));

		assertThatExceptionOfType(AliasExistsException.class).isThrownBy(() -> this.admin.adminCreateUser((r) -> r
			.userPoolId(this.poolId)
			.username("second")
			.messageAction(MessageActionType.SUPPRESS)
			.userAttributes(attribute("email", email), attribute("email_verified", "true"))));

		this.admin.adminCreateUser((r) -> r.userPoolId(this.poolId)
			.username("second")
			.messageAction(MessageActionType.SUPPRESS)
			.forceAliasCreation(true)
			.userAttributes(attribute("email", email), attribute("email_verified", "true")));

		assertThat(this.users.findBySignInName(settings(), email).orElseThrow().username()).isEqualTo("second");
		assertThat(get("first").userAttributes()).contains(attribute("email_verified", "false"));
	}

	@Test
	void adminGetUserThenShapeAndByAliasOrSubAndUnknownIsUserNotFound() {
		String email = unique("gil") + "@example.com";
		UserType created = this.admin.adminCreateUser((r) -> r.userPoolId(this.poolId)
			.username("gil")
			.messageAction(MessageActionType.SUPPRESS)
			.userAttributes(attribute("email", email), attribute("email_verified", "true"))).user();
		String sub = attributes(created.attributes()).get("sub");

		AdminGetUserResponse byName = get("gil");

		assertThat(byName.username()).isEqualTo("gil");
		assertThat(byName.userStatus()).isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);
		assertThat(byName.enabled()).isTrue();
		assertThat(byName.userCreateDate()).isEqualTo(created.userCreateDate());
		assertThat(attributes(byName.userAttributes())).containsEntry("sub", sub).containsEntry("email", email);
		assertThat(get(email).username()).isEqualTo("gil");
		assertThat(get(sub).username()).isEqualTo("gil");
		assertThatExceptionOfType(UserNotFoundException.class).isThrownBy(() -> get("nobody"));
	}

	@Test
	void adminDisableUserThenDisabledAndEnableRestores() {
		createSuppressed("hu");

		this.admin.adminDisableUser((r) -> r.userPoolId(this.poolId).username("hu"));
		assertThat(get("hu").enabled()).isFalse();

		this.admin.adminEnableUser((r) -> r.userPoolId(this.poolId).username("hu"));
		assertThat(get("hu").enabled()).isTrue();
	}

	@Test
	void adminDeleteUserThenGone() {
		createSuppressed("ida");

		this.admin.adminDeleteUser((r) -> r.userPoolId(this.poolId).username("ida"));

		assertThatExceptionOfType(UserNotFoundException.class).isThrownBy(() -> get("ida"));
		assertThatExceptionOfType(UserNotFoundException.class)
			.isThrownBy(() -> this.admin.adminDeleteUser((r) -> r.userPoolId(this.poolId).username("ida")));
	}

	@Test
	void adminUpdateAndDeleteUserAttributesThenStored() {
		createSuppressed("jo");

		this.admin.adminUpdateUserAttributes((r) -> r.userPoolId(this.poolId)
			.username("jo")
			.userAttributes(attribute("family_name", "Jones"), attribute("nickname", "JJ")));
		assertThat(attributes(get("jo").userAttributes())).containsEntry("family_name", "Jones")
			.containsEntry("nickname", "JJ");

		this.admin.adminDeleteUserAttributes((r) -> r.userPoolId(this.poolId).username("jo").userAttributeNames("nickname"));
		assertThat(attributes(get("jo").userAttributes())).containsEntry("family_name", "Jones")
			.doesNotContainKey("nickname");

		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> this.admin.adminUpdateUserAttributes(
				(r) -> r.userPoolId(this.poolId).username("jo").userAttributes(attribute("custom:nope", "x"))));
	}

	@Test
	void adminSetUserPasswordThenPermanentConfirmsAndTemporaryForcesChange() {
		createSuppressed("kim");

		this.admin.adminSetUserPassword((r) -> r.userPoolId(this.poolId).username("kim").password(TEMPORARY).permanent(true));
		assertThat(get("kim").userStatus()).isEqualTo(UserStatusType.CONFIRMED);
		assertThat(check("kim", TEMPORARY)).isInstanceOf(PasswordCheck.Authenticated.class);

		this.admin.adminSetUserPassword((r) -> r.userPoolId(this.poolId).username("kim").password("Otter-Pebble-71"));
		assertThat(get("kim").userStatus()).isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);

		assertThatExceptionOfType(InvalidPasswordException.class).isThrownBy(() -> this.admin
			.adminSetUserPassword((r) -> r.userPoolId(this.poolId).username("kim").password("short")));
	}

	@Test
	void adminResetUserPasswordThenResetRequiredAndCodeSentToVerifiedEmail() {
		String email = unique("lu") + "@example.com";
		this.admin.adminCreateUser((r) -> r.userPoolId(this.poolId)
			.username("lu")
			.messageAction(MessageActionType.SUPPRESS)
			.userAttributes(attribute("email", email), attribute("email_verified", "true")));

		this.admin.adminResetUserPassword((r) -> r.userPoolId(this.poolId).username("lu"));

		assertThat(get("lu").userStatus()).isEqualTo(UserStatusType.RESET_REQUIRED);
		assertThat(TestOutbox.messagesTo(email)).singleElement().asString().containsPattern("code is \\d{6}");
	}

	@Test
	void adminResetUserPasswordWhenNothingVerifiedThenInvalidParameterAndStatusUnchanged() {
		this.admin.adminCreateUser((r) -> r.userPoolId(this.poolId)
			.username("max")
			.messageAction(MessageActionType.SUPPRESS)
			.userAttributes(attribute("email", unique("max") + "@example.com")));

		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> this.admin.adminResetUserPassword((r) -> r.userPoolId(this.poolId).username("max")));
		assertThat(get("max").userStatus()).isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);
	}

	@Test
	void adminConfirmSignUpThenConfirmedAndAgainNotAuthorized() {
		PoolUserSettings settings = settings();
		io.gatehouse.userpool.user.TestUsers.unconfirmed().withUsername("ned").createIn(this.users, settings);

		this.admin.adminConfirmSignUp((r) -> r.userPoolId(this.poolId).username("ned"));

		assertThat(get("ned").userStatus()).isEqualTo(UserStatusType.CONFIRMED);
		assertThatExceptionOfType(NotAuthorizedException.class)
			.isThrownBy(() -> this.admin.adminConfirmSignUp((r) -> r.userPoolId(this.poolId).username("ned")));
	}

	@Test
	void adminUserGlobalSignOutWhenUserExistsThenOkElseUserNotFound() {
		createSuppressed("ola");

		this.admin.adminUserGlobalSignOut((r) -> r.userPoolId(this.poolId).username("ola"));

		assertThatExceptionOfType(UserNotFoundException.class)
			.isThrownBy(() -> this.admin.adminUserGlobalSignOut((r) -> r.userPoolId(this.poolId).username("nobody")));
	}

	@Test
	void adminListUserAuthEventsThenTheUsersEventsNewestFirstAcrossPages() {
		UserType created = createSuppressed("pia");
		UUID sub = UUID.fromString(attributes(created.attributes()).get("sub"));
		RequestOrigin origin = new RequestOrigin("203.0.113.7", "Mozilla/5.0", "req-1");
		this.audit.record(new AuthenticationEvent(this.poolId, sub, "pia", io.gatehouse.userpool.audit.AuthEventType.SIGN_IN,
				AuditOutcome.FAILURE, "client1", List.of(ChallengeResult.password(false)), "WrongPassword", origin));
		this.audit.record(new AuthenticationEvent(this.poolId, sub, "pia", io.gatehouse.userpool.audit.AuthEventType.SIGN_IN,
				AuditOutcome.IN_PROGRESS, "client1", List.of(ChallengeResult.password(true)), null, origin));
		this.audit.record(new AuthenticationEvent(this.poolId, sub, "pia", io.gatehouse.userpool.audit.AuthEventType.SIGN_IN,
				AuditOutcome.SUCCESS, "client1", List.of(ChallengeResult.mfa(true)), null, origin));
		// Another user's event and an unknown user's event stay out of the listing.
		this.audit.record(new AuthenticationEvent(this.poolId, null, null, io.gatehouse.userpool.audit.AuthEventType.SIGN_IN,
				AuditOutcome.FAILURE, "client1", List.of(), "UnknownUser", origin));

		List<AuthEventType> events = new ArrayList<>();
		String token = null;
		do {
			String next = token;
			AdminListUserAuthEventsResponse page = this.admin.adminListUserAuthEvents(
					(r) -> r.userPoolId(this.poolId).username("pia").maxResults(2).nextToken(next));
			events.addAll(page.authEvents());
			token = page.nextToken();
		}
		while (token != null);

		assertThat(events).extracting((e) -> e.eventResponseAsString()).containsExactly("Pass", "InProgress", "Fail");
		AuthEventType failed = events.get(2);
		assertThat(failed.eventTypeAsString()).isEqualTo("SignIn");
		assertThat(failed.challengeResponses()).singleElement().satisfies((c) -> {
			assertThat(c.challengeNameAsString()).isEqualTo("Password");
			assertThat(c.challengeResponseAsString()).isEqualTo("Failure");
		});
		assertThat(failed.eventContextData().ipAddress()).isEqualTo("203.0.113.7");
		assertThat(failed.creationDate()).isNotNull();
		assertThat(events.get(0).challengeResponses().get(0).challengeNameAsString()).isEqualTo("Mfa");
	}

	@Test
	void adminCreateUserThenAuditNamesTheUserButHoldsNoPassword() {
		String requestId = this.admin.adminCreateUser((r) -> r.userPoolId(this.poolId)
			.username("quin")
			.temporaryPassword(TEMPORARY)
			.messageAction(MessageActionType.SUPPRESS)).responseMetadata().requestId();

		Map<String, Object> event = this.jdbc.sql("SELECT * FROM user_pool.audit_event WHERE request_id = :id")
			.param("id", requestId)
			.query()
			.singleRow();
		assertThat(event).containsEntry("action", "AdminCreateUser")
			.containsEntry("pool_id", this.poolId)
			.containsEntry("target", "quin")
			.containsEntry("outcome", "SUCCESS");
		String everything = this.jdbc.sql("SELECT string_agg(audit_event::text, ' ') FROM user_pool.audit_event")
			.query(String.class)
			.single();
		assertThat(everything).doesNotContain(TEMPORARY);
	}

	private UserType createSuppressed(String username) {
		return this.admin.adminCreateUser((r) -> r.userPoolId(this.poolId)
			.username(username)
			.messageAction(MessageActionType.SUPPRESS)).user();
	}

	private AdminGetUserResponse get(String username) {
		return this.admin.adminGetUser((r) -> r.userPoolId(this.poolId).username(username));
	}

	private PasswordCheck check(String username, String password) {
		return this.users.checkPassword(settings(), username, password);
	}

	private PoolUserSettings settings() {
		return this.pools.userSettings(this.poolId);
	}

	private static AttributeType attribute(String name, String value) {
		return AttributeType.builder().name(name).value(value).build();
	}

	private static Map<String, String> attributes(List<AttributeType> attributes) {
		return attributes.stream().collect(Collectors.toMap(AttributeType::name, AttributeType::value));
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
