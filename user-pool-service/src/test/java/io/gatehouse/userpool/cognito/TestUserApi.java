package io.gatehouse.userpool.cognito;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the user-API tests share: SDK clients as an app would configure them (no credentials, or whatever
 * credentials happen to be around), codes from the outbox, SecretHash, JWT claims.
 */
final class TestUserApi {

	static final String PASSWORD = "Correct-Horse-Battery-7";

	static final String NEW_PASSWORD = "Staple-Lantern-Orbit-42";

	private static final Pattern CODE = Pattern.compile("code is (\\d{4,10})");

	private static final JsonMapper json = JsonMapper.builder().build();

	private TestUserApi() {
	}

	/** An app's client: no credentials at all. */
	static CognitoIdentityProviderClient anonymous(int port) {
		return sdk(port, AnonymousCredentialsProvider.create());
	}

	/** An app's client that happens to have (unknown, wrong) AWS credentials configured: they must not matter. */
	static CognitoIdentityProviderClient withStrayCredentials(int port) {
		return sdk(port, StaticCredentialsProvider
			.create(AwsBasicCredentials.create("AKIAUNKNOWNKEY000001", "not-a-secret-anyone-knows/0123456789")));
	}

	private static CognitoIdentityProviderClient sdk(int port, AwsCredentialsProvider credentials) {
		return CognitoIdentityProviderClient.builder()
			.endpointOverride(URI.create("http://localhost:" + port))
			.region(Region.of(TestAdmin.REGION))
			.credentialsProvider(credentials)
			.httpClient(UrlConnectionHttpClient.create())
			.overrideConfiguration((config) -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
			.build();
	}

	/** The code in the newest message to {@code recipient}. */
	static String latestCode(String recipient) {
		List<String> messages = TestOutbox.messagesTo(recipient);
		assertThat(messages).as("messages to " + recipient).isNotEmpty();
		Matcher matcher = CODE.matcher(messages.get(messages.size() - 1));
		assertThat(matcher.find()).as("a code in the newest message to " + recipient).isTrue();
		return matcher.group(1);
	}

	static String secretHash(String clientSecret, String username, String clientId) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal((username + clientId).getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The claims of a JWT, decoded without verification (the tests check what a relying party would read). */
	static JsonNode claims(String jwt) {
		String[] parts = jwt.split("\\.");
		return json.readTree(Base64.getUrlDecoder().decode(parts[1]));
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static AttributeType attribute(String name, String value) {
		return AttributeType.builder().name(name).value(value).build();
	}

	static Map<String, String> attributes(List<AttributeType> attributes) {
		return attributes.stream()
			.collect(java.util.stream.Collectors.toMap(AttributeType::name, AttributeType::value));
	}

}
