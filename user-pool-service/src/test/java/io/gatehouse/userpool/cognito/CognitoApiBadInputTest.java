package io.gatehouse.userpool.cognito;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every operation with missing members, wrong JSON types, out-of-range values and unknown ids, plus
 * what no SDK sends (malformed JSON, unknown targets, oversized bodies): always a 400 with the AWS error
 * type in body and header, never a 500, a stack trace or a class name. Requests are correctly signed, so
 * what is refused is the input itself.
 */
@CognitoApiTest
class CognitoApiBadInputTest {

	private static final String INVALID = "InvalidParameterException";

	private static final String NOT_FOUND = "ResourceNotFoundException";

	private static final String MISSING_POOL = "local-1_Missing00";

	private static final String MISSING_CLIENT = "nosuchclient00000000000000";

	@LocalServerPort
	private int port;

	private String poolId;

	private String clientId;

	@BeforeEach
	void createPoolAndClient() {
		try (CognitoIdentityProviderClient cognito = TestAdmin.sdk(this.port)) {
			this.poolId = cognito.createUserPool(TestUserPools.any().build()).userPool().id();
			this.clientId = cognito.createUserPoolClient(TestAppClients.publicClient(this.poolId).build())
				.userPoolClient()
				.clientId();
		}
	}

	static Stream<Arguments> badRequests() {
		return Stream.of(
				// CreateUserPool
				arguments("CreateUserPool", "{}", INVALID),
				arguments("CreateUserPool", "{\"PoolName\":123}", INVALID),
				arguments("CreateUserPool", "{\"PoolName\":\"" + "x".repeat(129) + "\"}", INVALID),
				arguments("CreateUserPool", "{\"PoolName\":\"bad/name\"}", INVALID),
				arguments("CreateUserPool", "{\"PoolName\":\"p\",\"Policies\":{\"PasswordPolicy\":{\"MinimumLength\":5}}}", INVALID),
				arguments("CreateUserPool", "{\"PoolName\":\"p\",\"Policies\":{\"PasswordPolicy\":{\"MinimumLength\":100}}}", INVALID),
				arguments("CreateUserPool", "{\"PoolName\":\"p\",\"Policies\":{\"PasswordPolicy\":{\"MinimumLength\":\"8\"}}}", INVALID),
				arguments("CreateUserPool", "{\"PoolName\":\"p\",\"Policies\":{\"PasswordPolicy\":{\"RequireSymbols\":\"true\"}}}", INVALID),
				arguments("CreateUserPool", "{\"PoolName\":\"p\",\"MfaConfiguration\":\"SOMETIMES\"}", INVALID),
				arguments("CreateUserPool", "{\"PoolName\":\"p\",\"DeletionProtection\":true}", INVALID),
				arguments("CreateUserPool", "{\"PoolName\":\"p\",\"Schema\":{\"Name\":\"x\"}}", INVALID),
				arguments("CreateUserPool", "{\"PoolName\":\"p\",\"Schema\":[{\"Name\":\"tenant\",\"Required\":true}]}", INVALID),
				arguments("CreateUserPool", "{\"PoolName\":\"p\",\"Schema\":[{\"Name\":\"" + "a".repeat(21) + "\"}]}", INVALID),
				arguments("CreateUserPool", "{\"PoolName\":\"p\",\"Schema\":[{\"Name\":\"email\",\"AttributeDataType\":\"Number\"}]}", INVALID),
				arguments("CreateUserPool", "{\"PoolName\":\"p\",\"UsernameAttributes\":[\"email\"],\"AliasAttributes\":[\"email\"]}", INVALID),
				arguments("CreateUserPool", "{\"PoolName\":\"p\",\"UsernameAttributes\":[\"nickname\"]}", INVALID),
				arguments("CreateUserPool", "{\"PoolName\":\"p\",\"LambdaConfig\":{\"PreSignUp\":\"arn:aws:lambda:local-1:000000000000:function:f\"}}", INVALID),
				arguments("CreateUserPool", "{\"PoolName\":\"p\",\"NoSuchMember\":1}", INVALID),
				arguments("CreateUserPool", "{\"PoolName\":\"p\",\"SmsVerificationMessage\":\"no code here\"}", INVALID),
				arguments("CreateUserPool", "{\"PoolName\":\"p\",\"AdminCreateUserConfig\":{\"UnusedAccountValidityDays\":366}}", INVALID),
				arguments("CreateUserPool", "{\"PoolName\":\"p\",\"AccountRecoverySetting\":{\"RecoveryMechanisms\":[{\"Priority\":3,\"Name\":\"verified_email\"}]}}", INVALID),
				// DescribeUserPool
				arguments("DescribeUserPool", "{}", INVALID),
				arguments("DescribeUserPool", "{\"UserPoolId\":\"not an id\"}", INVALID),
				arguments("DescribeUserPool", "{\"UserPoolId\":[\"$POOL\"]}", INVALID),
				arguments("DescribeUserPool", "{\"UserPoolId\":\"" + MISSING_POOL + "\"}", NOT_FOUND),
				arguments("DescribeUserPool", "{\"UserPoolId\":\"$POOL\",\"Extra\":true}", INVALID),
				// UpdateUserPool
				arguments("UpdateUserPool", "{}", INVALID),
				arguments("UpdateUserPool", "{\"UserPoolId\":\"$POOL\",\"Schema\":[]}", INVALID),
				arguments("UpdateUserPool", "{\"UserPoolId\":\"$POOL\",\"UsernameConfiguration\":{\"CaseSensitive\":true}}", INVALID),
				arguments("UpdateUserPool", "{\"UserPoolId\":\"$POOL\",\"PoolName\":\"\"}", INVALID),
				arguments("UpdateUserPool", "{\"UserPoolId\":\"$POOL\",\"DeletionProtection\":\"MAYBE\"}", INVALID),
				arguments("UpdateUserPool", "{\"UserPoolId\":\"" + MISSING_POOL + "\"}", NOT_FOUND),
				// ListUserPools
				arguments("ListUserPools", "{}", INVALID),
				arguments("ListUserPools", "{\"MaxResults\":0}", INVALID),
				arguments("ListUserPools", "{\"MaxResults\":61}", INVALID),
				arguments("ListUserPools", "{\"MaxResults\":\"10\"}", INVALID),
				arguments("ListUserPools", "{\"MaxResults\":1.5}", INVALID),
				arguments("ListUserPools", "{\"MaxResults\":10,\"NextToken\":\"not-a-token\"}", INVALID),
				arguments("ListUserPools", "{\"MaxResults\":10,\"NextToken\":\"\"}", INVALID),
				// DeleteUserPool
				arguments("DeleteUserPool", "{}", INVALID),
				arguments("DeleteUserPool", "{\"UserPoolId\":\"" + MISSING_POOL + "\"}", NOT_FOUND),
				// CreateUserPoolClient
				arguments("CreateUserPoolClient", "{\"UserPoolId\":\"$POOL\"}", INVALID),
				arguments("CreateUserPoolClient", "{\"ClientName\":\"c\"}", INVALID),
				arguments("CreateUserPoolClient", "{\"UserPoolId\":\"" + MISSING_POOL + "\",\"ClientName\":\"c\"}", NOT_FOUND),
				arguments("CreateUserPoolClient", "{\"UserPoolId\":\"$POOL\",\"ClientName\":\"c\",\"GenerateSecret\":\"yes\"}", INVALID),
				arguments("CreateUserPoolClient", "{\"UserPoolId\":\"$POOL\",\"ClientName\":\"c\",\"ClientSecret\":\"short\",\"GenerateSecret\":true}", INVALID),
				arguments("CreateUserPoolClient", "{\"UserPoolId\":\"$POOL\",\"ClientName\":\"c\",\"RefreshTokenValidity\":315360001}", INVALID),
				arguments("CreateUserPoolClient", "{\"UserPoolId\":\"$POOL\",\"ClientName\":\"c\",\"AccessTokenValidity\":0}", INVALID),
				arguments("CreateUserPoolClient", "{\"UserPoolId\":\"$POOL\",\"ClientName\":\"c\",\"AccessTokenValidity\":2,\"TokenValidityUnits\":{\"AccessToken\":\"minutes\"}}", INVALID),
				arguments("CreateUserPoolClient", "{\"UserPoolId\":\"$POOL\",\"ClientName\":\"c\",\"RefreshTokenValidity\":3651}", INVALID),
				arguments("CreateUserPoolClient", "{\"UserPoolId\":\"$POOL\",\"ClientName\":\"c\",\"TokenValidityUnits\":{\"AccessToken\":\"weeks\"}}", INVALID),
				arguments("CreateUserPoolClient", "{\"UserPoolId\":\"$POOL\",\"ClientName\":\"c\",\"AuthSessionValidity\":16}", INVALID),
				arguments("CreateUserPoolClient", "{\"UserPoolId\":\"$POOL\",\"ClientName\":\"c\",\"CallbackURLs\":\"https://app.example/cb\"}", INVALID),
				arguments("CreateUserPoolClient", "{\"UserPoolId\":\"$POOL\",\"ClientName\":\"c\",\"ExplicitAuthFlows\":[\"ALLOW_USER_SRP_AUTH\",\"USER_PASSWORD_AUTH\"]}", INVALID),
				arguments("CreateUserPoolClient", "{\"UserPoolId\":\"$POOL\",\"ClientName\":\"c\",\"SupportedIdentityProviders\":[\"Google\"]}", INVALID),
				arguments("CreateUserPoolClient", "{\"UserPoolId\":\"$POOL\",\"ClientName\":\"c\",\"AllowedOAuthFlowsUserPoolClient\":true}", INVALID),
				arguments("CreateUserPoolClient", "{\"UserPoolId\":\"$POOL\",\"ClientName\":\"c\",\"AllowedOAuthFlowsUserPoolClient\":true,\"AllowedOAuthFlows\":[\"implicit\"],\"AllowedOAuthScopes\":[\"openid\"],\"CallbackURLs\":[\"https://app.example/cb\"]}", "InvalidOAuthFlowException"),
				arguments("CreateUserPoolClient", "{\"UserPoolId\":\"$POOL\",\"ClientName\":\"c\",\"AllowedOAuthFlowsUserPoolClient\":true,\"AllowedOAuthFlows\":[\"code\",\"client_credentials\"],\"AllowedOAuthScopes\":[\"rs/read\"],\"CallbackURLs\":[\"https://app.example/cb\"],\"GenerateSecret\":true}", "InvalidOAuthFlowException"),
				arguments("CreateUserPoolClient", "{\"UserPoolId\":\"$POOL\",\"ClientName\":\"c\",\"AllowedOAuthFlowsUserPoolClient\":true,\"AllowedOAuthFlows\":[\"code\"],\"AllowedOAuthScopes\":[\"made-up\"],\"CallbackURLs\":[\"https://app.example/cb\"]}", "ScopeDoesNotExistException"),
				// DescribeUserPoolClient
				arguments("DescribeUserPoolClient", "{\"UserPoolId\":\"$POOL\"}", INVALID),
				arguments("DescribeUserPoolClient", "{\"UserPoolId\":\"$POOL\",\"ClientId\":\"bad id!\"}", INVALID),
				arguments("DescribeUserPoolClient", "{\"UserPoolId\":\"$POOL\",\"ClientId\":\"" + MISSING_CLIENT + "\"}", NOT_FOUND),
				arguments("DescribeUserPoolClient", "{\"UserPoolId\":\"" + MISSING_POOL + "\",\"ClientId\":\"$CLIENT\"}", NOT_FOUND),
				// UpdateUserPoolClient
				arguments("UpdateUserPoolClient", "{\"UserPoolId\":\"$POOL\"}", INVALID),
				arguments("UpdateUserPoolClient", "{\"UserPoolId\":\"$POOL\",\"ClientId\":\"$CLIENT\",\"GenerateSecret\":true}", INVALID),
				arguments("UpdateUserPoolClient", "{\"UserPoolId\":\"$POOL\",\"ClientId\":\"$CLIENT\",\"IdTokenValidity\":86401}", INVALID),
				arguments("UpdateUserPoolClient", "{\"UserPoolId\":\"$POOL\",\"ClientId\":\"$CLIENT\",\"DefaultRedirectURI\":\"https://not-listed.example\"}", INVALID),
				arguments("UpdateUserPoolClient", "{\"UserPoolId\":\"$POOL\",\"ClientId\":\"" + MISSING_CLIENT + "\"}", NOT_FOUND),
				// ListUserPoolClients
				arguments("ListUserPoolClients", "{}", INVALID),
				arguments("ListUserPoolClients", "{\"UserPoolId\":\"$POOL\",\"MaxResults\":0}", INVALID),
				arguments("ListUserPoolClients", "{\"UserPoolId\":\"$POOL\",\"MaxResults\":61}", INVALID),
				arguments("ListUserPoolClients", "{\"UserPoolId\":\"$POOL\",\"NextToken\":\"bm9wZQ\"}", INVALID),
				arguments("ListUserPoolClients", "{\"UserPoolId\":\"" + MISSING_POOL + "\"}", NOT_FOUND),
				// DeleteUserPoolClient
				arguments("DeleteUserPoolClient", "{\"UserPoolId\":\"$POOL\"}", INVALID),
				arguments("DeleteUserPoolClient", "{\"UserPoolId\":\"$POOL\",\"ClientId\":\"" + MISSING_CLIENT + "\"}", NOT_FOUND),
				// Not JSON the protocol allows
				arguments("CreateUserPool", "{\"PoolName\":", INVALID),
				arguments("CreateUserPool", "{\"PoolName\":\"a\"} {}", INVALID),
				arguments("CreateUserPool", "{\"PoolName\":\"p\"}garbage", INVALID),
				arguments("CreateUserPool", "{\"PoolName\":\"a\",\"PoolName\":\"b\"}", INVALID),
				arguments("CreateUserPool", "[]", INVALID),
				arguments("CreateUserPool", "\"PoolName\"", INVALID),
				arguments("CreateUserPool", "{\"PoolName\":\"p\",\"Policies\":" + "{\"a\":".repeat(100) + "1" + "}".repeat(101), INVALID));
	}

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@MethodSource("badRequests")
	void operationWhenInputIsBadThenAwsErrorWithoutInternals(String operation, String body, String expectedType) {
		CognitoHttp.Response response = new CognitoHttp(this.port).call(operation,
				body.replace("$POOL", this.poolId).replace("$CLIENT", this.clientId));

		assertRefused(response, expectedType);
	}

	@Test
	void postWhenTargetUnknownThenUnknownOperation() {
		assertRefused(new CognitoHttp(this.port).call("DoesNotExist", "{}"), "UnknownOperationException");
		assertRefused(new CognitoHttp(this.port).send("AWSCognitoIdentityService.GetId", "{}".getBytes(StandardCharsets.UTF_8)),
				"UnknownOperationException");
		assertRefused(new CognitoHttp(this.port).send(null, "{}".getBytes(StandardCharsets.UTF_8)),
				"UnknownOperationException");
	}

	@Test
	void createUserPoolWhenBodyLargerThanTheLimitThenInvalidParameterAndNothingCreated() {
		String body = "{\"PoolName\":\"big\",\"EmailVerificationMessage\":\"" + "x{####}".repeat(10_000) + "\"}";

		assertRefused(new CognitoHttp(this.port).call("CreateUserPool", body), INVALID);
	}

	@Test
	void createUserPoolWhenContentTypeIsNotAmzJsonThenInvalidParameter() {
		assertRefused(new CognitoHttp(this.port).contentType("application/json").call("CreateUserPool", "{\"PoolName\":\"p\"}"),
				INVALID);
		assertRefused(new CognitoHttp(this.port).contentType(null).call("CreateUserPool", "{\"PoolName\":\"p\"}"), INVALID);
	}

	@Test
	void createUserPoolWhenValueOutOfRangeThenMessageNamesTheMemberAndConstraint() {
		CognitoHttp.Response response = new CognitoHttp(this.port).call("CreateUserPool",
				"{\"PoolName\":\"p\",\"Policies\":{\"PasswordPolicy\":{\"MinimumLength\":5}}}");

		assertThat(response.message()).contains("policies.passwordPolicy.minimumLength")
			.contains("greater than or equal to 6");
	}

	@Test
	void createUserPoolWhenBodyHasTrailingContentThenInvalidJson() {
		CognitoHttp.Response response = new CognitoHttp(this.port).call("CreateUserPool", "{\"PoolName\":\"a\"} {}");

		assertThat(response.message()).isEqualTo("The request body is not valid JSON.");
	}

	@Test
	void createUserPoolWhenEnumValueUnknownThenMessageListsTheValues() {
		CognitoHttp.Response response = new CognitoHttp(this.port).call("CreateUserPool",
				"{\"PoolName\":\"p\",\"MfaConfiguration\":\"SOMETIMES\"}");

		assertThat(response.message()).contains("mfaConfiguration").contains("[OFF, ON, OPTIONAL]");
	}

	private static void assertRefused(CognitoHttp.Response response, String expectedType) {
		assertThat(response.status()).as(response.raw()).isEqualTo(400);
		assertThat(response.type()).as(response.raw()).isEqualTo(expectedType);
		assertThat(response.errorTypeHeader()).isEqualTo(expectedType);
		assertThat(response.message()).isNotBlank();
		assertThat(response.body().propertyNames()).containsExactlyInAnyOrder("__type", "message");
		assertThat(response.raw()).doesNotContain("java.", "jackson", "springframework", "io.gatehouse", "hibernate",
				"\tat ", "Exception:", "SQL");
	}

}
