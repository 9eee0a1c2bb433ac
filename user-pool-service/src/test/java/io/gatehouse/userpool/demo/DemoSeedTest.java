package io.gatehouse.userpool.demo;

import java.util.List;

import io.gatehouse.userpool.AccountFlowTest;
import io.gatehouse.userpool.Concurrently;
import io.gatehouse.userpool.client.AppClient;
import io.gatehouse.userpool.client.AppClientService;
import io.gatehouse.userpool.client.AppClientSettings.OAuthFlowType;
import io.gatehouse.userpool.pool.UserPool;
import io.gatehouse.userpool.pool.UserPoolService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@AccountFlowTest
class DemoSeedTest {

	@Autowired
	private DemoSeed seed;

	@Autowired
	private UserPoolService pools;

	@Autowired
	private AppClientService clients;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void seedWhenInstancesStartTogetherThenOneDemoPoolAndClientAndTheSameAnswerForAll() throws Exception {
		List<Object> seeded = Concurrently.run(4, this.seed::seed);

		assertThat(seeded).hasSize(4).allSatisfy((app) -> assertThat(app).isInstanceOf(DemoApp.class));
		assertThat(seeded.stream().distinct()).hasSize(1);
		assertThat(this.seed.seed()).isEqualTo(seeded.get(0));
		assertThat(this.jdbc.queryForObject("select count(*) from user_pool.user_pool where name = ?", Integer.class,
				DemoSeed.POOL_NAME)).isEqualTo(1);

		DemoApp app = (DemoApp) seeded.get(0);
		UserPool pool = this.pools.describe(app.poolId());
		assertThat(pool.settings().usernameAttributes()).hasSize(1);
		AppClient client = this.clients.describe(app.poolId(), app.clientId());
		assertThat(client.clientSecret()).isNull();
		assertThat(client.settings().allowedOAuthFlows()).containsExactly(OAuthFlowType.CODE);
		assertThat(client.settings().callbackURLs()).containsExactly(AccountFlowTest.PUBLIC_BASE_URL + "/demo/callback");
	}

	@Test
	void seedWhenDemoPoolWasDeletedThenSeededAgain() {
		DemoApp first = this.seed.seed();
		this.jdbc.update("delete from user_pool.user_pool where id = ?", first.poolId());

		DemoApp second = this.seed.seed();

		assertThat(second.poolId()).isNotEqualTo(first.poolId());
		assertThat(this.seed.find()).contains(second);
	}

}
