package io.gatehouse.userpool;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationStartupTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@Value("${local.management.port}")
	private int managementPort;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void startWhenDatabaseReachableThenReadinessIsUpAndIncludesDatabase() throws Exception {
		HttpResponse<String> readiness = get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"status\":\"UP\"");
		HttpResponse<String> liveness = get("/actuator/health/liveness");
		assertThat(liveness.statusCode()).isEqualTo(200);
	}

	@Test
	void startThenFlywayOwnsTheUserPoolSchemaOnly() {
		String version = this.jdbc.queryForObject(
				"select version from user_pool.flyway_schema_history where success order by installed_rank desc limit 1",
				String.class);
		assertThat(version).isNotBlank();
		assertThat(this.jdbc.queryForList(
				"select schema_name from information_schema.schemata where schema_name in ('user_pool','identity_pool')",
				String.class)).containsExactly("user_pool");
	}

	@Test
	void infoExposesBuildAndGitAndPrometheusExportsMetrics() throws Exception {
		HttpResponse<String> info = get("/actuator/info");
		assertThat(info.statusCode()).isEqualTo(200);
		assertThat(info.body()).contains("\"build\"").contains("\"git\"");
		HttpResponse<String> prometheus = get("/actuator/prometheus");
		assertThat(prometheus.statusCode()).isEqualTo(200);
		assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
