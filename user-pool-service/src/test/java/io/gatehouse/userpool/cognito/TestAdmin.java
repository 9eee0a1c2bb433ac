package io.gatehouse.userpool.cognito;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** The admin key the tests configure, and AWS SDK clients that sign with it (or with another key). */
final class TestAdmin {

	static final String ACCESS_KEY_ID = "AKIAGATEHOUSETEST001";

	static final String SECRET_ACCESS_KEY = "gatehouse-test-secret-access-key/0123456+";

	static final String REGION = "local-1";

	private TestAdmin() {
	}

	static CognitoIdentityProviderClient sdk(int port) {
		return sdk(port, ACCESS_KEY_ID, SECRET_ACCESS_KEY, REGION);
	}

	static CognitoIdentityProviderClient sdk(int port, String accessKeyId, String secretAccessKey, String region) {
		return CognitoIdentityProviderClient.builder()
			.endpointOverride(URI.create("http://localhost:" + port))
			.region(Region.of(region))
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
			.httpClient(UrlConnectionHttpClient.create())
			.overrideConfiguration((config) -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
			.build();
	}

}
