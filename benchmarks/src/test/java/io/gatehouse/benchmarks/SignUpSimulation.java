package io.gatehouse.benchmarks;

import java.time.Duration;
import java.util.UUID;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Issue 5 scenario: SignUp (password policy, Argon2id hash, user row, confirmation code, mail to the
 * outbox) at {@code -Drate} sign-ups per second (default 10) for {@code -Dseconds} (default 30).
 */
public final class SignUpSimulation extends Simulation {

	private final UserPoolFixture pool = UserPoolFixture.create(0);

	private final HttpProtocolBuilder protocol = http.baseUrl(Gatehouse.USER_POOL_URL)
		.contentTypeHeader("application/x-amz-json-1.1")
		.header("X-Amz-Target", "AWSCognitoIdentityProviderService.SignUp")
		.shareConnections();

	private final ScenarioBuilder signUp = scenario("SignUp").exec((session) -> {
		String name = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		return session.set("body", "{\"ClientId\":\"" + this.pool.clientId() + "\",\"Username\":\"" + name
				+ "\",\"Password\":\"" + this.pool.password() + "\",\"UserAttributes\":[{\"Name\":\"email\",\"Value\":\""
				+ name + "@example.com\"}]}");
	})
		.exec(http("SignUp").post("/").body(StringBody("#{body}")).check(status().is(200), jsonPath("$.UserSub").exists()));

	{
		setUp(this.signUp.injectOpen(constantUsersPerSec(Integer.getInteger("rate", 10))
			.during(Duration.ofSeconds(Integer.getInteger("seconds", 30)))))
			.protocols(this.protocol)
			.assertions(global().failedRequests().count().is(0L));
	}

}
