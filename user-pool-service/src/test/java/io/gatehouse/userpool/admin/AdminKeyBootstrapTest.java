package io.gatehouse.userpool.admin;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A first start with no configured admin key: one is generated, stored sealed and shown once. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "gatehouse.cognito.max-request-size=512KB")
class AdminKeyBootstrapTest {

	private static final Pattern KEY_ID = Pattern.compile("Access key id:\\s+(AKIA[A-Z2-7]{16})");

	private static final Pattern SECRET = Pattern.compile("Secret access key:\\s+(\\S{40})");

	@LocalServerPort
	private int port;

	@Autowired
	private AdminAccessKeys keys;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void firstStartWithoutConfiguredKeyThenGeneratesPrintsOnceAndConfigurationLaterReplacesIt(CapturedOutput output) {
		Matcher keyId = KEY_ID.matcher(output.getOut());
		Matcher secret = SECRET.matcher(output.getOut());
		assertThat(keyId.find()).as("the generated key id is printed").isTrue();
		assertThat(secret.find()).as("the generated secret is printed").isTrue();
		assertThat(output.getOut()).contains("aws configure")
			.contains("curl --aws-sigv4 \"aws:amz:local-1:cognito-idp\"");
		// Printed to the console, never through the logging system.
		assertThat(output.getOut().lines().filter((line) -> line.contains(secret.group(1)))).hasSize(1)
			.allSatisfy((line) -> assertThat(line).doesNotContain("INFO", "WARN"));

		String sealed = this.jdbc.queryForObject(
				"select secret_ciphertext from user_pool.admin_access_key where access_key_id = ? and origin = 'GENERATED'",
				String.class, keyId.group(1));
		assertThat(sealed).doesNotContain(secret.group(1));
		try (CognitoIdentityProviderClient generated = sdk(keyId.group(1), secret.group(1))) {
			assertThat(generated.listUserPools((r) -> r.maxResults(10)).userPools()).isNotNull();
		}

		assertThat(this.keys.bootstrap(new AdminProperties(null, null))).as("a second start generates nothing").isEmpty();
		assertThat(this.jdbc.queryForObject("select count(*) from user_pool.admin_access_key", Integer.class)).isEqualTo(1);

		this.keys.bootstrap(new AdminProperties("AKIACONFIGUREDKEY001", "configured-secret-access-key-0123456789"));
		try (CognitoIdentityProviderClient configured = sdk("AKIACONFIGUREDKEY001", "configured-secret-access-key-0123456789");
				CognitoIdentityProviderClient generated = sdk(keyId.group(1), secret.group(1))) {
			assertThat(configured.listUserPools((r) -> r.maxResults(10)).userPools()).isNotNull();
			CognitoIdentityProviderException refused = catchThrowableOfType(CognitoIdentityProviderException.class,
					() -> generated.listUserPools((r) -> r.maxResults(10)));
			assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
		}
	}

	private CognitoIdentityProviderClient sdk(String accessKeyId, String secretAccessKey) {
		return CognitoIdentityProviderClient.builder()
			.endpointOverride(URI.create("http://localhost:" + this.port))
			.region(Region.of("local-1"))
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
			.httpClient(UrlConnectionHttpClient.create())
			.overrideConfiguration((config) -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
			.build();
	}

}
