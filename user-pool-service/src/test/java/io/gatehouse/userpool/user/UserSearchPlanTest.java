package io.gatehouse.userpool.user;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.gatehouse.userpool.UserModelTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ListUsers is served by indexes: for every searchable attribute, the plan PostgreSQL chooses for the exact
 * query {@link UserSearch} runs is an index scan, on a table large enough (and ANALYZEd) that the planner would
 * pick a sequential scan and a sort if the index did not fit. And a page deep into the pool reads about as many
 * buffers as the first page: keyset pagination, no OFFSET.
 */
@UserModelTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserSearchPlanTest {

	private static final int USERS = 20_000;

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private UserSearch search;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private JdbcTemplate jdbcTemplate;

	private PoolUserSettings pool;

	@BeforeAll
	void seedALargePool() {
		this.pool = TestUserPools.insert(this.jdbcTemplate);
		// Another pool's users too, so pool_id alone is not selective enough to hide a bad plan.
		PoolUserSettings other = TestUserPools.insert(this.jdbcTemplate);
		GeneratedUsers.insert(this.jdbc, other.poolId(), 1, 5_000);
		GeneratedUsers.insert(this.jdbc, this.pool.poolId(), 1, USERS);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "", "username = \"user0001234\"", "username ^= \"user00012\"",
			"email = \"user0001234@example.com\"", "email ^= \"USER0001\"", "phone_number ^= \"+155500012\"",
			"name ^= \"ann fam\"", "given_name = \"Cleo\"", "family_name ^= \"family0\"",
			"preferred_username = \"x\"", "cognito:user_status = \"unconfirmed\"", "cognito:user_status ^= \"CONF\"",
			"status = \"Disabled\"", "sub ^= \"a\"" })
	void listUsersThenPlanIsAnIndexScanWithoutSort(String filter) {
		JsonNode plan = explain(this.search.query(this.pool, UserFilter.parse(filter), 60, null), false);

		List<String> nodes = nodeTypes(plan);
		assertThat(nodes).as(plan.toString()).doesNotContain("Seq Scan", "Sort", "Bitmap Heap Scan");
		assertThat(nodes).as(plan.toString()).containsAnyOf("Index Scan", "Index Only Scan");
		assertThat(plan.toString()).contains(filter.isEmpty() ? "user_account_pool_created_idx" : "user_account_search_");
		if (filter.contains("^=")) {
			// Both ends of the prefix range bound the index scan; neither is a filter applied row by row.
			assertThat(indexConditions(plan)).as(plan.toString()).contains(" >= ").contains(" < ");
		}
	}

	private static String indexConditions(JsonNode node) {
		StringBuilder conditions = new StringBuilder(node.path("Index Cond").asString(""));
		for (JsonNode child : node.path("Plans")) {
			conditions.append(indexConditions(child));
		}
		return conditions.toString();
	}

	@Test
	void listUsersThenAPageNearTheEndReadsNoMoreThanTheFirstPage() {
		Map<String, Object> late = this.jdbc
			.sql("SELECT sub, created_at, lower(attributes ->> 'email') AS email FROM user_pool.user_account"
					+ " WHERE pool_id = :poolId AND username = :username")
			.param("poolId", this.pool.poolId())
			.param("username", GeneratedUsers.username(USERS - 100))
			.query()
			.singleRow();
		UUID sub = (UUID) late.get("sub");

		Optional<UserFilter> byEmail = UserFilter.parse("email ^= \"user\"");
		long firstEmail = buffers(this.search.query(this.pool, byEmail, 60, null));
		long lateEmail = buffers(this.search.query(this.pool, byEmail, 60,
				UserSearch.tokenAt(this.pool, byEmail, sub, (String) late.get("email"))));

		Optional<UserFilter> none = Optional.empty();
		long micros = this.jdbc.sql("SELECT (extract(epoch FROM created_at) * 1000000)::bigint FROM user_pool.user_account WHERE sub = :sub")
			.param("sub", sub)
			.query(Long.class)
			.single();
		long firstAll = buffers(this.search.query(this.pool, none, 60, null));
		long lateAll = buffers(this.search.query(this.pool, none, 60,
				UserSearch.tokenAt(this.pool, none, sub, Long.toString(micros))));

		assertThat(lateEmail).isLessThanOrEqualTo(firstEmail * 2 + 10);
		assertThat(lateAll).isLessThanOrEqualTo(firstAll * 2 + 10);
		// And a page is a page: about 60 heap tuples plus a few index pages, not the pool.
		assertThat(lateEmail).isLessThan(300);
		assertThat(lateAll).isLessThan(300);
	}

	private long buffers(UserSearch.Query query) {
		JsonNode plan = explain(query, true);
		return plan.path("Shared Hit Blocks").asLong() + plan.path("Shared Read Blocks").asLong();
	}

	private JsonNode explain(UserSearch.Query query, boolean analyze) {
		JdbcClient.StatementSpec statement = this.jdbc
			.sql("EXPLAIN (" + (analyze ? "ANALYZE, BUFFERS, " : "") + "FORMAT JSON) " + query.sql());
		for (Map.Entry<String, Object> parameter : query.parameters().entrySet()) {
			statement = statement.param(parameter.getKey(), parameter.getValue());
		}
		String text = statement.query(String.class).single();
		return json.readTree(text).get(0).get("Plan");
	}

	private static List<String> nodeTypes(JsonNode plan) {
		List<String> types = new java.util.ArrayList<>();
		collect(plan, types);
		return types;
	}

	private static void collect(JsonNode node, List<String> types) {
		types.add(node.path("Node Type").asString(""));
		for (JsonNode child : node.path("Plans")) {
			collect(child, types);
		}
	}

}
