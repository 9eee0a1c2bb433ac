package io.gatehouse.userpool.cognito;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolResponse;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every admin operation leaves one audit event: who, what, on what, how it ended, from where. */
@CognitoApiTest
class AdminAuditTest {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	private CognitoIdentityProviderClient admin;

	@BeforeEach
	void connect() {
		this.admin = TestAdmin.sdk(this.port);
	}

	@AfterEach
	void close() {
		this.admin.close();
	}

	@Test
	void adminOperationWhenSucceedsThenAuditedWithKeyPoolOriginAndRequestId() {
		CreateUserPoolResponse created = this.admin.createUserPool(TestUserPools.any().build());
		String poolId = created.userPool().id();

		String describeRequestId = this.admin.describeUserPool((r) -> r.userPoolId(poolId))
			.responseMetadata()
			.requestId();

		Map<String, Object> event = event(describeRequestId);
		assertThat(event).containsEntry("category", "ADMIN")
			.containsEntry("actor_type", "ADMIN_KEY")
			.containsEntry("actor", TestAdmin.ACCESS_KEY_ID)
			.containsEntry("action", "DescribeUserPool")
			.containsEntry("pool_id", poolId)
			.containsEntry("outcome", "SUCCESS")
			.containsEntry("reason", null);
		assertThat((String) event.get("source_ip")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
		assertThat((String) event.get("user_agent")).contains("aws-sdk-java");
		assertThat(event.get("occurred_at")).isNotNull();
	}

	@Test
	void adminOperationWhenItFailsThenAuditedAsFailureWithTheErrorType() {
		CognitoIdentityProviderException ex = catchThrowableOfType(CognitoIdentityProviderException.class,
				() -> this.admin.describeUserPool((r) -> r.userPoolId("local-1_Missing00")));

		assertThat(event(ex.requestId())).containsEntry("outcome", "FAILURE")
			.containsEntry("actor", TestAdmin.ACCESS_KEY_ID)
			.containsEntry("pool_id", "local-1_Missing00")
			.containsEntry("reason", "ResourceNotFoundException");
	}

	@Test
	void deleteUserPoolWhenSignedWithUnknownKeyThenNothingChangesAndAuditedAsRefused() {
		String poolId = this.admin.createUserPool(TestUserPools.any().build()).userPool().id();
		CognitoIdentityProviderException ex;
		try (CognitoIdentityProviderClient stranger = TestAdmin.sdk(this.port, "AKIAUNKNOWNKEY000001",
				TestAdmin.SECRET_ACCESS_KEY, TestAdmin.REGION)) {
			ex = catchThrowableOfType(CognitoIdentityProviderException.class,
					() -> stranger.deleteUserPool((r) -> r.userPoolId(poolId)));
		}

		assertThat(this.admin.describeUserPool((r) -> r.userPoolId(poolId)).userPool().id()).isEqualTo(poolId);
		Map<String, Object> event = event(ex.requestId());
		assertThat(event).containsEntry("outcome", "REFUSED")
			.containsEntry("action", "DeleteUserPool")
			.containsEntry("actor", "AKIAUNKNOWNKEY000001")
			.containsEntry("reason", "UnrecognizedClientException")
			// The body of a refused call is never read, not even for the audit.
			.containsEntry("pool_id", null)
			.containsEntry("target", null);
	}

	@Test
	void createUserPoolWhenSignatureWrongThenNothingCreatedAndAuditedAsRefused() {
		long poolsBefore = this.jdbc.sql("SELECT count(*) FROM user_pool.user_pool").query(Long.class).single();
		CognitoIdentityProviderException ex;
		try (CognitoIdentityProviderClient forger = TestAdmin.sdk(this.port, TestAdmin.ACCESS_KEY_ID,
				"not-the-secret-access-key-0123456789", TestAdmin.REGION)) {
			ex = catchThrowableOfType(CognitoIdentityProviderException.class,
					() -> forger.createUserPool(TestUserPools.any().build()));
		}

		assertThat(this.jdbc.sql("SELECT count(*) FROM user_pool.user_pool").query(Long.class).single())
			.isEqualTo(poolsBefore);
		assertThat(event(ex.requestId())).containsEntry("outcome", "REFUSED")
			.containsEntry("actor", TestAdmin.ACCESS_KEY_ID)
			.containsEntry("reason", "InvalidSignatureException");
	}

	@Test
	void adminOperationWhenUnsignedThenAuditedAsRefusedWithoutActor() {
		CognitoHttp.Response response = new CognitoHttp(this.port).unsigned()
			.call("CreateUserPool", "{\"PoolName\":\"unsigned\"}");

		List<Map<String, Object>> events = this.jdbc
			.sql("SELECT * FROM user_pool.audit_event WHERE reason = 'MissingAuthenticationTokenException'"
					+ " AND action = 'CreateUserPool'")
			.query()
			.listOfRows();
		assertThat(response.type()).isEqualTo("MissingAuthenticationTokenException");
		assertThat(events).isNotEmpty().allSatisfy((event) -> assertThat(event).containsEntry("actor_type", "NONE")
			.containsEntry("actor", null)
			.containsEntry("outcome", "REFUSED"));
	}

	private Map<String, Object> event(String requestId) {
		return this.jdbc.sql("SELECT * FROM user_pool.audit_event WHERE request_id = :id")
			.param("id", requestId)
			.query()
			.singleRow();
	}

}
