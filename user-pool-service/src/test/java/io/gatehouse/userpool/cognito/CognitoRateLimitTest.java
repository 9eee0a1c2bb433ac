package io.gatehouse.userpool.cognito;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SECURITY.md: over a rate limit the Cognito surface answers 429 TooManyRequestsException, never 500. The
 * client-keyed operations anyone can call are throttled per source; signed admin operations are not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gatehouse.rate-limit.enabled=true", "gatehouse.rate-limit.burst=3",
				"gatehouse.rate-limit.requests-per-second=0.01",
				"gatehouse.admin.access-key-id=" + TestAdmin.ACCESS_KEY_ID,
				"gatehouse.admin.secret-access-key=" + TestAdmin.SECRET_ACCESS_KEY })
class CognitoRateLimitTest {

	@LocalServerPort
	private int port;

	@Test
	void initiateAuthWhenSourceOverBudgetThenTooManyRequestsAndAdminOperationsStillServed() throws Exception {
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> withinBudget = initiateAuth();
			assertThat(withinBudget.statusCode()).isEqualTo(400);
			assertThat(withinBudget.headers().firstValue("x-amzn-ErrorType")).hasValue("ResourceNotFoundException");
		}
		HttpResponse<String> overBudget = initiateAuth();
		assertThat(overBudget.statusCode()).isEqualTo(429);
		assertThat(overBudget.headers().firstValue("x-amzn-ErrorType")).hasValue("TooManyRequestsException");
		assertThat(overBudget.body()).contains("\"__type\":\"TooManyRequestsException\"").doesNotContain("Exception:");

		try (CognitoIdentityProviderClient admin = TestAdmin.sdk(this.port)) {
			assertThat(admin.listUserPools((r) -> r.maxResults(10)).sdkHttpResponse().isSuccessful()).isTrue();
		}
	}

	private HttpResponse<String> initiateAuth() throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/"))
				.header("Content-Type", "application/x-amz-json-1.1")
				.header("X-Amz-Target", "AWSCognitoIdentityProviderService.InitiateAuth")
				.POST(HttpRequest.BodyPublishers.ofString("{\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"ClientId\":"
						+ "\"abcdefghijklmnopqrstuvwxyz\",\"AuthParameters\":{\"USERNAME\":\"a\",\"PASSWORD\":\"b\"}}"))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
