package io.gatehouse.identitypool;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentity.model.TooManyRequestsException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * SECURITY.md "Over a rate limit: 429, never 500": the unauthenticated operations share a budget per source
 * address; past it the Cognito door answers TooManyRequestsException (HTTP 429) and STS Throttling, while
 * signed management calls are not throttled by it.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gatehouse.admin.access-key-id=" + TestGatehouse.ADMIN_KEY,
				"gatehouse.admin.secret-access-key=" + TestGatehouse.ADMIN_SECRET, "gatehouse.rate-limit.burst=3",
				"gatehouse.rate-limit.requests-per-second=0.001",
				"spring.datasource.hikari.maximum-pool-size=4" })
class RateLimitTest {

	@LocalServerPort
	int port;

	@Test
	void unauthenticatedOperationsOverTheBudgetThenTooManyRequestsAndManagementStillAnswers() {
		CognitoIdentityClient admin = TestGatehouse.cognito(this.port);
		CognitoIdentityClient app = TestGatehouse.anonymousCognito(this.port);
		String poolId = admin.createIdentityPool((r) -> r.identityPoolName(TestGatehouse.unique("limited"))
			.allowUnauthenticatedIdentities(true)).identityPoolId();

		String guest = app.getId((r) -> r.identityPoolId(poolId)).identityId();
		app.getOpenIdToken((r) -> r.identityId(guest));
		assertThatExceptionOfType(InvalidParameterException.class)
			.as("bad requests spend the budget too")
			.isThrownBy(() -> app.getId((r) -> r.identityPoolId("not a pool id")));

		assertThatExceptionOfType(TooManyRequestsException.class)
			.isThrownBy(() -> app.getId((r) -> r.identityPoolId(poolId)))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(429));
		assertThatExceptionOfType(TooManyRequestsException.class)
			.isThrownBy(() -> app.getCredentialsForIdentity((r) -> r.identityId(guest)));
		assertThatExceptionOfType(TooManyRequestsException.class)
			.isThrownBy(() -> app.getOpenIdToken((r) -> r.identityId(guest)));
		try (StsClient sts = TestGatehouse.sts(this.port, AwsBasicCredentials.create("AKIANOTUSED000000000", "x"))) {
			assertThatExceptionOfType(StsException.class)
				.isThrownBy(() -> sts.assumeRoleWithWebIdentity((r) -> r.roleArn(TestGatehouse.roleArn("any"))
					.roleSessionName("s1")
					.webIdentityToken("a.b.c")))
				.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("Throttling"));
		}
		assertThat(admin.describeIdentityPool((r) -> r.identityPoolId(poolId)).identityPoolId()).isEqualTo(poolId);
	}

}
