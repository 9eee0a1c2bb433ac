package io.gatehouse.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.AmbiguousRoleResolutionType;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentity.model.RoleMapping;
import software.amazon.awssdk.services.cognitoidentity.model.RoleMappingType;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Issue 7's end-to-end flow across the two services: a user signs in at a running user pool, the identity
 * pool trusts that pool as an OIDC provider (discovery and JWKS over HTTP), and the credentials it hands
 * out are for the role of the user's group; STS names that role; a guest gets only the guest role. With
 * ServerSideTokenCheck the identity pool also asks the user pool whether the ID token was revoked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityPoolTrustsUserPoolTest {

	private Path data;

	private RunningStack stack;

	@BeforeAll
	void start() throws Exception {
		this.data = Files.createTempDirectory("gatehouse-e2e");
		this.stack = RunningStack.start(this.data);
	}

	@AfterAll
	void stop() throws Exception {
		if (this.stack != null) {
			this.stack.close();
		}
		FileSystemUtils.deleteRecursively(this.data);
	}

	@Test
	void signedInUserGetsTheRoleOfTheirGroupAndAGuestOnlyTheGuestRole() {
		try (CognitoIdentityProviderClient userPools = this.stack.userPools();
				CognitoIdentityClient identityPools = this.stack.identityPools(); IamClient iam = this.stack.iam()) {
			String poolId = userPools.createUserPool((r) -> r.poolName("e2e")).userPool().id();
			String clientId = userPools
				.createUserPoolClient((r) -> r.userPoolId(poolId)
					.clientName("app")
					.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
							ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
				.userPoolClient()
				.clientId();
			String provider = "localhost:" + this.stack.userPoolPort() + "/" + poolId;

			String identityPoolId = identityPools.createIdentityPool((r) -> r.identityPoolName("e2e_identities")
				.allowUnauthenticatedIdentities(true)
				.cognitoIdentityProviders((p) -> p.providerName(provider).clientId(clientId)))
				.identityPoolId();
			String editorRole = role(iam, "e2e-editor", identityPoolId, "authenticated");
			String readerRole = role(iam, "e2e-reader", identityPoolId, "authenticated");
			String guestRole = role(iam, "e2e-guest", identityPoolId, "unauthenticated");
			identityPools.setIdentityPoolRoles((r) -> r.identityPoolId(identityPoolId)
				.roles(Map.of("authenticated", readerRole, "unauthenticated", guestRole))
				.roleMappings(Map.of(provider, RoleMapping.builder()
					.type(RoleMappingType.TOKEN)
					.ambiguousRoleResolution(AmbiguousRoleResolutionType.AUTHENTICATED_ROLE)
					.build())));

			userPools.createGroup((r) -> r.userPoolId(poolId).groupName("editors").precedence(1).roleArn(editorRole));
			userPools.adminCreateUser((r) -> r.userPoolId(poolId)
				.username("alice")
				.temporaryPassword("Temporary-pass-123")
				.messageAction(MessageActionType.SUPPRESS));
			userPools.adminSetUserPassword(
					(r) -> r.userPoolId(poolId).username("alice").password("Correct-Horse-Battery-9").permanent(true));
			userPools.adminAddUserToGroup((r) -> r.userPoolId(poolId).username("alice").groupName("editors"));
			String idToken = userPools
				.adminInitiateAuth((r) -> r.userPoolId(poolId)
					.clientId(clientId)
					.authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
					.authParameters(Map.of("USERNAME", "alice", "PASSWORD", "Correct-Horse-Battery-9")))
				.authenticationResult()
				.idToken();

			String identityId = identityPools
				.getId((r) -> r.identityPoolId(identityPoolId).logins(Map.of(provider, idToken)))
				.identityId();
			Credentials credentials = identityPools
				.getCredentialsForIdentity((r) -> r.identityId(identityId).logins(Map.of(provider, idToken)))
				.credentials();
			assertThat(credentials.accessKeyId()).startsWith("ASIA");
			assertThat(callerArn(credentials)).contains(":assumed-role/e2e-editor/" + identityId);

			String guestId = identityPools.getId((r) -> r.identityPoolId(identityPoolId)).identityId();
			Credentials guest = identityPools.getCredentialsForIdentity((r) -> r.identityId(guestId)).credentials();
			assertThat(callerArn(guest)).contains(":assumed-role/e2e-guest/" + guestId);
		}
	}

	/**
	 * ServerSideTokenCheck: after the user signs out everywhere, their still unexpired ID token buys nothing more
	 * at an identity pool that checks with the user pool, while one that does not check still accepts it.
	 */
	@Test
	void globalSignOutThenTheSameIdTokenIsRefusedWhereServerSideTokenCheckIsOnAndOnlyThere() {
		try (CognitoIdentityProviderClient userPools = this.stack.userPools();
				CognitoIdentityProviderClient app = this.stack.userPoolApp();
				CognitoIdentityClient identityPools = this.stack.identityPools(); IamClient iam = this.stack.iam()) {
			String poolId = userPools.createUserPool((r) -> r.poolName("e2e-sstc")).userPool().id();
			String clientId = userPools
				.createUserPoolClient((r) -> r.userPoolId(poolId)
					.clientName("app")
					.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
							ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
				.userPoolClient()
				.clientId();
			String provider = "localhost:" + this.stack.userPoolPort() + "/" + poolId;
			String checked = identityPool(identityPools, iam, "e2e_checked", provider, clientId, true);
			String unchecked = identityPool(identityPools, iam, "e2e_unchecked", provider, clientId, false);

			userPools.adminCreateUser((r) -> r.userPoolId(poolId)
				.username("bob")
				.temporaryPassword("Temporary-pass-123")
				.messageAction(MessageActionType.SUPPRESS));
			userPools.adminSetUserPassword(
					(r) -> r.userPoolId(poolId).username("bob").password("Correct-Horse-Battery-9").permanent(true));
			AuthenticationResultType tokens = userPools
				.adminInitiateAuth((r) -> r.userPoolId(poolId)
					.clientId(clientId)
					.authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
					.authParameters(Map.of("USERNAME", "bob", "PASSWORD", "Correct-Horse-Battery-9")))
				.authenticationResult();
			Map<String, String> logins = Map.of(provider, tokens.idToken());

			String identityId = identityPools.getId((r) -> r.identityPoolId(checked).logins(logins)).identityId();
			Credentials before = identityPools
				.getCredentialsForIdentity((r) -> r.identityId(identityId).logins(logins))
				.credentials();
			assertThat(callerArn(before)).contains(":assumed-role/e2e_checked-member/" + identityId);

			app.globalSignOut((r) -> r.accessToken(tokens.accessToken()));

			assertThat(expiry(tokens.idToken())).as("the ID token itself has not expired").isAfter(Instant.now());
			assertThatExceptionOfType(NotAuthorizedException.class)
				.isThrownBy(() -> identityPools.getCredentialsForIdentity((r) -> r.identityId(identityId).logins(logins)))
				.withMessageContaining("Token is revoked");
			assertThatExceptionOfType(NotAuthorizedException.class)
				.isThrownBy(() -> identityPools.getId((r) -> r.identityPoolId(checked).logins(logins)));

			String uncheckedIdentity = identityPools.getId((r) -> r.identityPoolId(unchecked).logins(logins))
				.identityId();
			Credentials stillAccepted = identityPools
				.getCredentialsForIdentity((r) -> r.identityId(uncheckedIdentity).logins(logins))
				.credentials();
			assertThat(callerArn(stillAccepted)).contains(":assumed-role/e2e_unchecked-member/" + uncheckedIdentity);
		}
	}

	/** An identity pool trusting one app client of the user pool, with a default authenticated role. */
	private static String identityPool(CognitoIdentityClient identityPools, IamClient iam, String name,
			String provider, String clientId, boolean serverSideTokenCheck) {
		String identityPoolId = identityPools.createIdentityPool((r) -> r.identityPoolName(name)
			.allowUnauthenticatedIdentities(false)
			.cognitoIdentityProviders((p) -> p.providerName(provider)
				.clientId(clientId)
				.serverSideTokenCheck(serverSideTokenCheck)))
			.identityPoolId();
		String member = role(iam, name + "-member", identityPoolId, "authenticated");
		identityPools.setIdentityPoolRoles((r) -> r.identityPoolId(identityPoolId).roles(Map.of("authenticated", member)));
		return identityPoolId;
	}

	private static Instant expiry(String jwt) {
		JsonNode claims = JsonMapper.builder().build()
			.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
		return Instant.ofEpochSecond(claims.path("exp").asLong());
	}

	private String callerArn(Credentials credentials) {
		try (StsClient sts = this.stack.sts(StaticCredentialsProvider.create(AwsSessionCredentials
			.create(credentials.accessKeyId(), credentials.secretKey(), credentials.sessionToken())))) {
			return sts.getCallerIdentity().arn();
		}
	}

	private static String role(IamClient iam, String name, String identityPoolId, String amr) {
		String trust = """
				{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
				"Principal":{"Federated":"cognito-identity.amazonaws.com"},"Action":"sts:AssumeRoleWithWebIdentity",
				"Condition":{"StringEquals":{"cognito-identity.amazonaws.com:aud":"%s"},
				"ForAnyValue:StringLike":{"cognito-identity.amazonaws.com:amr":"%s"}}}]}"""
			.formatted(identityPoolId, amr);
		return iam.createRole((r) -> r.roleName(name).assumeRolePolicyDocument(trust)).role().arn();
	}

}
