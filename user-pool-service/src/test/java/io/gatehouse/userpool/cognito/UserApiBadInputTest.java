package io.gatehouse.userpool.cognito;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the user API, called as no SDK would: members missing, of the wrong type, oversized, an
 * unknown client, a caller who is not allowed. Each answer is the AWS error type with status 400 and a body
 * that gives nothing away.
 */
@CognitoApiTest
class UserApiBadInputTest {

	/** The client-keyed operations, each with a body that is otherwise valid. */
	private static final Map<String, String> CLIENT_OPERATIONS = Map.of(
			"SignUp", "\"Username\":\"u1\",\"Password\":\"Correct-Horse-Battery-7\"",
			"ConfirmSignUp", "\"Username\":\"u1\",\"ConfirmationCode\":\"123456\"",
			"ResendConfirmationCode", "\"Username\":\"u1\"",
			"ForgotPassword", "\"Username\":\"u1\"",
			"ConfirmForgotPassword", "\"Username\":\"u1\",\"ConfirmationCode\":\"123456\",\"Password\":\"Correct-Horse-Battery-7\"",
			"InitiateAuth", "\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"AuthParameters\":{\"USERNAME\":\"u1\",\"PASSWORD\":\"x\"}",
			"RespondToAuthChallenge", "\"ChallengeName\":\"NEW_PASSWORD_REQUIRED\",\"Session\":\"" + "s".repeat(40)
					+ "\",\"ChallengeResponses\":{\"USERNAME\":\"u1\",\"NEW_PASSWORD\":\"Correct-Horse-Battery-7\"}",
			"GetTokensFromRefreshToken", "\"RefreshToken\":\"abc\"",
			"RevokeToken", "\"Token\":\"abc\"");

	/** The access-token operations, each with the other members it needs. */
	private static final Map<String, String> TOKEN_OPERATIONS = Map.of("GetUser", "",
			"UpdateUserAttributes", "\"UserAttributes\":[{\"Name\":\"given_name\",\"Value\":\"A\"}]",
			"DeleteUserAttributes", "\"UserAttributeNames\":[\"given_name\"]",
			"GetUserAttributeVerificationCode", "\"AttributeName\":\"email\"",
			"VerifyUserAttribute", "\"AttributeName\":\"email\",\"Code\":\"123456\"",
			"ChangePassword", "\"PreviousPassword\":\"a\",\"ProposedPassword\":\"b\"", "DeleteUser", "",
			"GlobalSignOut", "");

	private static final List<String> ADMIN_OPERATIONS = List.of("AdminInitiateAuth", "AdminRespondToAuthChallenge");

	@LocalServerPort
	private int port;

	private String poolId;

	private String clientId;

	private String secretClientId;

	@BeforeEach
	void client() {
		try (CognitoIdentityProviderClient admin = TestAdmin.sdk(this.port)) {
			String poolId = admin.createUserPool(TestUserPools.any().build()).userPool().id();
			this.poolId = poolId;
			this.clientId = admin.createUserPoolClient(TestAppClients.publicClient(poolId)
				.build()
				.toBuilder()
				.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
				.build()).userPoolClient().clientId();
			this.secretClientId = admin.createUserPoolClient(TestAppClients.confidential(poolId)
				.build()
				.toBuilder()
				.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH)
				.build()).userPoolClient().clientId();
		}
	}

	@Test
	void clientOperationsWhenClientIdMissingWrongTypeOversizedOrUnknownThenAwsErrors() {
		CognitoHttp http = new CognitoHttp(this.port).unsigned();
		CLIENT_OPERATIONS.forEach((operation, rest) -> {
			assertError(operation + " without ClientId", http.call(operation, "{" + rest + "}"), "InvalidParameterException");
			assertError(operation + " with a numeric ClientId", http.call(operation, "{\"ClientId\":42," + rest + "}"),
					"InvalidParameterException");
			assertError(operation + " with an oversized ClientId",
					http.call(operation, "{\"ClientId\":\"" + "a".repeat(200) + "\"," + rest + "}"),
					"InvalidParameterException");
			assertError(operation + " with an unknown client",
					http.call(operation, "{\"ClientId\":\"nosuchclient0000000000000\"," + rest + "}"),
					"ResourceNotFoundException");
			assertError(operation + " with an unknown member",
					http.call(operation, "{\"ClientId\":\"" + this.clientId + "\"," + rest + ",\"Surprise\":1}"),
					"InvalidParameterException");
			assertError(operation + " with a body that is not JSON", http.call(operation, "{\"ClientId\":"),
					"InvalidParameterException");
			assertError(operation + " with an oversized body",
					http.call(operation, "{\"ClientId\":\"" + this.clientId + "\",\"Username\":\"" + "x".repeat(70_000) + "\"}"),
					"InvalidParameterException");
		});
	}

	@Test
	void clientOperationsOfAConfidentialClientWithoutSecretHashAreNotAuthorized() {
		CognitoHttp http = new CognitoHttp(this.port).unsigned();
		CLIENT_OPERATIONS.forEach((operation, rest) -> assertError(operation + " without SecretHash",
				http.call(operation, "{\"ClientId\":\"" + this.secretClientId + "\"," + rest + "}"),
				"NotAuthorizedException"));
	}

	@Test
	void clientOperationsWithWrongMemberTypesAreInvalidParameters() {
		CognitoHttp http = new CognitoHttp(this.port).unsigned();
		String client = "\"ClientId\":\"" + this.clientId + "\"";
		assertError("SignUp Username number", http.call("SignUp", "{" + client + ",\"Username\":1,\"Password\":\"x\"}"),
				"InvalidParameterException");
		assertError("SignUp attributes not a list", http.call("SignUp",
				"{" + client + ",\"Username\":\"a\",\"Password\":\"x\",\"UserAttributes\":{}}"), "InvalidParameterException");
		assertError("SignUp password oversized", http.call("SignUp",
				"{" + client + ",\"Username\":\"a\",\"Password\":\"" + "p".repeat(300) + "\"}"), "InvalidParameterException");
		assertError("InitiateAuth unknown flow", http.call("InitiateAuth", "{" + client + ",\"AuthFlow\":\"MAGIC\"}"),
				"InvalidParameterException");
		assertError("InitiateAuth parameters not a map", http.call("InitiateAuth",
				"{" + client + ",\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"AuthParameters\":[1]}"), "InvalidParameterException");
		assertError("InitiateAuth parameter not a string", http.call("InitiateAuth",
				"{" + client + ",\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"AuthParameters\":{\"USERNAME\":1}}"),
				"InvalidParameterException");
		assertError("RespondToAuthChallenge unknown challenge", http.call("RespondToAuthChallenge",
				"{" + client + ",\"ChallengeName\":\"PICK_A_CARD\",\"Session\":\"" + "s".repeat(40) + "\"}"),
				"InvalidParameterException");
		assertError("RespondToAuthChallenge unknown session", http.call("RespondToAuthChallenge", "{" + client
				+ ",\"ChallengeName\":\"NEW_PASSWORD_REQUIRED\",\"Session\":\"" + "s".repeat(40) + "\"}"),
				"NotAuthorizedException");
		assertError("ConfirmSignUp code with spaces", http.call("ConfirmSignUp",
				"{" + client + ",\"Username\":\"a\",\"ConfirmationCode\":\"1 2\"}"), "InvalidParameterException");
		assertError("GetTokensFromRefreshToken unknown token",
				http.call("GetTokensFromRefreshToken", "{" + client + ",\"RefreshToken\":\"abc\"}"), "NotAuthorizedException");
		assertError("RevokeToken JWT", http.call("RevokeToken", "{" + client + ",\"Token\":\"a.b.c\"}"),
				"UnsupportedTokenTypeException");
	}

	@Test
	void accessTokenOperationsWhenTokenMissingWrongTypeOversizedOrInvalidThenAwsErrors() {
		CognitoHttp http = new CognitoHttp(this.port).unsigned();
		TOKEN_OPERATIONS.forEach((operation, rest) -> {
			String more = rest.isEmpty() ? "" : "," + rest;
			assertError(operation + " without AccessToken", http.call(operation, "{" + rest + "}"),
					"InvalidParameterException");
			assertError(operation + " with a numeric AccessToken", http.call(operation, "{\"AccessToken\":7" + more + "}"),
					"InvalidParameterException");
			assertError(operation + " with an oversized AccessToken",
					http.call(operation, "{\"AccessToken\":\"" + "a".repeat(20_000) + "\"" + more + "}"),
					"InvalidParameterException");
			assertError(operation + " with a token that is not one",
					http.call(operation, "{\"AccessToken\":\"aaa.bbb.ccc\"" + more + "}"), "NotAuthorizedException");
			// Signed admin credentials are no substitute for the user's token.
			assertError(operation + " signed by the admin without a token",
					new CognitoHttp(this.port).call(operation, "{" + rest + "}"), "InvalidParameterException");
		});
	}

	@Test
	void adminSignInOperationsRefuseUnsignedCallersAndBadInput() {
		CognitoHttp unsigned = new CognitoHttp(this.port).unsigned();
		CognitoHttp signed = new CognitoHttp(this.port);
		for (String operation : ADMIN_OPERATIONS) {
			assertError(operation + " unsigned", unsigned.call(operation, "{}"), "MissingAuthenticationTokenException");
			assertError(operation + " without pool", signed.call(operation, "{\"ClientId\":\"" + this.clientId + "\"}"),
					"InvalidParameterException");
			assertError(operation + " unknown client", signed.call(operation,
					"{\"UserPoolId\":\"local-1_nosuchpool\",\"ClientId\":\"" + this.clientId + "\"}"),
					"ResourceNotFoundException");
		}
		assertError("AdminInitiateAuth with a user flow", signed.call("AdminInitiateAuth", "{\"UserPoolId\":\""
				+ this.poolId + "\",\"ClientId\":\"" + this.clientId + "\",\"AuthFlow\":\"USER_PASSWORD_AUTH\"}"),
				"InvalidParameterException");
		assertError("AdminInitiateAuth flow not enabled", signed.call("AdminInitiateAuth", "{\"UserPoolId\":\""
				+ this.poolId + "\",\"ClientId\":\"" + this.clientId + "\",\"AuthFlow\":\"ADMIN_USER_PASSWORD_AUTH\","
				+ "\"AuthParameters\":{\"USERNAME\":\"a\",\"PASSWORD\":\"b\"}}"), "InvalidParameterException");
		assertError("AdminInitiateAuth ContextData not an object", signed.call("AdminInitiateAuth", "{\"UserPoolId\":\""
				+ this.poolId + "\",\"ClientId\":\"" + this.clientId + "\",\"AuthFlow\":\"ADMIN_USER_PASSWORD_AUTH\","
				+ "\"ContextData\":\"x\"}"), "InvalidParameterException");
	}

	private static void assertError(String what, CognitoHttp.Response response, String type) {
		assertThat(response.status()).as(what + ": " + response.raw()).isEqualTo(400);
		assertThat(response.type()).as(what + ": " + response.raw()).isEqualTo(type);
		assertThat(response.errorTypeHeader()).as(what).isEqualTo(type);
		assertThat(response.raw()).as(what).doesNotContain("Exception:").doesNotContain("at io.gatehouse")
			.doesNotContain("java.").doesNotContain("SQL");
	}

}
