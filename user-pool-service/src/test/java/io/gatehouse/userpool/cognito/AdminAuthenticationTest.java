package io.gatehouse.userpool.cognito;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@CognitoApiTest
class AdminAuthenticationTest {

	@LocalServerPort
	private int port;

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
	void createUserPoolWhenUnsignedThenMissingAuthenticationTokenAndNothingCreated() {
		List<String> before = poolIds();

		CognitoHttp.Response response = new CognitoHttp(this.port).unsigned()
			.call("CreateUserPool", "{\"PoolName\":\"unsigned\"}");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.type()).isEqualTo("MissingAuthenticationTokenException");
		assertThat(response.errorTypeHeader()).isEqualTo("MissingAuthenticationTokenException");
		assertThat(poolIds()).isEqualTo(before);
	}

	@Test
	void createUserPoolWhenSignedWithWrongSecretThenInvalidSignatureAndNothingCreated() {
		List<String> before = poolIds();
		try (CognitoIdentityProviderClient forger = TestAdmin.sdk(this.port, TestAdmin.ACCESS_KEY_ID,
				"not-the-secret-access-key-0123456789", TestAdmin.REGION)) {

			CognitoIdentityProviderException ex = catchThrowableOfType(CognitoIdentityProviderException.class,
					() -> forger.createUserPool(TestUserPools.any().build()));

			assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
			assertThat(ex.statusCode()).isEqualTo(400);
		}
		assertThat(poolIds()).isEqualTo(before);
	}

	@Test
	void deleteUserPoolWhenSignedWithUnknownKeyThenUnrecognizedClientAndPoolRemains() {
		String id = this.admin.createUserPool(TestUserPools.any().build()).userPool().id();
		try (CognitoIdentityProviderClient stranger = TestAdmin.sdk(this.port, "AKIAUNKNOWNKEY000001",
				TestAdmin.SECRET_ACCESS_KEY, TestAdmin.REGION)) {

			CognitoIdentityProviderException ex = catchThrowableOfType(CognitoIdentityProviderException.class,
					() -> stranger.deleteUserPool((r) -> r.userPoolId(id)));

			assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
		}
		assertThat(this.admin.describeUserPool((r) -> r.userPoolId(id)).userPool().id()).isEqualTo(id);
	}

	@Test
	void createUserPoolWhenSignedForAnotherRegionThenInvalidSignatureAndNothingCreated() {
		List<String> before = poolIds();
		try (CognitoIdentityProviderClient elsewhere = TestAdmin.sdk(this.port, TestAdmin.ACCESS_KEY_ID,
				TestAdmin.SECRET_ACCESS_KEY, "us-east-1")) {

			CognitoIdentityProviderException ex = catchThrowableOfType(CognitoIdentityProviderException.class,
					() -> elsewhere.createUserPool(TestUserPools.any().build()));

			assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
		}
		assertThat(poolIds()).isEqualTo(before);
	}

	@Test
	void createUserPoolWhenSignedForAnotherServiceThenInvalidSignatureAndNothingCreated() {
		List<String> before = poolIds();

		CognitoHttp.Response response = new CognitoHttp(this.port).signedFor(TestAdmin.REGION, "cognito-identity")
			.call("CreateUserPool", "{\"PoolName\":\"other-service\"}");

		assertThat(response.type()).isEqualTo("InvalidSignatureException");
		assertThat(poolIds()).isEqualTo(before);
	}

	@Test
	void createUserPoolWhenSignedTenMinutesAgoThenInvalidSignatureAndNothingCreated() {
		List<String> before = poolIds();
		Clock tenMinutesAgo = Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), ZoneOffset.UTC);

		CognitoHttp.Response response = new CognitoHttp(this.port).signedAt(tenMinutesAgo)
			.call("CreateUserPool", "{\"PoolName\":\"replayed\"}");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.type()).isEqualTo("InvalidSignatureException");
		assertThat(poolIds()).isEqualTo(before);
	}

	@Test
	void createUserPoolWhenBodyChangedAfterSigningThenInvalidSignatureAndNothingCreated() {
		List<String> before = poolIds();
		CognitoHttp http = new CognitoHttp(this.port);

		CognitoHttp.Response response = http.sendTampered("CreateUserPool", "{\"PoolName\":\"signed\"}",
				"{\"PoolName\":\"tampered\"}");

		assertThat(response.type()).isEqualTo("InvalidSignatureException");
		assertThat(poolIds()).isEqualTo(before);
	}

	@Test
	void createUserPoolWhenSignedThenRefusalsLeaveNoTraceOfTheirBodyInTheResponse() {
		CognitoHttp.Response response = new CognitoHttp(this.port).unsigned().call("CreateUserPool", "{not json");

		// Authentication comes before parsing: an unauthenticated caller learns nothing about the body.
		assertThat(response.type()).isEqualTo("MissingAuthenticationTokenException");
	}

	private List<String> poolIds() {
		return this.admin.listUserPoolsPaginator((r) -> r.maxResults(60))
			.userPools()
			.stream()
			.map(UserPoolDescriptionType::id)
			.sorted()
			.toList();
	}

}
