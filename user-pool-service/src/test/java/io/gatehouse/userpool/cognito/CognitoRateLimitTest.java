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
 * client-keyed operations anyone can call are throttled per source; signed admin operations are not. The
 * token-status endpoint, which anyone may call too, spends the same budget of the source.
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
	void unauthenticatedDoorsWhenSourceOverBudgetThenTooManyRequestsAndAdminOperationsStillServed() throws Exception {
		for (int i = 0; i < 2; i++) {
			HttpResponse<String> withinBudget = initiateAuth();
			assertThat(withinBudget.statusCode()).isEqualTo(400);
			assertThat(withinBudget.headers().firstValue("x-amzn-ErrorType")).hasValue("ResourceNotFoundException");
		}
		HttpResponse<String> statusWithinBudget = tokenStatus();
		assertThat(statusWithinBudget.statusCode()).isEqualTo(200);
		assertThat(statusWithinBudget.body()).isEqualTo("{\"active\":false}");

		HttpResponse<String> overBudget = initiateAuth();
		assertThat(overBudget.statusCode()).isEqualTo(429);
		assertThat(overBudget.headers().firstValue("x-amzn-ErrorType")).hasValue("TooManyRequestsException");
		assertThat(overBudget.body()).contains("\"__type\":\"TooManyRequestsException\"").doesNotContain("Exception:");
		HttpResponse<String> statusOverBudget = tokenStatus();
		assertThat(statusOverBudget.statusCode()).isEqualTo(429);
		assertThat(statusOverBudget.headers().firstValue("Retry-After")).isPresent();
		assertThat(statusOverBudget.body()).contains("\"error\":\"temporarily_unavailable\"").doesNotContain("Exception");

		try (CognitoIdentityProviderClient admin = TestAdmin.sdk(this.port)) {
			assertThat(admin.listUserPools((r) -> r.maxResults(10)).sdkHttpResponse().isSuccessful()).isTrue();
		}
	}

	private HttpResponse<String> tokenStatus() throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/local-1_NoSuchPool/token-status"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("token=a.b.c"))
				.build(), HttpResponse.BodyHandlers.ofString());
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
