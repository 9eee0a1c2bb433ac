package io.gatehouse.userpool.cognito;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.gatehouse.userpool.cognito.TestUserApi.PASSWORD;
import static io.gatehouse.userpool.cognito.TestUserApi.attribute;
import static io.gatehouse.userpool.cognito.TestUserApi.attributes;
import static io.gatehouse.userpool.cognito.TestUserApi.claims;
import static io.gatehouse.userpool.cognito.TestUserApi.latestCode;
import static io.gatehouse.userpool.cognito.TestUserApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * UpdateUserAttributes of {@code phone_number} in a pool whose {@code UserAttributeUpdateSettings} require
 * verification before the update: the code goes by SMS (to the development outbox) to the new number, and
 * until VerifyUserAttribute confirms it the old number stays in effect, with its {@code phone_number_verified}.
 */
@CognitoApiTest
class PhoneNumberUpdateTest {

	@LocalServerPort
	private int port;

	private CognitoIdentityProviderClient admin;

	private CognitoIdentityProviderClient app;

	private String poolId;

	private String clientId;

	@BeforeEach
	void createPoolAndClient() {
		this.admin = TestAdmin.sdk(this.port);
		this.app = TestUserApi.anonymous(this.port);
		this.poolId = this.admin.createUserPool(TestUserPools.any()
			.build()
			.toBuilder()
			.autoVerifiedAttributes(VerifiedAttributeType.PHONE_NUMBER)
			.userAttributeUpdateSettings((settings) -> settings
				.attributesRequireVerificationBeforeUpdateWithStrings("phone_number"))
			.build()).userPool().id();
		this.clientId = this.admin.createUserPoolClient(TestAppClients.publicClient(this.poolId)
			.build()
			.toBuilder()
			.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
					ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
			.build()).userPoolClient().clientId();
	}

	@AfterEach
	void close() {
		this.app.close();
		this.admin.close();
	}

	@Test
	void updateUserAttributesWhenPhoneNumberMustBeVerifiedFirstThenTheOldNumberStaysUntilTheSmsCodeIsVerified() {
		String username = unique("pat");
		String oldPhone = phoneNumber();
		SignUpResponse signedUp = this.app.signUp((r) -> r.clientId(this.clientId)
			.username(username)
			.password(PASSWORD)
			.userAttributes(attribute("phone_number", oldPhone)));
		assertThat(signedUp.codeDeliveryDetails().deliveryMedium()).isEqualTo(DeliveryMediumType.SMS);
		this.app.confirmSignUp((r) -> r.clientId(this.clientId).username(username).confirmationCode(latestCode(oldPhone)));
		AuthenticationResultType tokens = signIn(username);
		assertThat(attributes(this.app.getUser((r) -> r.accessToken(tokens.accessToken())).userAttributes()))
			.containsEntry("phone_number", oldPhone)
			.containsEntry("phone_number_verified", "true");

		String newPhone = phoneNumber();
		List<CodeDeliveryDetailsType> sent = this.app.updateUserAttributes((r) -> r.accessToken(tokens.accessToken())
			.userAttributes(attribute("phone_number", newPhone), attribute("given_name", "Pat")))
			.codeDeliveryDetailsList();

		assertThat(sent).singleElement().satisfies((details) -> {
			assertThat(details.attributeName()).isEqualTo("phone_number");
			assertThat(details.deliveryMedium()).isEqualTo(DeliveryMediumType.SMS);
			assertThat(details.destination()).isEqualTo("+*******" + newPhone.substring(newPhone.length() - 4));
		});
		String code = latestCode(newPhone);
		assertThat(attributes(this.app.getUser((r) -> r.accessToken(tokens.accessToken())).userAttributes()))
			.as("the old number, still verified, until the new one is")
			.containsEntry("given_name", "Pat")
			.containsEntry("phone_number", oldPhone)
			.containsEntry("phone_number_verified", "true");
		AuthenticationResultType refreshed = this.app.getTokensFromRefreshToken((r) -> r.clientId(this.clientId)
			.refreshToken(tokens.refreshToken())).authenticationResult();
		assertThat(claims(refreshed.idToken()).path("phone_number").asString()).isEqualTo(oldPhone);
		assertThat(claims(refreshed.idToken()).path("phone_number_verified").asBoolean()).isTrue();

		assertThatExceptionOfType(CodeMismatchException.class).isThrownBy(() -> this.app.verifyUserAttribute((r) -> r
			.accessToken(tokens.accessToken())
			.attributeName("phone_number")
			.code(wrong(code))));
		assertThat(attributes(this.app.getUser((r) -> r.accessToken(tokens.accessToken())).userAttributes()))
			.containsEntry("phone_number", oldPhone);

		this.app.verifyUserAttribute((r) -> r.accessToken(tokens.accessToken()).attributeName("phone_number").code(code));

		assertThat(attributes(this.app.getUser((r) -> r.accessToken(tokens.accessToken())).userAttributes()))
			.containsEntry("phone_number", newPhone)
			.containsEntry("phone_number_verified", "true");
		AuthenticationResultType after = this.app.getTokensFromRefreshToken((r) -> r.clientId(this.clientId)
			.refreshToken(refreshed.refreshToken())).authenticationResult();
		assertThat(claims(after.idToken()).path("phone_number").asString()).isEqualTo(newPhone);
	}

	@Test
	void updateUserAttributesWhenOldPhoneNumberWasUnverifiedThenItStaysUnverifiedUntilTheNewOneIsVerified() {
		String username = unique("quin");
		String oldPhone = phoneNumber();
		this.admin.adminCreateUser((r) -> r.userPoolId(this.poolId)
			.username(username)
			.messageAction(MessageActionType.SUPPRESS)
			.userAttributes(attribute("phone_number", oldPhone)));
		this.admin.adminSetUserPassword((r) -> r.userPoolId(this.poolId).username(username).password(PASSWORD).permanent(true));
		AuthenticationResultType tokens = signIn(username);
		assertThat(attributes(this.app.getUser((r) -> r.accessToken(tokens.accessToken())).userAttributes()))
			.containsEntry("phone_number", oldPhone)
			.doesNotContainEntry("phone_number_verified", "true");

		String newPhone = phoneNumber();
		this.app.updateUserAttributes((r) -> r.accessToken(tokens.accessToken())
			.userAttributes(attribute("phone_number", newPhone)));

		assertThat(attributes(this.app.getUser((r) -> r.accessToken(tokens.accessToken())).userAttributes()))
			.containsEntry("phone_number", oldPhone)
			.doesNotContainEntry("phone_number_verified", "true");

		// A fresh code for the pending number goes to the new number too, and verifies it.
		CodeDeliveryDetailsType resent = this.app.getUserAttributeVerificationCode((r) -> r
			.accessToken(tokens.accessToken())
			.attributeName("phone_number")).codeDeliveryDetails();
		assertThat(resent.deliveryMedium()).isEqualTo(DeliveryMediumType.SMS);
		assertThat(resent.destination()).endsWith(newPhone.substring(newPhone.length() - 4));
		this.app.verifyUserAttribute((r) -> r.accessToken(tokens.accessToken())
			.attributeName("phone_number")
			.code(latestCode(newPhone)));

		assertThat(attributes(this.app.getUser((r) -> r.accessToken(tokens.accessToken())).userAttributes()))
			.containsEntry("phone_number", newPhone)
			.containsEntry("phone_number_verified", "true");
	}

	@Test
	void updateUserAttributesWhenPhoneNumberIsAnAliasThenTheOldNumberSignsInUntilTheNewOneIsVerified() {
		String aliasPool = phoneAliasPool();
		String aliasClient = passwordClient(aliasPool);
		String oldPhone = phoneNumber();
		String username = userWithVerifiedPhone(aliasPool, oldPhone);
		AuthenticationResultType tokens = signIn(aliasClient, oldPhone);

		String newPhone = phoneNumber();
		this.app.updateUserAttributes((r) -> r.accessToken(tokens.accessToken())
			.userAttributes(attribute("phone_number", newPhone)));

		assertThat(signIn(aliasClient, oldPhone).accessToken()).as("the old number still signs in").isNotBlank();
		assertThatExceptionOfType(NotAuthorizedException.class).isThrownBy(() -> signIn(aliasClient, newPhone));

		this.app.verifyUserAttribute((r) -> r.accessToken(tokens.accessToken())
			.attributeName("phone_number")
			.code(latestCode(newPhone)));

		assertThat(claims(signIn(aliasClient, newPhone).idToken()).path("cognito:username").asString())
			.isEqualTo(username);
		assertThatExceptionOfType(NotAuthorizedException.class).isThrownBy(() -> signIn(aliasClient, oldPhone));
	}

	@Test
	void verifyUserAttributeWhenThePendingNumberIsAnotherUsersAliasThenAliasExistsAndNothingChanges() {
		String aliasPool = phoneAliasPool();
		String aliasClient = passwordClient(aliasPool);
		String takenPhone = phoneNumber();
		String owner = userWithVerifiedPhone(aliasPool, takenPhone);
		String ownPhone = phoneNumber();
		userWithVerifiedPhone(aliasPool, ownPhone);
		AuthenticationResultType tokens = signIn(aliasClient, ownPhone);

		this.app.updateUserAttributes((r) -> r.accessToken(tokens.accessToken())
			.userAttributes(attribute("phone_number", takenPhone)));
		String code = latestCode(takenPhone);

		assertThatExceptionOfType(AliasExistsException.class).isThrownBy(() -> this.app.verifyUserAttribute((r) -> r
			.accessToken(tokens.accessToken())
			.attributeName("phone_number")
			.code(code)));

		assertThat(attributes(this.app.getUser((r) -> r.accessToken(tokens.accessToken())).userAttributes()))
			.as("the change did not take effect, not even unverified")
			.containsEntry("phone_number", ownPhone)
			.containsEntry("phone_number_verified", "true");
		assertThat(signIn(aliasClient, ownPhone).accessToken()).isNotBlank();
		assertThat(claims(signIn(aliasClient, takenPhone).idToken()).path("cognito:username").asString())
			.isEqualTo(owner);
	}

	private String phoneAliasPool() {
		return this.admin.createUserPool(TestUserPools.named("phone-alias")
			.build()
			.toBuilder()
			.aliasAttributes(AliasAttributeType.PHONE_NUMBER)
			.autoVerifiedAttributes(VerifiedAttributeType.PHONE_NUMBER)
			.userAttributeUpdateSettings((settings) -> settings
				.attributesRequireVerificationBeforeUpdateWithStrings("phone_number"))
			.build()).userPool().id();
	}

	private String passwordClient(String poolId) {
		return this.admin.createUserPoolClient(TestAppClients.publicClient(poolId)
			.build()
			.toBuilder()
			.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
					ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
			.build()).userPoolClient().clientId();
	}

	/** A confirmed user (permanent password) whose verified phone number is a sign-in alias. */
	private String userWithVerifiedPhone(String poolId, String phone) {
		String username = unique("alias");
		this.admin.adminCreateUser((r) -> r.userPoolId(poolId)
			.username(username)
			.messageAction(MessageActionType.SUPPRESS)
			.userAttributes(attribute("phone_number", phone), attribute("phone_number_verified", "true")));
		this.admin.adminSetUserPassword((r) -> r.userPoolId(poolId).username(username).password(PASSWORD).permanent(true));
		return username;
	}

	private AuthenticationResultType signIn(String clientId, String name) {
		return this.app.initiateAuth((r) -> r.clientId(clientId)
			.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
			.authParameters(Map.of("USERNAME", name, "PASSWORD", PASSWORD))).authenticationResult();
	}

	private AuthenticationResultType signIn(String username) {
		return this.app.initiateAuth((r) -> r.clientId(this.clientId)
			.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
			.authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD))).authenticationResult();
	}

	/** A number no other test uses, so that the outbox has only this test's messages to it. */
	private static String phoneNumber() {
		return "+1555" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
	}

	private static String wrong(String code) {
		return (code.charAt(0) == '9' ? "1" : "9") + code.substring(1);
	}

}
