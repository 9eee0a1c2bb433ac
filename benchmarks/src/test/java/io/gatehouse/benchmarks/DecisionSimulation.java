package io.gatehouse.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.gatehouse.shared.sigv4.SigV4Credentials;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Issue 7 target: the decision API answers at least 5,000 decisions per second on 2 cores. A guest
 * identity gets temporary credentials; a resource server forwards requests signed with them.
 * Closed model: {@code -Dusers} concurrent callers (default 32) for {@code -Dseconds} (default 30).
 */
public final class DecisionSimulation extends Simulation {

	private static final int USERS = Integer.getInteger("users", 32);

	private static final int SECONDS = Integer.getInteger("seconds", 30);

	private static final String ROLE_POLICY = """
			{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"files:GetObject",
			"Resource":"arn:aws:files:::bench/users/${cognito-identity.amazonaws.com:sub}/*"}]}""";

	private final List<String> bodies = prepare();

	private final HttpProtocolBuilder protocol = http.baseUrl(Gatehouse.IDENTITY_POOL_URL)
		.contentTypeHeader("application/json")
		.shareConnections();

	private final ScenarioBuilder decide = scenario("decision")
		.forever()
		.on(io.gatling.javaapi.core.CoreDsl.feed(feeder(this.bodies))
			.exec(http("POST /decisions").post("/decisions")
				.body(StringBody("#{body}"))
				.check(status().is(200), jsonPath("$.allowed").is("true"))));

	{
		setUp(this.decide.injectClosed(constantConcurrentUsers(USERS).during(Duration.ofSeconds(SECONDS))))
			.protocols(this.protocol)
			.maxDuration(Duration.ofSeconds(SECONDS + 5))
			.assertions(global().failedRequests().count().is(0L));
	}

	private static Iterator<Map<String, Object>> feeder(List<String> bodies) {
		Supplier<Map<String, Object>> next = new Supplier<>() {
			private int index;

			@Override
			public synchronized Map<String, Object> get() {
				return Map.of("body", bodies.get(this.index++ % bodies.size()));
			}
		};
		return Stream.generate(next).iterator();
	}

	/** Role, identity pool, guest identity, credentials; then 512 distinct signed requests to forward. */
	static List<String> prepare() {
		SigV4Credentials admin = Gatehouse.admin();
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String poolJson = Gatehouse.json(Gatehouse.IDENTITY_POOL_URL, "AWSCognitoIdentityService.CreateIdentityPool",
				"{\"IdentityPoolName\":\"bench_" + suffix + "\",\"AllowUnauthenticatedIdentities\":true}",
				"cognito-identity", Optional.of(admin));
		String poolId = Gatehouse.jsonField(poolJson, "IdentityPoolId");
		String trust = """
				{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},
				"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"cognito-identity.amazonaws.com:aud":"%s"},
				"ForAnyValue:StringLike":{"cognito-identity.amazonaws.com:amr":"unauthenticated"}}}]}""".formatted(poolId);
		String roleXml = Gatehouse.query(Gatehouse.IDENTITY_POOL_URL, Map.of("Action", "CreateRole", "Version",
				"2010-05-08", "RoleName", "bench-guest-" + suffix, "AssumeRolePolicyDocument", trust), "iam", admin);
		String roleArn = Gatehouse.xmlField(roleXml, "Arn");
		Gatehouse.query(Gatehouse.IDENTITY_POOL_URL, Map.of("Action", "PutRolePolicy", "Version", "2010-05-08",
				"RoleName", "bench-guest-" + suffix, "PolicyName", "files", "PolicyDocument", ROLE_POLICY), "iam",
				admin);
		Gatehouse.json(Gatehouse.IDENTITY_POOL_URL, "AWSCognitoIdentityService.SetIdentityPoolRoles",
				"{\"IdentityPoolId\":\"" + poolId + "\",\"Roles\":{\"unauthenticated\":\"" + roleArn + "\"}}",
				"cognito-identity", Optional.of(admin));
		String identityId = Gatehouse.jsonField(Gatehouse.json(Gatehouse.IDENTITY_POOL_URL,
				"AWSCognitoIdentityService.GetId", "{\"IdentityPoolId\":\"" + poolId + "\"}", "cognito-identity",
				Optional.empty()), "IdentityId");
		String credentials = Gatehouse.json(Gatehouse.IDENTITY_POOL_URL,
				"AWSCognitoIdentityService.GetCredentialsForIdentity", "{\"IdentityId\":\"" + identityId + "\"}",
				"cognito-identity", Optional.empty());
		SigV4Credentials guest = SigV4Credentials.of(Gatehouse.jsonField(credentials, "AccessKeyId"),
				Gatehouse.jsonField(credentials, "SecretKey"), Gatehouse.jsonField(credentials, "SessionToken"));

		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < 512; i++) {
			String path = "/bench/users/" + identityId + "/object-" + i;
			Map<String, List<String>> headers = Gatehouse.signedHeaders("GET", "files.example.internal", path,
					new byte[0], Map.of(), "files", guest);
			Map<String, Object> request = new LinkedHashMap<>();
			request.put("request", Map.of("method", "GET", "path", path, "headers", headers, "payloadSha256",
					Gatehouse.sha256("".getBytes(StandardCharsets.UTF_8))));
			request.put("signingService", "files");
			request.put("action", "files:GetObject");
			request.put("resource", "arn:aws:files:::bench/users/" + identityId + "/object-" + i);
			bodies.add(Json.write(request));
		}
		return bodies;
	}

}
