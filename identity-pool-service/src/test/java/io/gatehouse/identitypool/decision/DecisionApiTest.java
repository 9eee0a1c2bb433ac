package io.gatehouse.identitypool.decision;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.gatehouse.identitypool.GatehouseTest;
import io.gatehouse.identitypool.TestDecisions;
import io.gatehouse.identitypool.TestGatehouse;
import io.gatehouse.shared.sigv4.SigV4Credentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityProvider;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.iam.IamClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resource server that lets each user read and write only under
 * {@code users/${cognito-identity.amazonaws.com:sub}/}, deciding every request through the decision API.
 */
@GatehouseTest
class DecisionApiTest {

	static final String OWN_FOLDER_POLICY = """
			{"Version":"2012-10-17","Statement":[{"Sid":"OwnFolder","Effect":"Allow",
			 "Action":["files:GetObject","files:PutObject"],
			 "Resource":"arn:aws:files:::bucket/users/${cognito-identity.amazonaws.com:sub}/*"}]}""";

	@LocalServerPort
	int port;

	TestDecisions resourceServer;

	String identityId;

	Credentials credentials;

	String role;

	@BeforeEach
	void signedInUser() {
		this.resourceServer = new TestDecisions(this.port);
		IamClient iam = TestGatehouse.iam(this.port);
		CognitoIdentityClient cognito = TestGatehouse.cognito(this.port);
		String userPool = TestGatehouse.unique("files");
		String poolId = cognito.createIdentityPool((r) -> r.identityPoolName(TestGatehouse.unique("files"))
			.allowUnauthenticatedIdentities(false)
			.cognitoIdentityProviders(CognitoIdentityProvider.builder()
				.providerName(TestGatehouse.providerName(userPool))
				.clientId("files-app")
				.build())).identityPoolId();
		this.role = TestGatehouse.unique("files-user");
		iam.createRole((r) -> r.roleName(this.role)
			.assumeRolePolicyDocument(TestGatehouse.trustPolicy(poolId, "authenticated")));
		iam.putRolePolicy((r) -> r.roleName(this.role).policyName("own-folder").policyDocument(OWN_FOLDER_POLICY));
		cognito.setIdentityPoolRoles((r) -> r.identityPoolId(poolId).roles(Map.of("authenticated", TestGatehouse.roleArn(this.role))));
		Map<String, String> logins = Map.of(TestGatehouse.providerName(userPool),
				TestGatehouse.idToken(userPool, "henry", "files-app", Map.of()));
		CognitoIdentityClient app = TestGatehouse.anonymousCognito(this.port);
		this.identityId = app.getId((r) -> r.identityPoolId(poolId).logins(logins)).identityId();
		this.credentials = app.getCredentialsForIdentity((r) -> r.identityId(this.identityId).logins(logins)).credentials();
	}

	@Test
	void readAndWriteOwnFolderThenAllowedByTheOwnFolderStatement() {
		String path = "/users/" + this.identityId + "/notes.txt";
		for (String action : List.of("files:GetObject", "files:PutObject")) {
			JsonNode decision = decide(path, action, "arn:aws:files:::bucket/users/" + this.identityId + "/notes.txt");
			assertThat(decision.get("allowed").asBoolean()).isTrue();
			assertThat(decision.get("decision").asString()).isEqualTo("ALLOW");
			assertThat(decision.at("/statement/sid").asString()).isEqualTo("OwnFolder");
			assertThat(decision.at("/statement/policyName").asString()).isEqualTo("own-folder");
			assertThat(decision.at("/principal/identityId").asString()).isEqualTo(this.identityId);
			assertThat(decision.at("/principal/arn").asString())
				.isEqualTo("arn:aws:sts::000000000000:assumed-role/" + this.role + "/" + this.identityId);
			assertThat(decision.get("role").asString()).isEqualTo(TestGatehouse.roleArn(this.role));
		}
	}

	@Test
	void anotherUsersFolderThenImplicitlyDeniedWithTheReason() {
		JsonNode decision = decide("/users/local-1:someone-else/notes.txt", "files:GetObject",
				"arn:aws:files:::bucket/users/local-1:someone-else/notes.txt");
		assertThat(decision.get("allowed").asBoolean()).isFalse();
		assertThat(decision.get("decision").asString()).isEqualTo("IMPLICIT_DENY");
		assertThat(decision.get("reasons").get(0).asString()).contains("OwnFolder").contains("Resource");
	}

	@Test
	void otherActionOrTopLevelResourceThenDenied() {
		assertThat(decide("/users/" + this.identityId + "/notes.txt", "files:DeleteObject",
				"arn:aws:files:::bucket/users/" + this.identityId + "/notes.txt").get("allowed").asBoolean()).isFalse();
		assertThat(decide("/secrets.txt", "files:GetObject", "arn:aws:files:::bucket/secrets.txt").get("allowed")
			.asBoolean()).isFalse();
	}

	@Test
	void tamperedSessionTokenThenNotAuthenticated() {
		String token = this.credentials.sessionToken();
		char last = token.charAt(token.length() - 5);
		String tampered = token.substring(0, token.length() - 5) + (last == 'A' ? 'B' : 'A') + token.substring(token.length() - 4);
		String path = "/users/" + this.identityId + "/notes.txt";
		Map<String, List<String>> headers = TestDecisions.signedGet(path,
				SigV4Credentials.of(this.credentials.accessKeyId(), this.credentials.secretKey(), tampered));
		JsonNode decision = this.resourceServer.decide(path, headers, "files:GetObject",
				"arn:aws:files:::bucket/users/" + this.identityId + "/notes.txt");
		assertThat(decision.get("allowed").asBoolean()).isFalse();
		assertThat(decision.get("decision").asString()).isEqualTo("NOT_AUTHENTICATED");
		assertThat(decision.at("/error/code").asString()).isEqualTo("InvalidClientTokenId");
	}

	@Test
	void requestChangedAfterSigningOrWrongSecretThenSignatureDoesNotMatch() {
		Map<String, List<String>> headers = TestDecisions.signedGet("/users/" + this.identityId + "/notes.txt",
				SigV4Credentials.of(this.credentials.accessKeyId(), this.credentials.secretKey(),
						this.credentials.sessionToken()));
		JsonNode moved = this.resourceServer.decide("/users/" + this.identityId + "/other.txt", headers,
				"files:GetObject", "arn:aws:files:::bucket/users/" + this.identityId + "/other.txt");
		assertThat(moved.at("/error/code").asString()).isEqualTo("SignatureDoesNotMatch");

		String path = "/users/" + this.identityId + "/notes.txt";
		JsonNode wrongSecret = this.resourceServer.decide(path,
				TestDecisions.signedGet(path, SigV4Credentials.of(this.credentials.accessKeyId(),
						"wrongSecretKey0000000000000000000000000000", this.credentials.sessionToken())),
				"files:GetObject", "arn:aws:files:::bucket" + path);
		assertThat(wrongSecret.get("allowed").asBoolean()).isFalse();
		assertThat(wrongSecret.at("/error/code").asString()).isEqualTo("SignatureDoesNotMatch");
	}

	@Test
	void unsignedRequestOrAdminKeyThenNotAuthenticated() {
		JsonNode unsigned = this.resourceServer.decide("/x", Map.of("Host", List.of("files.example.internal")),
				"files:GetObject", "arn:aws:files:::bucket/x");
		assertThat(unsigned.at("/error/code").asString()).isEqualTo("MissingAuthenticationToken");
		JsonNode admin = this.resourceServer.decide("/x", TestDecisions.signedGet("/x",
				SigV4Credentials.of(TestGatehouse.ADMIN_KEY, TestGatehouse.ADMIN_SECRET)), "files:GetObject",
				"arn:aws:files:::bucket/x");
		assertThat(admin.get("allowed").asBoolean()).isFalse();
	}

	@Test
	void malformedOrIncompleteOrDeeplyNestedDecisionRequestThenBadRequestProblem() {
		HttpResponse<String> malformed = this.resourceServer.post("{not json");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type).contains("problem+json"));
		assertThat(this.resourceServer.post("{\"action\":\"files:GetObject\"}").statusCode()).isEqualTo(400);
		assertThat(this.resourceServer.post("{\"context\":" + "[".repeat(5000) + "]".repeat(5000) + "}").statusCode())
			.isEqualTo(400);
		assertThat(this.resourceServer.post("{\"action\":\"" + "a".repeat(300_000) + "\"}").statusCode()).isEqualTo(400);
	}

	private JsonNode decide(String path, String action, String resource) {
		return this.resourceServer.decide(path, TestDecisions.signedGet(path, SigV4Credentials.of(
				this.credentials.accessKeyId(), this.credentials.secretKey(), this.credentials.sessionToken())), action,
				resource);
	}

}
