package io.gatehouse.identitypool.cognito;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.gatehouse.identitypool.GatehouseTest;
import io.gatehouse.identitypool.TestGatehouse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityException;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityProvider;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentity.model.DescribeIdentityPoolResponse;
import software.amazon.awssdk.services.cognitoidentity.model.GetPrincipalTagAttributeMapResponse;
import software.amazon.awssdk.services.cognitoidentity.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentity.model.ResourceNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/** Identity pool management and the JSON 1.1 door itself, through the SDK's CognitoIdentity client. */
@GatehouseTest
class CognitoApiTest {

	@LocalServerPort
	int port;

	CognitoIdentityClient cognito;

	String userPool;

	@BeforeEach
	void client() {
		this.cognito = TestGatehouse.cognito(this.port);
		this.userPool = TestGatehouse.unique("mgmt");
	}

	@Test
	void identityPoolLifecycleAndIdentities() {
		String name = TestGatehouse.unique("lifecycle");
		String poolId = this.cognito.createIdentityPool((r) -> r.identityPoolName(name)
			.allowUnauthenticatedIdentities(true)
			.cognitoIdentityProviders(CognitoIdentityProvider.builder()
				.providerName(TestGatehouse.providerName(this.userPool))
				.clientId("mgmt-client")
				.build())
			.identityPoolTags(Map.of("team", "identity"))).identityPoolId();
		assertThat(poolId).matches("local-1:[0-9a-f-]{36}");

		DescribeIdentityPoolResponse described = this.cognito.describeIdentityPool((r) -> r.identityPoolId(poolId));
		assertThat(described.identityPoolName()).isEqualTo(name);
		assertThat(described.allowUnauthenticatedIdentities()).isTrue();
		assertThat(described.cognitoIdentityProviders()).singleElement()
			.satisfies((p) -> assertThat(p.clientId()).isEqualTo("mgmt-client"));
		assertThat(described.identityPoolTags()).containsEntry("team", "identity");

		this.cognito.updateIdentityPool((r) -> r.identityPoolId(poolId).identityPoolName(name + "x")
			.allowUnauthenticatedIdentities(true)
			.cognitoIdentityProviders(described.cognitoIdentityProviders()));
		assertThat(this.cognito.listIdentityPools((r) -> r.maxResults(60)).identityPools())
			.anySatisfy((p) -> assertThat(p.identityPoolName()).isEqualTo(name + "x"));

		String provider = TestGatehouse.providerName(this.userPool);
		this.cognito.setPrincipalTagAttributeMap((r) -> r.identityPoolId(poolId).identityProviderName(provider)
			.principalTags(Map.of("department", "custom:department")));
		GetPrincipalTagAttributeMapResponse tags = this.cognito
			.getPrincipalTagAttributeMap((r) -> r.identityPoolId(poolId).identityProviderName(provider));
		assertThat(tags.principalTags()).containsEntry("department", "custom:department");

		CognitoIdentityClient app = TestGatehouse.anonymousCognito(this.port);
		String guest = app.getId((r) -> r.identityPoolId(poolId)).identityId();
		assertThat(this.cognito.listIdentities((r) -> r.identityPoolId(poolId).maxResults(10)).identities())
			.anySatisfy((i) -> assertThat(i.identityId()).isEqualTo(guest));
		assertThat(this.cognito.describeIdentity((r) -> r.identityId(guest)).logins()).isEmpty();
		assertThat(this.cognito.deleteIdentities((r) -> r.identityIdsToDelete(guest, "local-1:00000000-0000-0000-0000-00000000dead"))
			.unprocessedIdentityIds()).singleElement().satisfies((u) -> assertThat(u.identityId()).endsWith("dead"));
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> this.cognito.describeIdentity((r) -> r.identityId(guest)));

		this.cognito.deleteIdentityPool((r) -> r.identityPoolId(poolId));
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> this.cognito.describeIdentityPool((r) -> r.identityPoolId(poolId)));
	}

	@Test
	void badInputThenInvalidParameter() {
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> this.cognito.createIdentityPool((r) -> r.identityPoolName("bad/name!").allowUnauthenticatedIdentities(false)));
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> this.cognito.describeIdentityPool((r) -> r.identityPoolId("not an id")));
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> this.cognito.listIdentityPools((r) -> r.maxResults(0)));
		String poolId = this.cognito.createIdentityPool((r) -> r.identityPoolName(TestGatehouse.unique("roles"))
			.allowUnauthenticatedIdentities(false)).identityPoolId();
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> this.cognito
			.setIdentityPoolRoles((r) -> r.identityPoolId(poolId).roles(Map.of("authenticated", "not-an-arn"))));
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> this.cognito
			.setIdentityPoolRoles((r) -> r.identityPoolId(poolId).roles(Map.of("admins", TestGatehouse.roleArn("x")))));
	}

	@Test
	void serverSideTokenCheckThenStoredPerClientAndShownByDescribeAndList() {
		String name = TestGatehouse.unique("sstc");
		String provider = TestGatehouse.providerName(this.userPool);
		String poolId = this.cognito.createIdentityPool((r) -> r.identityPoolName(name)
			.allowUnauthenticatedIdentities(false)
			.cognitoIdentityProviders(CognitoIdentityProvider.builder()
				.providerName(provider)
				.clientId("checked-client")
				.serverSideTokenCheck(true)
				.build(),
					CognitoIdentityProvider.builder().providerName(provider).clientId("unchecked-client").build()))
			.identityPoolId();

		assertThat(this.cognito.describeIdentityPool((r) -> r.identityPoolId(poolId)).cognitoIdentityProviders())
			.extracting(CognitoIdentityProvider::clientId, CognitoIdentityProvider::serverSideTokenCheck)
			.containsExactlyInAnyOrder(tuple("checked-client", true), tuple("unchecked-client", false));

		this.cognito.updateIdentityPool((r) -> r.identityPoolId(poolId).identityPoolName(name)
			.allowUnauthenticatedIdentities(false)
			.cognitoIdentityProviders(CognitoIdentityProvider.builder()
				.providerName(provider)
				.clientId("checked-client")
				.serverSideTokenCheck(false)
				.build(),
					CognitoIdentityProvider.builder()
						.providerName(provider)
						.clientId("unchecked-client")
						.serverSideTokenCheck(true)
						.build()));
		assertThat(this.cognito.describeIdentityPool((r) -> r.identityPoolId(poolId)).cognitoIdentityProviders())
			.extracting(CognitoIdentityProvider::clientId, CognitoIdentityProvider::serverSideTokenCheck)
			.containsExactlyInAnyOrder(tuple("checked-client", false), tuple("unchecked-client", true));
	}

	@Test
	void managementUnsignedOrWronglySignedThenRefused() {
		CognitoIdentityClient anonymous = TestGatehouse.anonymousCognito(this.port);
		assertThatExceptionOfType(CognitoIdentityException.class)
			.isThrownBy(() -> anonymous.listIdentityPools((r) -> r.maxResults(10)))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("MissingAuthenticationTokenException"));
		try (CognitoIdentityClient forger = TestGatehouse.cognito(this.port,
				AwsBasicCredentials.create(TestGatehouse.ADMIN_KEY, "wrongSecret"))) {
			assertThatExceptionOfType(CognitoIdentityException.class)
				.isThrownBy(() -> forger.listIdentityPools((r) -> r.maxResults(10)))
				.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException"));
		}
	}

	@Test
	void managementWithGuestCredentialsWhoseRoleHasNoPolicyThenAccessDenied() {
		String poolId = this.cognito.createIdentityPool((r) -> r.identityPoolName(TestGatehouse.unique("guests"))
			.allowUnauthenticatedIdentities(true)).identityPoolId();
		String guestRole = TestGatehouse.unique("guest");
		TestGatehouse.iam(this.port).createRole((r) -> r.roleName(guestRole)
			.assumeRolePolicyDocument(TestGatehouse.trustPolicy(poolId, "unauthenticated")));
		this.cognito.setIdentityPoolRoles((r) -> r.identityPoolId(poolId).roles(Map.of("unauthenticated", TestGatehouse.roleArn(guestRole))));
		CognitoIdentityClient app = TestGatehouse.anonymousCognito(this.port);
		String guest = app.getId((r) -> r.identityPoolId(poolId)).identityId();
		Credentials credentials = app.getCredentialsForIdentity((r) -> r.identityId(guest)).credentials();
		try (CognitoIdentityClient asGuest = TestGatehouse.cognito(this.port, AwsSessionCredentials
			.create(credentials.accessKeyId(), credentials.secretKey(), credentials.sessionToken()))) {
			assertThatExceptionOfType(CognitoIdentityException.class)
				.isThrownBy(() -> asGuest.deleteIdentityPool((r) -> r.identityPoolId(poolId)))
				.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
		}
		assertThat(this.cognito.describeIdentityPool((r) -> r.identityPoolId(poolId)).identityPoolId()).isEqualTo(poolId);
	}

	@Test
	void unsignedOperationsIgnoreAnAuthorizationHeader() throws Exception {
		String poolId = this.cognito.createIdentityPool((r) -> r.identityPoolName(TestGatehouse.unique("ignore"))
			.allowUnauthenticatedIdentities(true)).identityPoolId();
		HttpResponse<String> response = post("GetId", "{\"IdentityPoolId\":\"" + poolId + "\"}",
				"AWS4-HMAC-SHA256 Credential=AKIAGARBAGE/20200101/us-east-1/cognito-identity/aws4_request, SignedHeaders=host, Signature=00");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"IdentityId\":\"local-1:");
	}

	@Test
	void malformedDeeplyNestedOversizedOrUnknownRequestsThenClientErrorsNotServerErrors() throws Exception {
		assertThat(post("GetId", "{not json", null)).satisfies((r) -> {
			assertThat(r.statusCode()).isEqualTo(400);
			assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("SerializationException");
		});
		assertThat(post("GetId", "{\"Logins\":" + "{\"a\":".repeat(2000) + "1" + "}".repeat(2001), null).statusCode())
			.isEqualTo(400);
		assertThat(post("GetId", "{\"IdentityPoolId\":\"" + "a".repeat(400_000) + "\"}", null).statusCode()).isEqualTo(400);
		assertThat(post("GetId", "[]", null).statusCode()).isEqualTo(400);
		assertThat(post("DropAllTables", "{}", null)).satisfies((r) -> {
			assertThat(r.statusCode()).isEqualTo(400);
			assertThat(r.body()).contains("UnknownOperationException");
		});
		assertThat(post("GetId", "{\"IdentityPoolId\":\"local-1:00000000-0000-0000-0000-000000000000\"}", null)
			.body()).contains("ResourceNotFoundException");
		assertThat(post("GetCredentialsForIdentity", "{\"IdentityId\":\"local-1:00000000-0000-0000-0000-000000000000\",\"Logins\":{\"x\":null}}", null)
			.statusCode()).isEqualTo(400);
	}

	private HttpResponse<String> post(String operation, String body, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/"))
			.header("Content-Type", "application/x-amz-json-1.1")
			.header("X-Amz-Target", "AWSCognitoIdentityService." + operation)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static List<String> list(String... values) {
		return List.of(values);
	}

}
