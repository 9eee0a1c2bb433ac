package io.gatehouse.identitypool.credentials;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatehouse.identitypool.TestGatehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.iam.IamClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first start with no configured admin key: one is generated, stored encrypted, printed exactly once to the
 * console (never through the logging system) and works for the management APIs; later starts print nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gatehouse.rate-limit.burst=49", "spring.datasource.hikari.maximum-pool-size=4" })
class AdminKeyBootstrapTest {

	private static final Pattern KEY_ID = Pattern.compile("aws_access_key_id\\s+=\\s+(AKIA[A-Z2-7]{16})");

	private static final Pattern SECRET = Pattern.compile("aws_secret_access_key\\s+=\\s+(\\S{40})");

	@LocalServerPort
	int port;

	@Autowired
	AdminKeys keys;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void firstStartWithoutConfiguredKeyThenGeneratedPrintedOnceNotLoggedAndWorking(CapturedOutput output) {
		Matcher keyId = KEY_ID.matcher(output.getOut());
		Matcher secret = SECRET.matcher(output.getOut());
		assertThat(keyId.find()).as("the generated key id is printed").isTrue();
		assertThat(secret.find()).as("the generated secret is printed").isTrue();
		assertThat(output.getAll().lines().filter((line) -> line.contains(secret.group(1))))
			.as("the secret appears on exactly one line, which is not a log line")
			.singleElement()
			.satisfies((line) -> assertThat(line.strip()).startsWith("aws_secret_access_key"));
		assertThat(output.getErr()).doesNotContain(secret.group(1));

		String stored = this.jdbc.queryForObject("select secret_encrypted from identity_pool.admin_key where access_key_id = ?",
				String.class, keyId.group(1));
		assertThat(stored).doesNotContain(secret.group(1));

		AwsBasicCredentials generated = AwsBasicCredentials.create(keyId.group(1), secret.group(1));
		try (CognitoIdentityClient cognito = TestGatehouse.cognito(this.port, generated);
				IamClient iam = TestGatehouse.iam(this.port, generated)) {
			assertThat(cognito.listIdentityPools((r) -> r.maxResults(10)).identityPools()).isNotNull();
			assertThat(iam.listRoles().roles()).isNotNull();
		}

		this.keys.generateWhenNoneConfigured();
		assertThat(output.getAll().lines().filter((line) -> line.contains("generated admin access key")))
			.as("a later start generates and prints nothing")
			.hasSize(1);
		assertThat(this.jdbc.queryForObject("select count(*) from identity_pool.admin_key", Integer.class)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from identity_pool.audit_event where actor_key_id = ?",
				Integer.class, keyId.group(1))).isEqualTo(2);
	}

}
