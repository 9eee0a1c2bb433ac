package io.gatehouse.identitypool.sts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.identitypool.GatehouseTest;
import io.gatehouse.identitypool.TestGatehouse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityProvider;
import software.amazon.awssdk.services.cognitoidentity.model.GetOpenIdTokenResponse;
import software.amazon.awssdk.services.cognitoidentity.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentity.model.ResourceConflictException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.ExpiredTokenException;
import software.amazon.awssdk.services.sts.model.InvalidIdentityTokenException;
import software.amazon.awssdk.services.sts.model.StsException;

import static io.gatehouse.identitypool.TestGatehouse.roleArn;
import static io.gatehouse.identitypool.TestGatehouse.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The basic (classic) flow end to end with the AWS SDK: GetId, GetOpenIdToken, STS
 * AssumeRoleWithWebIdentity (unsigned), then GetCallerIdentity signed with the credentials it returned;
 * and AssumeRoleWithWebIdentity with a token of an OIDC provider registered through IAM.
 */
@GatehouseTest
class AssumeRoleWithWebIdentityTest {

	static final String CLIENT_ID = "basic-client";

	@LocalServerPort
	int port;

	IamClient iam;

	CognitoIdentityClient cognito;

	CognitoIdentityClient app;

	StsClient sts;

	String userPool;

	@BeforeEach
	void clients() {
		this.iam = TestGatehouse.iam(this.port);
		this.cognito = TestGatehouse.cognito(this.port);
		this.app = TestGatehouse.anonymousCognito(this.port);
		// AssumeRoleWithWebIdentity is unsigned: the SDK sends no signature whatever credentials it has.
		this.sts = TestGatehouse.sts(this.port, AwsBasicCredentials.create("AKIANOTUSED000000000", "notUsed"));
		this.userPool = unique("basic");
	}

	@Test
	void basicFlowThenOpenIdTokenBuysTheRoleAndCallerIdentityNamesTheSession() throws Exception {
		String poolId = createPool(true);
		String role = createRole(unique("basic"), TestGatehouse.trustPolicy(poolId, "authenticated"));
		Map<String, String> logins = Map.of(TestGatehouse.providerName(this.userPool),
				TestGatehouse.idToken(this.userPool, "alice", CLIENT_ID, Map.of()));

		String identityId = this.app.getId((r) -> r.identityPoolId(poolId).logins(logins)).identityId();
		GetOpenIdTokenResponse openId = this.app.getOpenIdToken((r) -> r.identityId(identityId).logins(logins));
		AssumeRoleWithWebIdentityResponse assumed = this.sts.assumeRoleWithWebIdentity((r) -> r.roleArn(roleArn(role))
			.roleSessionName("alice-session")
			.webIdentityToken(openId.token()));

		SignedJWT jwt = SignedJWT.parse(openId.token());
		assertThat(openId.identityId()).isEqualTo(identityId);
		assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
		assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("http://localhost:9100");
		assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(identityId);
		assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(poolId);
		assertThat(jwt.getJWTClaimsSet().getStringListClaim("amr")).startsWith("authenticated")
			.contains(TestGatehouse.providerName(this.userPool));
		assertThat(jwt.getJWTClaimsSet().getExpirationTime().getTime() - jwt.getJWTClaimsSet().getIssueTime().getTime())
			.isEqualTo(600_000L);
		assertThat(assumed.subjectFromWebIdentityToken()).isEqualTo(identityId);
		assertThat(assumed.audience()).isEqualTo(poolId);
		assertThat(assumed.provider()).isEqualTo("localhost:9100");
		assertThat(assumed.assumedRoleUser().arn())
			.isEqualTo("arn:aws:sts::000000000000:assumed-role/" + role + "/alice-session");
		assertThat(assumed.assumedRoleUser().assumedRoleId()).startsWith("AROA").endsWith(":alice-session");
		assertThat(assumed.credentials().accessKeyId()).startsWith("ASIA");
		assertThat(callerIdentityArn(assumed.credentials())).isEqualTo(assumed.assumedRoleUser().arn());
	}

	@Test
	void guestTokenThenOnlyARoleTrustingUnauthenticatedIdentities() {
		String poolId = createPool(true);
		String members = createRole(unique("members"), TestGatehouse.trustPolicy(poolId, "authenticated"));
		String guests = createRole(unique("guests"), TestGatehouse.trustPolicy(poolId, "unauthenticated"));
		String guestId = this.app.getId((r) -> r.identityPoolId(poolId)).identityId();
		String token = this.app.getOpenIdToken((r) -> r.identityId(guestId)).token();

		assertThatExceptionOfType(StsException.class).isThrownBy(() -> assume(members, token))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(403));
		assertThat(callerIdentityArn(assume(guests, token).credentials())).endsWith("/" + guests + "/session");
	}

	@Test
	void tokenOfAnotherPoolOrATrustPolicyThatDoesNotPinThePoolThenAccessDenied() {
		String poolId = createPool(true);
		String otherPool = createPool(true);
		String foreign = createRole(unique("foreign"), TestGatehouse.trustPolicy(otherPool, "unauthenticated"));
		String unpinned = createRole(unique("unpinned"), """
				{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
				 "Principal":{"Federated":"cognito-identity.amazonaws.com"},
				 "Action":"sts:AssumeRoleWithWebIdentity"}]}""");
		String guestId = this.app.getId((r) -> r.identityPoolId(poolId)).identityId();
		String token = this.app.getOpenIdToken((r) -> r.identityId(guestId)).token();

		for (String role : List.of(foreign, unpinned, "no-such-role")) {
			assertThatExceptionOfType(StsException.class).isThrownBy(() -> assume(role, token))
				.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
		}
	}

	@Test
	void registeredOidcProviderTokenThenRoleTrustingThatProviderAndAudience() {
		String issuer = unique("sts-oidc");
		String url = TestGatehouse.issuerUrl(issuer);
		String providerArn = this.iam.createOpenIDConnectProvider((r) -> r.url(url).clientIDList("sts-client"))
			.openIDConnectProviderArn();
		String host = TestGatehouse.providerName(issuer);
		String trusted = createRole(unique("oidc"), """
				{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"%s"},
				 "Action":"sts:AssumeRoleWithWebIdentity",
				 "Condition":{"StringEquals":{"%s:aud":"sts-client","%s:sub":"ci-runner"}}}]}"""
			.formatted(providerArn, host, host));
		String ciToken = TestGatehouse.upstream().issueToken(issuer, "ci-runner", "sts-client", Map.of(), 3600).serialize();
		String otherSubject = TestGatehouse.upstream().issueToken(issuer, "intruder", "sts-client", Map.of(), 3600).serialize();
		String otherClient = TestGatehouse.upstream().issueToken(issuer, "ci-runner", "other-client", Map.of(), 3600).serialize();

		AssumeRoleWithWebIdentityResponse assumed = assume(trusted, ciToken);
		assertThat(assumed.subjectFromWebIdentityToken()).isEqualTo("ci-runner");
		assertThat(assumed.audience()).isEqualTo("sts-client");
		assertThat(assumed.provider()).isEqualTo(host);
		assertThat(callerIdentityArn(assumed.credentials())).endsWith(":assumed-role/" + trusted + "/session");
		assertThatExceptionOfType(StsException.class).isThrownBy(() -> assume(trusted, otherSubject))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
		assertThatExceptionOfType(InvalidIdentityTokenException.class).isThrownBy(() -> assume(trusted, otherClient));
	}

	@Test
	void tokenOfAnUnregisteredIssuerForgedOrExpiredThenRefusedWithStsErrors() {
		String poolId = createPool(true);
		String role = createRole(unique("refusals"), TestGatehouse.trustPolicy(poolId, "unauthenticated"));
		String unregistered = unique("unregistered");
		String foreign = TestGatehouse.upstream().issueToken(unregistered, "x", "c", Map.of(), 3600).serialize();
		assertThatExceptionOfType(InvalidIdentityTokenException.class).isThrownBy(() -> assume(role, foreign));

		String guestId = this.app.getId((r) -> r.identityPoolId(poolId)).identityId();
		String token = this.app.getOpenIdToken((r) -> r.identityId(guestId)).token();
		String tampered = token.substring(0, token.lastIndexOf('.')) + ".AAAA" + token.substring(token.lastIndexOf('.') + 5);
		assertThatExceptionOfType(InvalidIdentityTokenException.class).isThrownBy(() -> assume(role, tampered));

		String expiredIssuer = unique("expired");
		String url = TestGatehouse.issuerUrl(expiredIssuer);
		String arn = this.iam.createOpenIDConnectProvider((r) -> r.url(url).clientIDList("c")).openIDConnectProviderArn();
		String expiredRole = createRole(unique("expired"), """
				{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"%s"},
				 "Action":"sts:AssumeRoleWithWebIdentity"}]}""".formatted(arn));
		String expired = TestGatehouse.upstream().issueToken(expiredIssuer, "x", "c", Map.of(), -600).serialize();
		assertThatExceptionOfType(ExpiredTokenException.class).isThrownBy(() -> assume(expiredRole, expired));
	}

	@Test
	void badInputThenValidationErrorsNotServerErrors() {
		String poolId = createPool(true);
		String role = createRole(unique("input"), TestGatehouse.trustPolicy(poolId, "unauthenticated"));
		String guestId = this.app.getId((r) -> r.identityPoolId(poolId)).identityId();
		String token = this.app.getOpenIdToken((r) -> r.identityId(guestId)).token();

		assertThatExceptionOfType(StsException.class)
			.isThrownBy(() -> this.sts.assumeRoleWithWebIdentity((r) -> r.roleArn(roleArn(role))
				.roleSessionName("bad session/name")
				.webIdentityToken(token)))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
		assertThatExceptionOfType(StsException.class)
			.isThrownBy(() -> this.sts.assumeRoleWithWebIdentity((r) -> r.roleArn(roleArn(role))
				.roleSessionName("s1")
				.durationSeconds(7200)
				.webIdentityToken(token)))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
		assertThatExceptionOfType(InvalidIdentityTokenException.class).isThrownBy(() -> assume(role, "not-a-jwt"));
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> this.app.getOpenIdToken((r) -> r.identityId("not an identity")));
	}

	@Test
	void getOpenIdTokenWithoutTheLoginsOfTheIdentityOrWithAnotherIdentitysLoginsThenRefused() {
		String poolId = createPool(true);
		Map<String, String> logins = Map.of(TestGatehouse.providerName(this.userPool),
				TestGatehouse.idToken(this.userPool, "bob", CLIENT_ID, Map.of()));
		String identityId = this.app.getId((r) -> r.identityPoolId(poolId).logins(logins)).identityId();
		assertThatExceptionOfType(NotAuthorizedException.class)
			.isThrownBy(() -> this.app.getOpenIdToken((r) -> r.identityId(identityId)));

		String closedPool = createPool(false);
		String member = this.app.getId((r) -> r.identityPoolId(closedPool).logins(logins)).identityId();
		assertThat(this.app.getOpenIdToken((r) -> r.identityId(member).logins(logins)).token()).isNotBlank();
		Map<String, String> someoneElse = Map.of(TestGatehouse.providerName(this.userPool),
				TestGatehouse.idToken(this.userPool, "mallory", CLIENT_ID, Map.of()));
		this.app.getId((r) -> r.identityPoolId(closedPool).logins(someoneElse));
		// As GetCredentialsForIdentity: the logins of another identity conflict.
		assertThatExceptionOfType(ResourceConflictException.class)
			.isThrownBy(() -> this.app.getOpenIdToken((r) -> r.identityId(member).logins(someoneElse)));
	}

	@Test
	void discoveryAndJwksNameTheConfiguredIssuerAndTheSigningKey() throws Exception {
		String poolId = createPool(true);
		String guestId = this.app.getId((r) -> r.identityPoolId(poolId)).identityId();
		String kid = SignedJWT.parse(this.app.getOpenIdToken((r) -> r.identityId(guestId)).token()).getHeader().getKeyID();

		HttpClient http = HttpClient.newHttpClient();
		JsonNode discovery = get(http, "/.well-known/openid-configuration", "evil.example.com");
		JsonNode jwks = get(http, "/.well-known/jwks.json", null);

		assertThat(discovery.get("issuer").asString()).isEqualTo("http://localhost:9100");
		assertThat(discovery.get("jwks_uri").asString()).isEqualTo("http://localhost:9100/.well-known/jwks.json");
		assertThat(discovery.get("id_token_signing_alg_values_supported").get(0).asString()).isEqualTo("RS256");
		assertThat(jwks.get("keys").valueStream().map((key) -> key.get("kid").asString())).contains(kid);
		assertThat(jwks.get("keys").valueStream()).allSatisfy((key) -> {
			assertThat(key.get("kty").asString()).isEqualTo("RSA");
			assertThat(key.has("d")).as("no private part is published").isFalse();
		});
	}

	private JsonNode get(HttpClient http, String path, String forwardedHost) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (forwardedHost != null) {
			request.header("X-Forwarded-Host", forwardedHost);
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return JsonMapper.builder().build().readTree(response.body());
	}

	private AssumeRoleWithWebIdentityResponse assume(String role, String token) {
		return this.sts.assumeRoleWithWebIdentity((r) -> r.roleArn(roleArn(role)).roleSessionName("session").webIdentityToken(token));
	}

	private String callerIdentityArn(Credentials credentials) {
		try (StsClient signed = TestGatehouse.sts(this.port, AwsSessionCredentials.create(credentials.accessKeyId(),
				credentials.secretAccessKey(), credentials.sessionToken()))) {
			return signed.getCallerIdentity().arn();
		}
	}

	private String createPool(boolean guests) {
		return this.cognito.createIdentityPool((r) -> r.identityPoolName(unique("basic"))
			.allowUnauthenticatedIdentities(guests)
			.allowClassicFlow(true)
			.cognitoIdentityProviders(CognitoIdentityProvider.builder()
				.providerName(TestGatehouse.providerName(this.userPool))
				.clientId(CLIENT_ID)
				.build())).identityPoolId();
	}

	private String createRole(String name, String trustPolicy) {
		this.iam.createRole((r) -> r.roleName(name).assumeRolePolicyDocument(trustPolicy));
		return name;
	}

}
