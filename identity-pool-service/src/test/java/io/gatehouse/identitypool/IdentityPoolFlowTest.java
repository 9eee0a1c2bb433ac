package io.gatehouse.identitypool;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.AmbiguousRoleResolutionType;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityProvider;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentity.model.InvalidIdentityPoolConfigurationException;
import software.amazon.awssdk.services.cognitoidentity.model.MappingRule;
import software.amazon.awssdk.services.cognitoidentity.model.MappingRuleMatchType;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentity.model.RoleMapping;
import software.amazon.awssdk.services.cognitoidentity.model.RoleMappingType;
import software.amazon.awssdk.services.cognitoidentity.model.RulesConfigurationType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import static io.gatehouse.identitypool.TestGatehouse.roleArn;
import static io.gatehouse.identitypool.TestGatehouse.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The whole story with the real AWS SDK clients: roles through IAM, an identity pool trusting a user pool
 * (the upstream OpenID Provider issuing Cognito-shaped ID tokens) and an IAM-registered OIDC provider,
 * GetId + GetCredentialsForIdentity, and STS GetCallerIdentity signed with the credentials.
 */
@GatehouseTest
class IdentityPoolFlowTest {

	static final String CLIENT_ID = "app-client-1";

	@LocalServerPort
	int port;

	IamClient iam;

	CognitoIdentityClient cognito;

	CognitoIdentityClient app;

	String userPool;

	@BeforeEach
	void clients() {
		this.iam = TestGatehouse.iam(this.port);
		this.cognito = TestGatehouse.cognito(this.port);
		this.app = TestGatehouse.anonymousCognito(this.port);
		this.userPool = unique("userpool");
	}

	@Test
	void userWithPreferredRoleThenCredentialsForThatRoleAndCallerIdentityNamesIt() {
		String poolId = createPool(true);
		String guest = createRole(unique("guest"), poolId, "unauthenticated");
		String member = createRole(unique("member"), poolId, "authenticated");
		String admins = createRole(unique("admins"), poolId, "authenticated");
		String editors = createRole(unique("editors"), poolId, "authenticated");
		this.cognito.setIdentityPoolRoles((r) -> r.identityPoolId(poolId)
			.roles(Map.of("authenticated", roleArn(member), "unauthenticated", roleArn(guest)))
			.roleMappings(Map.of(TestGatehouse.providerName(this.userPool), RoleMapping.builder()
				.type(RoleMappingType.TOKEN)
				.ambiguousRoleResolution(AmbiguousRoleResolutionType.AUTHENTICATED_ROLE)
				.build())));
		String token = TestGatehouse.idToken(this.userPool, "alice", CLIENT_ID,
				Map.of("cognito:groups", java.util.List.of("admins", "editors"), "cognito:roles",
						java.util.List.of(roleArn(admins), roleArn(editors)), "cognito:preferred_role", roleArn(admins)));
		Map<String, String> logins = Map.of(TestGatehouse.providerName(this.userPool), token);

		String identityId = this.app.getId((r) -> r.identityPoolId(poolId).logins(logins)).identityId();
		Credentials credentials = this.app
			.getCredentialsForIdentity((r) -> r.identityId(identityId).logins(logins))
			.credentials();

		assertThat(identityId).startsWith("local-1:");
		assertThat(credentials.accessKeyId()).startsWith("ASIA").hasSize(20);
		assertThat(credentials.expiration()).isAfter(java.time.Instant.now().plusSeconds(3000));
		assertThat(callerIdentity(credentials).arn())
			.isEqualTo("arn:aws:sts::000000000000:assumed-role/" + admins + "/" + identityId);
		assertThat(this.app.getId((r) -> r.identityPoolId(poolId).logins(logins)).identityId()).isEqualTo(identityId);

		String editorsCredentialsRole = callerIdentity(this.app
			.getCredentialsForIdentity((r) -> r.identityId(identityId).logins(logins).customRoleArn(roleArn(editors)))
			.credentials()).arn();
		assertThat(editorsCredentialsRole).contains(":assumed-role/" + editors + "/");
	}

	@Test
	void oidcProviderWithRulesMappingThenRoleOfTheMatchingRule() {
		String oidcIssuer = unique("oidc");
		String providerArn = this.iam
			.createOpenIDConnectProvider((r) -> r.url(TestGatehouse.issuerUrl(oidcIssuer)).clientIDList("oidc-client"))
			.openIDConnectProviderArn();
		String poolId = this.cognito.createIdentityPool((r) -> r.identityPoolName(unique("rules"))
			.allowUnauthenticatedIdentities(false)
			.openIdConnectProviderARNs(providerArn)).identityPoolId();
		String member = createRole(unique("member"), poolId, "authenticated");
		String engineering = createRole(unique("engineering"), poolId, "authenticated");
		String provider = TestGatehouse.providerName(oidcIssuer);
		this.cognito.setIdentityPoolRoles((r) -> r.identityPoolId(poolId)
			.roles(Map.of("authenticated", roleArn(member)))
			.roleMappings(Map.of(provider, RoleMapping.builder()
				.type(RoleMappingType.RULES)
				.ambiguousRoleResolution(AmbiguousRoleResolutionType.AUTHENTICATED_ROLE)
				.rulesConfiguration(RulesConfigurationType.builder()
					.rules(MappingRule.builder()
						.claim("department")
						.matchType(MappingRuleMatchType.STARTS_WITH)
						.value("eng")
						.roleARN(roleArn(engineering))
						.build())
					.build())
				.build())));

		String engineer = TestGatehouse.upstream()
			.issueToken(oidcIssuer, "bob", "oidc-client", Map.of("department", "engineering"), 3600)
			.serialize();
		String sales = TestGatehouse.upstream()
			.issueToken(oidcIssuer, "carol", "oidc-client", Map.of("department", "sales"), 3600)
			.serialize();

		assertThat(roleOf(poolId, Map.of(provider, engineer))).contains(":assumed-role/" + engineering + "/");
		assertThat(roleOf(poolId, Map.of(provider, sales))).contains(":assumed-role/" + member + "/");
	}

	@Test
	void ambiguousMappingWithDenyThenNotAuthorized() {
		String poolId = createPool(false);
		String member = createRole(unique("member"), poolId, "authenticated");
		this.cognito.setIdentityPoolRoles((r) -> r.identityPoolId(poolId)
			.roles(Map.of("authenticated", roleArn(member)))
			.roleMappings(Map.of(TestGatehouse.providerName(this.userPool), RoleMapping.builder()
				.type(RoleMappingType.RULES)
				.ambiguousRoleResolution(AmbiguousRoleResolutionType.DENY)
				.rulesConfiguration(RulesConfigurationType.builder()
					.rules(MappingRule.builder()
						.claim("cognito:groups")
						.matchType(MappingRuleMatchType.EQUALS)
						.value("admins")
						.roleARN(roleArn(member))
						.build())
					.build())
				.build())));
		Map<String, String> logins = Map.of(TestGatehouse.providerName(this.userPool),
				TestGatehouse.idToken(this.userPool, "dave", CLIENT_ID, Map.of("cognito:groups", java.util.List.of("readers"))));
		String identityId = this.app.getId((r) -> r.identityPoolId(poolId).logins(logins)).identityId();

		assertThatExceptionOfType(NotAuthorizedException.class)
			.isThrownBy(() -> this.app.getCredentialsForIdentity((r) -> r.identityId(identityId).logins(logins)))
			.withMessageContaining("denies ambiguous");
	}

	@Test
	void guestWhereAllowedThenUnauthenticatedRoleAndLaterLoginKeepsTheIdentity() {
		String poolId = createPool(true);
		String guest = createRole(unique("guest"), poolId, "unauthenticated");
		String member = createRole(unique("member"), poolId, "authenticated");
		this.cognito.setIdentityPoolRoles((r) -> r.identityPoolId(poolId)
			.roles(Map.of("authenticated", roleArn(member), "unauthenticated", roleArn(guest))));

		String guestId = this.app.getId((r) -> r.identityPoolId(poolId)).identityId();
		Credentials guestCredentials = this.app.getCredentialsForIdentity((r) -> r.identityId(guestId)).credentials();
		assertThat(callerIdentity(guestCredentials).arn()).endsWith(":assumed-role/" + guest + "/" + guestId);

		Map<String, String> logins = Map.of(TestGatehouse.providerName(this.userPool),
				TestGatehouse.idToken(this.userPool, "erin", CLIENT_ID, Map.of()));
		var linked = this.app.getCredentialsForIdentity((r) -> r.identityId(guestId).logins(logins));
		assertThat(linked.identityId()).isEqualTo(guestId);
		assertThat(callerIdentity(linked.credentials()).arn()).endsWith(":assumed-role/" + member + "/" + guestId);
		assertThat(this.app.getId((r) -> r.identityPoolId(poolId).logins(logins)).identityId()).isEqualTo(guestId);
		assertThat(this.cognito.describeIdentity((r) -> r.identityId(guestId)).logins())
			.containsExactly(TestGatehouse.providerName(this.userPool));

		assertThatExceptionOfType(NotAuthorizedException.class)
			.isThrownBy(() -> this.app.getCredentialsForIdentity((r) -> r.identityId(guestId)))
			.withMessageContaining("forbidden");
	}

	@Test
	void guestWhereNotAllowedThenNotAuthorized() {
		String poolId = createPool(false);
		String guest = createRole(unique("guest"), poolId, "unauthenticated");
		this.cognito.setIdentityPoolRoles((r) -> r.identityPoolId(poolId).roles(Map.of("unauthenticated", roleArn(guest))));

		assertThatExceptionOfType(NotAuthorizedException.class)
			.isThrownBy(() -> this.app.getId((r) -> r.identityPoolId(poolId)))
			.withMessageContaining("Unauthenticated access is not supported");
	}

	@Test
	void roleTrustingAnotherPoolOrOnlyGuestsThenInvalidIdentityPoolConfiguration() {
		String poolId = createPool(true);
		String otherPool = createPool(true);
		String foreign = createRole(unique("foreign"), otherPool, "authenticated");
		String guestsOnly = createRole(unique("guestsonly"), poolId, "unauthenticated");
		Map<String, String> logins = Map.of(TestGatehouse.providerName(this.userPool),
				TestGatehouse.idToken(this.userPool, "frank", CLIENT_ID, Map.of()));

		this.cognito.setIdentityPoolRoles((r) -> r.identityPoolId(poolId).roles(Map.of("authenticated", roleArn(foreign))));
		String identityId = this.app.getId((r) -> r.identityPoolId(poolId).logins(logins)).identityId();
		assertThatExceptionOfType(InvalidIdentityPoolConfigurationException.class)
			.isThrownBy(() -> this.app.getCredentialsForIdentity((r) -> r.identityId(identityId).logins(logins)));

		this.cognito.setIdentityPoolRoles((r) -> r.identityPoolId(poolId).roles(Map.of("authenticated", roleArn(guestsOnly))));
		assertThatExceptionOfType(InvalidIdentityPoolConfigurationException.class)
			.isThrownBy(() -> this.app.getCredentialsForIdentity((r) -> r.identityId(identityId).logins(logins)));
	}

	@Test
	void tokenFromUnlistedProviderOrClientThenNotAuthorized() {
		String poolId = createPool(true);
		String unlisted = unique("unlisted");
		assertThatExceptionOfType(NotAuthorizedException.class)
			.isThrownBy(() -> this.app.getId((r) -> r.identityPoolId(poolId)
				.logins(Map.of(TestGatehouse.providerName(unlisted),
						TestGatehouse.idToken(unlisted, "gina", CLIENT_ID, Map.of())))))
			.withMessageContaining("not trusted");
		assertThatExceptionOfType(NotAuthorizedException.class)
			.isThrownBy(() -> this.app.getId((r) -> r.identityPoolId(poolId)
				.logins(Map.of(TestGatehouse.providerName(this.userPool),
						TestGatehouse.idToken(this.userPool, "gina", "another-client", Map.of())))))
			.withMessageContaining("audience");
	}

	private String roleOf(String poolId, Map<String, String> logins) {
		String identityId = this.app.getId((r) -> r.identityPoolId(poolId).logins(logins)).identityId();
		return callerIdentity(
				this.app.getCredentialsForIdentity((r) -> r.identityId(identityId).logins(logins)).credentials()).arn();
	}

	@Test
	void credentialsAgainForTheIdentitysOwnLoginsThenNothingWrittenAndChangesThroughThisInstanceSeenAtOnce() {
		String poolId = createPool(true);
		String first = createRole(unique("first"), poolId, "authenticated");
		String second = createRole(unique("second"), poolId, "authenticated");
		String guest = createRole(unique("guest"), poolId, "unauthenticated");
		this.cognito.setIdentityPoolRoles((r) -> r.identityPoolId(poolId)
			.roles(Map.of("authenticated", roleArn(first), "unauthenticated", roleArn(guest))));
		Map<String, String> logins = Map.of(TestGatehouse.providerName(this.userPool),
				TestGatehouse.idToken(this.userPool, "frank", CLIENT_ID, Map.of()));
		String identityId = this.app.getId((r) -> r.identityPoolId(poolId).logins(logins)).identityId();
		java.time.Instant modified = this.cognito.describeIdentity((r) -> r.identityId(identityId)).lastModifiedDate();

		for (int i = 0; i < 3; i++) {
			assertThat(callerIdentity(this.app.getCredentialsForIdentity((r) -> r.identityId(identityId).logins(logins))
				.credentials()).arn()).contains(":assumed-role/" + first + "/");
		}
		assertThat(this.cognito.describeIdentity((r) -> r.identityId(identityId)).lastModifiedDate()).isEqualTo(modified);

		// The pool's configuration is cached on the credentials path; a change through this instance evicts it.
		this.cognito.setIdentityPoolRoles((r) -> r.identityPoolId(poolId)
			.roles(Map.of("authenticated", roleArn(second), "unauthenticated", roleArn(guest))));
		assertThat(callerIdentity(this.app.getCredentialsForIdentity((r) -> r.identityId(identityId).logins(logins))
			.credentials()).arn()).contains(":assumed-role/" + second + "/");
		String guestId = this.app.getId((r) -> r.identityPoolId(poolId)).identityId();
		var described = this.cognito.describeIdentityPool((r) -> r.identityPoolId(poolId));
		this.cognito.updateIdentityPool((r) -> r.identityPoolId(poolId)
			.identityPoolName(described.identityPoolName())
			.allowUnauthenticatedIdentities(false)
			.cognitoIdentityProviders(described.cognitoIdentityProviders()));
		assertThatExceptionOfType(NotAuthorizedException.class)
			.isThrownBy(() -> this.app.getCredentialsForIdentity((r) -> r.identityId(guestId)));
	}

	private GetCallerIdentityResponse callerIdentity(Credentials credentials) {
		try (StsClient sts = TestGatehouse.sts(this.port, AwsSessionCredentials.create(credentials.accessKeyId(),
				credentials.secretKey(), credentials.sessionToken()))) {
			return sts.getCallerIdentity();
		}
	}

	private String createPool(boolean guests) {
		return this.cognito.createIdentityPool((r) -> r.identityPoolName(unique("pool"))
			.allowUnauthenticatedIdentities(guests)
			.cognitoIdentityProviders(CognitoIdentityProvider.builder()
				.providerName(TestGatehouse.providerName(this.userPool))
				.clientId(CLIENT_ID)
				.build())).identityPoolId();
	}

	private String createRole(String name, String poolId, String amr) {
		this.iam.createRole((r) -> r.roleName(name).assumeRolePolicyDocument(TestGatehouse.trustPolicy(poolId, amr)));
		return name;
	}

}
