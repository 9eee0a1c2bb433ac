package io.gatehouse.testsupport;

import java.net.http.HttpResponse;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every running service shows its operator: readiness that includes the database, liveness,
 * build and git info, Prometheus metrics (request latency with its objective buckets), and a schema owned
 * by its own Flyway migrations.
 */
public final class OperationsContract {

	private OperationsContract() {
	}

	public static void verify(int serverPort, int managementPort, JdbcTemplate jdbc, String ownSchema,
			String otherSchema) {
		ActuatorProbe actuator = new ActuatorProbe(managementPort);
		// Any answered request is timed, an error too; its latency buckets then appear in the Prometheus output.
		assertThat(new ActuatorProbe(serverPort).get("/no-such-page").statusCode()).isBetween(400, 499);
		HttpResponse<String> readiness = actuator.get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"status\":\"UP\"");
		assertThat(actuator.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

		HttpResponse<String> info = actuator.get("/actuator/info");
		assertThat(info.statusCode()).isEqualTo(200);
		assertThat(info.body()).contains("\"build\"").contains("\"git\"");
		HttpResponse<String> prometheus = actuator.get("/actuator/prometheus");
		assertThat(prometheus.statusCode()).isEqualTo(200);
		assertThat(prometheus.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
		assertThat(prometheus.body().lines()
			.filter((line) -> line.startsWith("http_server_requests_seconds_bucket{") && line.contains("le=\"0.025\"")))
			.isNotEmpty();

		String version = jdbc.queryForObject("select version from " + ownSchema
				+ ".flyway_schema_history where success order by installed_rank desc limit 1", String.class);
		assertThat(version).isNotBlank();
		assertThat(jdbc.queryForList("select schema_name from information_schema.schemata where schema_name in (?, ?)",
				String.class, ownSchema, otherSchema))
			.containsExactly(ownSchema);
	}

}
