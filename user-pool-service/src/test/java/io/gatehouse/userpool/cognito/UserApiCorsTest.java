package io.gatehouse.userpool.cognito;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CORS at the door: a browser app on a client's callback origin may call the app-facing operations; other
 * origins get nothing to read, and admin operations never answer cross-origin.
 */
@CognitoApiTest
class UserApiCorsTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	private CognitoIdentityProviderClient admin;

	private String clientId;

	private String appOrigin;

	@BeforeEach
	void clientWithCallback() {
		this.admin = TestAdmin.sdk(this.port);
		String poolId = this.admin.createUserPool(TestUserPools.any().build()).userPool().id();
		this.appOrigin = "https://" + TestUserApi.unique("app") + ".example.com:8443";
		this.clientId = this.admin.createUserPoolClient(
				TestAppClients.publicClient(poolId).withCodeFlow(this.appOrigin + "/signed-in?x=1").build())
			.userPoolClient()
			.clientId();
	}

	@AfterEach
	void close() {
		this.admin.close();
	}

	@Test
	void preflightFromACallbackOriginIsAllowed() throws Exception {
		HttpResponse<String> response = preflight(this.appOrigin);

		assertThat(response.statusCode()).isBetween(200, 299);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(this.appOrigin);
		assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");
		assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
			.contains("x-amz-target")
			.contains("content-type");
		assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
	}

	@Test
	void preflightFromAnotherOriginIsRefused() throws Exception {
		HttpResponse<String> response = preflight("https://evil.example.net");

		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void appFacingCallFromTheCallbackOriginIsReadableAdminCallIsNot() throws Exception {
		HttpResponse<String> signUp = post(this.appOrigin, "SignUp",
				"{\"ClientId\":\"" + this.clientId + "\",\"Username\":\"cors-" + System.nanoTime()
						+ "\",\"Password\":\"Correct-Horse-Battery-7\"}");
		assertThat(signUp.statusCode()).isEqualTo(200);
		assertThat(signUp.headers().firstValue("Access-Control-Allow-Origin")).hasValue(this.appOrigin);
		assertThat(signUp.headers().firstValue("Access-Control-Expose-Headers").orElse("")).contains("x-amzn-ErrorType");

		HttpResponse<String> admin = post(this.appOrigin, "ListUserPools", "{\"MaxResults\":1}");
		assertThat(admin.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

		HttpResponse<String> foreign = post("https://evil.example.net", "SignUp", "{\"ClientId\":\"" + this.clientId + "\"}");
		assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void configuredExtraOriginIsAllowed() throws Exception {
		// gatehouse.cors.allowed-origins is set for the shared test context (see CognitoApiTest).
		HttpResponse<String> response = preflight(CognitoApiTest.EXTRA_CORS_ORIGIN);

		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(CognitoApiTest.EXTRA_CORS_ORIGIN);
	}

	private HttpResponse<String> preflight(String origin) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/"))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "content-type,x-amz-target,x-amz-user-agent")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String origin, String operation, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/"))
			.header("Origin", origin)
			.header("Content-Type", "application/x-amz-json-1.1")
			.header("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
