package io.gatehouse.identitypool;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;

import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.InternalErrorException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * SECURITY.md "A database outage yields 503 with no half-written state, and the service recovers by itself
 * when the database returns". The outage is real: this context's database stops accepting connections and
 * every connection the service holds is terminated by PostgreSQL, then connections are allowed again.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gatehouse.admin.access-key-id=" + TestGatehouse.ADMIN_KEY,
				"gatehouse.admin.secret-access-key=" + TestGatehouse.ADMIN_SECRET,
				"spring.datasource.hikari.connection-timeout=1000", "gatehouse.rate-limit.enabled=false",
				"spring.datasource.hikari.maximum-pool-size=4" })
class DatabaseOutageTest {

	@LocalServerPort
	int port;

	@Value("${spring.datasource.url}")
	String url;

	@Value("${spring.datasource.username}")
	String username;

	@Value("${spring.datasource.password}")
	String password;

	@Test
	void databaseDownThen503NothingWrittenAndRecoveryWithoutRestart() throws Exception {
		CognitoIdentityClient admin = TestGatehouse.cognito(this.port);
		CognitoIdentityClient app = TestGatehouse.anonymousCognito(this.port);
		IamClient iam = TestGatehouse.iam(this.port);
		String poolId = admin.createIdentityPool((r) -> r.identityPoolName(TestGatehouse.unique("before"))
			.allowUnauthenticatedIdentities(true)).identityPoolId();
		String outagePool = TestGatehouse.unique("outage");
		String outageRole = TestGatehouse.unique("outage");

		String database;
		try (Connection own = DriverManager.getConnection(this.url, this.username, this.password)) {
			database = single(own, "select current_database()");
		}
		// PostgreSQL only lets a database refuse connections from another database's session.
		String maintenance = this.url.substring(0, this.url.lastIndexOf('/') + 1) + "postgres";
		try (Connection superuser = DriverManager.getConnection(maintenance, this.username, this.password)) {
			try {
				execute(superuser, "alter database \"" + database + "\" allow_connections false");
				execute(superuser, "select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");

				assertThatExceptionOfType(InternalErrorException.class)
					.isThrownBy(() -> admin.createIdentityPool((r) -> r.identityPoolName(outagePool)
						.allowUnauthenticatedIdentities(true)))
					.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(503));
				assertThatExceptionOfType(InternalErrorException.class)
					.isThrownBy(() -> app.getId((r) -> r.identityPoolId(poolId)))
					.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(503));
				assertThatExceptionOfType(IamException.class)
					.isThrownBy(() -> iam.createRole((r) -> r.roleName(outageRole)
						.assumeRolePolicyDocument(TestGatehouse.trustPolicy(poolId, "authenticated"))))
					.satisfies((ex) -> {
						assertThat(ex.statusCode()).isEqualTo(503);
						assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
					});
			}
			finally {
				execute(superuser, "alter database \"" + database + "\" allow_connections true");
			}
		}

		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		String guest = null;
		while (guest == null) {
			try {
				guest = app.getId((r) -> r.identityPoolId(poolId)).identityId();
			}
			catch (InternalErrorException ex) {
				assertThat(Instant.now()).as("recovered within 30 s").isBefore(deadline);
				Thread.sleep(200);
			}
		}
		assertThat(guest).startsWith("local-1:");
		assertThat(admin.listIdentityPools((r) -> r.maxResults(60)).identityPools())
			.as("nothing of the refused calls was written")
			.noneSatisfy((pool) -> assertThat(pool.identityPoolName()).isEqualTo(outagePool));
		assertThatExceptionOfType(NoSuchEntityException.class).isThrownBy(() -> iam.getRole((r) -> r.roleName(outageRole)));
		iam.createRole((r) -> r.roleName(outageRole).assumeRolePolicyDocument(TestGatehouse.trustPolicy(poolId, "authenticated")));
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String single(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

}
