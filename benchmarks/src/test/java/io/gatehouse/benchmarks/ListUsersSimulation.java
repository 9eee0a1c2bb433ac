package io.gatehouse.benchmarks;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Issue 6 target: ListUsers with a filter on a 1,000,000-user pool answers in under 50 ms at p99 on 2
 * cores. The pool is seeded by {@code benchmarks/list-users} (CreateUserPool + generate-users.sql); this
 * asks for one random user by email at {@code -Drate} requests per second (default 100) for
 * {@code -Dseconds} (default 60). {@code -Dpool} names the pool, {@code -Dusers} how many it holds.
 */
public final class ListUsersSimulation extends Simulation {

	private static final String TARGET = "AWSCognitoIdentityProviderService.ListUsers";

	private static final String POOL = System.getProperty("pool");

	private static final int USERS = Integer.getInteger("users", 1_000_000);

	private final HttpProtocolBuilder protocol = http.baseUrl(Gatehouse.USER_POOL_URL).shareConnections();

	private final ScenarioBuilder byEmail = scenario("ListUsers email = random user")
		.exec(SignedCall.sign(Gatehouse.USER_POOL_URL, TARGET, "cognito-idp", Gatehouse.admin(), () -> {
			String user = "user%07d".formatted(ThreadLocalRandom.current().nextInt(1, USERS + 1));
			return "{\"UserPoolId\":\"" + POOL + "\",\"Filter\":\"email = \\\"" + user + "@example.com\\\"\"}";
		}))
		.exec(SignedCall.post("ListUsers by email", TARGET)
			.check(status().is(200), jsonPath("$.Users[0].Username").exists()));

	{
		if (POOL == null) {
			throw new IllegalStateException("-Dpool=<user pool id seeded with generate-users.sql> is required");
		}
		setUp(this.byEmail.injectOpen(constantUsersPerSec(Integer.getInteger("rate", 100))
			.during(Duration.ofSeconds(Integer.getInteger("seconds", 60)))))
			.protocols(this.protocol)
			.assertions(global().failedRequests().count().is(0L),
					global().responseTime().percentile(99.0).lt(50));
	}

}
