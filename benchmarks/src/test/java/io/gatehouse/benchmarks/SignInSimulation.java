package io.gatehouse.benchmarks;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

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
 * Issue 5 target: InitiateAuth password sign-in reaches at least 70 % of what the password hash alone
 * permits on the same machine. Before the load, this JVM measures that ceiling (Argon2id verifications
 * per second at the service's defaults, one thread per core, server idle); after it, it prints the
 * sign-in throughput and the ratio. Closed model: {@code -Dusers} concurrent callers (default 8) for
 * {@code -Dseconds} (default 30).
 */
public final class SignInSimulation extends Simulation {

	private static final int USERS = Integer.getInteger("users", 8);

	private static final int SECONDS = Integer.getInteger("seconds", 30);

	private static final String TARGET = "AWSCognitoIdentityProviderService.InitiateAuth";

	private final UserPoolFixture pool = UserPoolFixture.create(20);

	private final AtomicLong signIns = new AtomicLong();

	private volatile double ceiling;

	private volatile long loadStart;

	private final HttpProtocolBuilder protocol = http.baseUrl(Gatehouse.USER_POOL_URL)
		.contentTypeHeader("application/x-amz-json-1.1")
		.header("X-Amz-Target", TARGET)
		.shareConnections();

	private final ScenarioBuilder signIn = scenario("InitiateAuth USER_PASSWORD_AUTH").forever()
		.on(io.gatling.javaapi.core.CoreDsl.exec((session) -> session.set("body",
				this.pool.signInBody(this.pool.usernames()
					.get(ThreadLocalRandom.current().nextInt(this.pool.usernames().size())))))
			.exec(http("InitiateAuth password").post("/")
				.body(StringBody("#{body}"))
				.check(status().is(200), jsonPath("$.AuthenticationResult.AccessToken").exists()))
			.exec((session) -> {
				if (!session.isFailed()) {
					this.signIns.incrementAndGet();
				}
				return session;
			}));

	{
		setUp(this.signIn.injectClosed(constantConcurrentUsers(USERS).during(Duration.ofSeconds(SECONDS))))
			.protocols(this.protocol)
			.maxDuration(Duration.ofSeconds(SECONDS + 5))
			.assertions(global().failedRequests().count().is(0L));
	}

	@Override
	public void before() {
		try {
			this.ceiling = PasswordHashCeiling.measure(Duration.ofSeconds(15));
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot measure the password hash ceiling", ex);
		}
		System.out.printf("Ceiling: %.1f Argon2id verifications/s on %d threads%n", this.ceiling,
				PasswordHashCeiling.threads());
		this.loadStart = System.nanoTime();
	}

	@Override
	public void after() {
		double seconds = (System.nanoTime() - this.loadStart) / 1e9;
		double throughput = this.signIns.get() / seconds;
		System.out.printf("Password sign-in: %.1f/s; ceiling %.1f/s; ratio %.0f %% (target >= 70 %%)%n", throughput,
				this.ceiling, 100 * throughput / this.ceiling);
	}

}
