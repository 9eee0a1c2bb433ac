package io.gatehouse.userpool;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.core.type.TypeReference;

import io.gatehouse.userpool.client.AppClient;
import io.gatehouse.userpool.client.AppClientService;
import io.gatehouse.userpool.client.AppClientSettings;
import io.gatehouse.userpool.client.NewAppClient;
import io.gatehouse.userpool.config.AwsJson;
import io.gatehouse.userpool.pool.NewUserPool;
import io.gatehouse.userpool.pool.UserPool;
import io.gatehouse.userpool.pool.UserPoolService;
import io.gatehouse.userpool.pool.UserPoolSettings;
import io.gatehouse.userpool.pool.UserPoolSettings.SchemaAttributeType;

/**
 * Pools and app clients made through the real services, with settings written as the AWS JSON the
 * administrators send: {@code TestPools.named("shop").settings("{\"AutoVerifiedAttributes\":[\"email\"]}")
 * .create(pools)}.
 */
public final class TestPools {

	private static final AtomicInteger counter = new AtomicInteger();

	private final String name;

	private String settings = "{\"AutoVerifiedAttributes\":[\"email\"]}";

	private String schema;

	private TestPools(String name) {
		this.name = name;
	}

	public static TestPools named(String prefix) {
		return new TestPools(prefix + "-" + counter.incrementAndGet());
	}

	/** The pool's settings document (CreateUserPool members); default: email verified automatically. */
	public TestPools settings(String json) {
		this.settings = json;
		return this;
	}

	/** The pool's {@code Schema} as a JSON array of {@code SchemaAttributeType}. */
	public TestPools schema(String json) {
		this.schema = json;
		return this;
	}

	public UserPool create(UserPoolService pools) {
		List<SchemaAttributeType> attributes = (this.schema != null)
				? AwsJson.mapper().readValue(this.schema, new TypeReference<List<SchemaAttributeType>>() {
				}) : null;
		return pools.create(new NewUserPool(this.name, AwsJson.mapper().readValue(this.settings, UserPoolSettings.class),
				attributes));
	}

	/** A public client of {@code pool} with the given settings (CreateUserPoolClient members). */
	public static AppClient client(AppClientService clients, String poolId, String settingsJson) {
		return clients.create(new NewAppClient(poolId, "client-" + counter.incrementAndGet(), false, null,
				AwsJson.mapper().readValue(settingsJson, AppClientSettings.class)));
	}

}
