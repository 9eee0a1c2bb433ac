package io.gatehouse.userpool.demo;

import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import io.gatehouse.userpool.client.AppClient;
import io.gatehouse.userpool.client.AppClientService;
import io.gatehouse.userpool.client.AppClientSettings;
import io.gatehouse.userpool.client.NewAppClient;
import io.gatehouse.userpool.config.AwsJson;
import io.gatehouse.userpool.config.GatehouseProperties;
import io.gatehouse.userpool.pool.NewUserPool;
import io.gatehouse.userpool.pool.UserPool;
import io.gatehouse.userpool.pool.UserPoolService;
import io.gatehouse.userpool.pool.UserPoolSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo on start when {@code gatehouse.demo.enabled}: a pool "Gatehouse demo" (email is the
 * username, verified by a mailed code) and a public client that uses the code flow with PKCE and whose
 * callback is the demo page. Once only, whatever the number of instances starting together: the check and the
 * creation run in one transaction under a PostgreSQL advisory lock, and the result is remembered in
 * {@code demo_seed}. Every start prints the address to open.
 */
@Component
final class DemoSeed implements ApplicationRunner {

	static final String POOL_NAME = "Gatehouse demo";

	private static final Logger logger = LoggerFactory.getLogger(DemoSeed.class);

	private static final String POOL_SETTINGS = "{\"UsernameAttributes\":[\"email\"],\"AutoVerifiedAttributes\":[\"email\"]}";

	private final DemoProperties properties;

	private final GatehouseProperties gatehouse;

	private final UserPoolService pools;

	private final AppClientService clients;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final PrintStream console = System.out;

	DemoSeed(DemoProperties properties, GatehouseProperties gatehouse, UserPoolService pools, AppClientService clients,
			JdbcClient jdbc, PlatformTransactionManager transactionManager, ObjectProvider<Clock> clock) {
		this.properties = properties;
		this.gatehouse = gatehouse;
		this.pools = pools;
		this.clients = clients;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactionManager);
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.properties.enabled()) {
			return;
		}
		try {
			seed();
		}
		catch (RuntimeException ex) {
			// The demo is a convenience: a failure to seed it must not stop the service.
			logger.warn("The demo could not be seeded: {}", ex.getMessage());
			return;
		}
		String base = DemoPaths.base(this.gatehouse);
		this.console.println();
		this.console.println(" Try Gatehouse: open " + base + DemoPaths.HOME);
		this.console.println(" Sign up there; the confirmation code arrives in the mail outbox (<data directory>/user-pool-service/outbox/)");
		this.console.println();
		logger.info("Demo: open {}{}", base, DemoPaths.HOME);
	}

	/** Creates the demo pool and client unless they exist; returns them. */
	DemoApp seed() {
		return this.transaction.execute((status) -> {
			this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('gatehouse/demo-seed', 0))").query().singleValue();
			Optional<DemoApp> existing = find();
			if (existing.isPresent()) {
				return existing.get();
			}
			UserPool pool = this.pools.create(new NewUserPool(POOL_NAME,
					AwsJson.mapper().readValue(POOL_SETTINGS, UserPoolSettings.class), null));
			String base = DemoPaths.base(this.gatehouse);
			String clientSettings = "{\"AllowedOAuthFlowsUserPoolClient\":true,\"AllowedOAuthFlows\":[\"code\"],"
					+ "\"AllowedOAuthScopes\":[\"openid\",\"email\",\"profile\"],\"SupportedIdentityProviders\":[\"COGNITO\"],"
					+ "\"CallbackURLs\":[\"" + base + DemoPaths.CALLBACK + "\"],\"LogoutURLs\":[\"" + base + DemoPaths.HOME
					+ "\"],\"ExplicitAuthFlows\":[\"ALLOW_USER_PASSWORD_AUTH\",\"ALLOW_REFRESH_TOKEN_AUTH\"]}";
			AppClient client = this.clients.create(new NewAppClient(pool.id(), "Gatehouse demo app", false, null,
					AwsJson.mapper().readValue(clientSettings, AppClientSettings.class)));
			this.jdbc.sql("INSERT INTO user_pool.demo_seed (id, pool_id, client_id, created_at)"
					+ " VALUES ('demo', :poolId, :clientId, :now)")
				.param("poolId", pool.id())
				.param("clientId", client.clientId())
				.param("now", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
				.update();
			logger.info("Seeded the demo: pool {} with public client {}", pool.id(), client.clientId());
			return new DemoApp(pool.id(), client.clientId());
		});
	}

	Optional<DemoApp> find() {
		return this.jdbc.sql("SELECT pool_id, client_id FROM user_pool.demo_seed WHERE id = 'demo'")
			.query((rs, row) -> new DemoApp(rs.getString(1), rs.getString(2)))
			.optional();
	}

	static URI issuer(GatehouseProperties gatehouse, DemoApp app) {
		return URI.create(DemoPaths.base(gatehouse) + "/" + app.poolId());
	}

}
