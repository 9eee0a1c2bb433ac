package io.gatehouse.identitypool.audit;

import java.util.List;
import java.util.Map;

import io.gatehouse.identitypool.GatehouseTest;
import io.gatehouse.identitypool.TestGatehouse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityException;
import software.amazon.awssdk.services.iam.IamClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * SECURITY.md: every admin action is recorded (who, what, when, from where), refused ones included, without
 * secrets, tokens or policy documents; app operations (GetId, ...) are not admin actions.
 */
@GatehouseTest
class AuditTrailTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void adminActionsAndRefusedOnesThenAuditEventsWithoutSecretsOrDocuments() {
		String roleName = TestGatehouse.unique("audited");
		String poolName = TestGatehouse.unique("audited");
		String trust = TestGatehouse.trustPolicy("local-1:00000000-0000-0000-0000-0000000000aa", "authenticated");
		IamClient iam = TestGatehouse.iam(this.port);
		iam.createRole((r) -> r.roleName(roleName).assumeRolePolicyDocument(trust));
		String poolId = TestGatehouse.cognito(this.port)
			.createIdentityPool((r) -> r.identityPoolName(poolName).allowUnauthenticatedIdentities(true))
			.identityPoolId();
		try (CognitoIdentityClient forger = TestGatehouse.cognito(this.port,
				AwsBasicCredentials.create(TestGatehouse.ADMIN_KEY, "forgedSecret"))) {
			assertThatExceptionOfType(CognitoIdentityException.class)
				.isThrownBy(() -> forger.deleteIdentityPool((r) -> r.identityPoolId(poolId)));
		}
		String guest = TestGatehouse.anonymousCognito(this.port).getId((r) -> r.identityPoolId(poolId)).identityId();

		Map<String, Object> createRole = event("iam:CreateRole", "arn:aws:iam::000000000000:role/" + roleName);
		assertThat(createRole).containsEntry("outcome", "Success")
			.containsEntry("actor_key_id", TestGatehouse.ADMIN_KEY)
			.containsEntry("actor_verified", true)
			.containsEntry("source_ip", "127.0.0.1");
		assertThat((String) createRole.get("user_agent")).contains("aws-sdk-java");
		assertThat((String) createRole.get("request_id")).isNotBlank();
		assertThat(event("cognito-identity:CreateIdentityPool", poolId)).containsEntry("outcome", "Success");
		assertThat(event("cognito-identity:DeleteIdentityPool", poolId))
			.containsEntry("outcome", "InvalidSignatureException")
			.containsEntry("actor_key_id", TestGatehouse.ADMIN_KEY)
			.containsEntry("actor_verified", false);

		List<Map<String, Object>> all = this.jdbc.queryForList("select * from identity_pool.audit_event");
		assertThat(all).noneSatisfy((row) -> assertThat(row.toString()).contains(guest));
		assertThat(all).allSatisfy((row) -> assertThat(row.toString()).doesNotContain(TestGatehouse.ADMIN_SECRET,
				"forgedSecret", "Statement", "sts:AssumeRoleWithWebIdentity"));
	}

	private Map<String, Object> event(String action, String target) {
		return this.jdbc.queryForMap(
				"select * from identity_pool.audit_event where action = ? and target = ? order by id desc limit 1", action,
				target);
	}

}
