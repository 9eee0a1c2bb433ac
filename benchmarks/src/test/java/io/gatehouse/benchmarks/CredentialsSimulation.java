package io.gatehouse.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.shared.sigv4.SigV4Credentials;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Issue 7 targets: GetCredentialsForIdentity with a user-pool ID token (RS256, JWKS cached) at least
 * 2,000/s on 2 cores with keep-alive, and p99 under 20 ms at 1,000/s. A user signs in at the running user
 * pool; the identity pool trusts that pool. {@code -Drate=N}: open model at N/s; otherwise a closed
 * model of {@code -Dusers} (default 32) callers finds the maximum.
 */
public final class CredentialsSimulation extends Simulation {

	private static final int SECONDS = Integer.getInteger("seconds", 30);

	private static final Integer RATE = Integer.getInteger("rate");

	private static final int WARM_UP_SECONDS = Integer.getInteger("warmUp", 15);

	private final java.util.List<String> bodies = prepare();

	private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

	private final HttpProtocolBuilder protocol = http.baseUrl(Gatehouse.IDENTITY_POOL_URL)
		.contentTypeHeader("application/x-amz-json-1.1")
		.header("X-Amz-Target", "AWSCognitoIdentityService.GetCredentialsForIdentity")
		.shareConnections();

	private final OpenModel open = (RATE != null) ? new OpenModel(RATE, WARM_UP_SECONDS, SECONDS) : null;

	private final ChainBuilder credentials = credentials("GetCredentialsForIdentity");

	private ChainBuilder credentials(String name) {
		return exec((session) -> session.set("body",
				this.bodies.get(Math.floorMod(this.next.getAndIncrement(), this.bodies.size()))))
			.exec(http(name).post("/")
				.body(StringBody("#{body}"))
				.check(status().is(200), jsonPath("$.Credentials.AccessKeyId").exists()));
	}

	{
		if (this.open != null) {
			// The warm-up lets both JVMs compile their hot paths and open their connections.
			setUp(this.open.inject(scenario("GetCredentialsForIdentity")
				.exec(this.open.nameRequests("GetCredentialsForIdentity"))
				.exec(credentials(OpenModel.REQUEST_NAME))))
				.protocols(this.protocol)
				.assertions(global().failedRequests().count().is(0L),
						details("GetCredentialsForIdentity").responseTime().percentile(99.0).lt(20));
		}
		else {
			setUp(scenario("GetCredentialsForIdentity (closed)").forever()
				.on(this.credentials)
				.injectClosed(constantConcurrentUsers(Integer.getInteger("users", 32)).during(Duration.ofSeconds(SECONDS))))
				.protocols(this.protocol)
				.maxDuration(Duration.ofSeconds(SECONDS + 5))
				.assertions(global().failedRequests().count().is(0L));
		}
	}

	/** 50 users, each with its own identity: callers do not all contend for one identity's row. */
	static java.util.List<String> prepare() {
		SigV4Credentials admin = Gatehouse.admin();
		UserPoolFixture pool = UserPoolFixture.create(50);
		String provider = Gatehouse.USER_POOL_URL.replaceFirst("^https?://", "") + "/" + pool.poolId();
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String identityPoolId = Gatehouse.jsonField(Gatehouse.json(Gatehouse.IDENTITY_POOL_URL,
				"AWSCognitoIdentityService.CreateIdentityPool",
				"{\"IdentityPoolName\":\"bench_" + suffix + "\",\"AllowUnauthenticatedIdentities\":false,"
						+ "\"CognitoIdentityProviders\":[{\"ProviderName\":\"" + provider + "\",\"ClientId\":\""
						+ pool.clientId() + "\"}]}",
				"cognito-identity", Optional.of(admin)), "IdentityPoolId");
		String trust = """
				{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},
				"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"cognito-identity.amazonaws.com:aud":"%s"},
				"ForAnyValue:StringLike":{"cognito-identity.amazonaws.com:amr":"authenticated"}}}]}""".formatted(identityPoolId);
		String roleArn = Gatehouse.xmlField(Gatehouse.query(Gatehouse.IDENTITY_POOL_URL, Map.of("Action", "CreateRole",
				"Version", "2010-05-08", "RoleName", "bench-user-" + suffix, "AssumeRolePolicyDocument", trust), "iam",
				admin), "Arn");
		Gatehouse.json(Gatehouse.IDENTITY_POOL_URL, "AWSCognitoIdentityService.SetIdentityPoolRoles",
				"{\"IdentityPoolId\":\"" + identityPoolId + "\",\"Roles\":{\"authenticated\":\"" + roleArn + "\"}}",
				"cognito-identity", Optional.of(admin));
		java.util.List<String> bodies = new java.util.ArrayList<>();
		for (String username : pool.usernames()) {
			String idToken = Gatehouse.jsonField(Gatehouse.json(Gatehouse.USER_POOL_URL,
					"AWSCognitoIdentityProviderService.InitiateAuth", pool.signInBody(username), "cognito-idp",
					Optional.empty()), "IdToken");
			String logins = "{\"" + provider + "\":\"" + idToken + "\"}";
			String identityId = Gatehouse.jsonField(Gatehouse.json(Gatehouse.IDENTITY_POOL_URL,
					"AWSCognitoIdentityService.GetId",
					"{\"IdentityPoolId\":\"" + identityPoolId + "\",\"Logins\":" + logins + "}", "cognito-identity",
					Optional.empty()), "IdentityId");
			bodies.add("{\"IdentityId\":\"" + identityId + "\",\"Logins\":" + logins + "}");
		}
		return bodies;
	}

}
