package io.gatehouse.identitypool;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import no.nav.security.mock.oauth2.MockOAuth2Server;

import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Fixtures shared by the tests: real AWS SDK v2 clients pointed at the service, and a real upstream OpenID
 * Provider (mock-oauth2-server) that stands in for user pools and third-party IdPs.
 */
public final class TestGatehouse {

	public static final String ADMIN_KEY = "AKIATESTADMIN0000001";

	public static final String ADMIN_SECRET = "testAdminSecretKey0000000000000000000000";

	public static final String ACCOUNT = "000000000000";

	public static final Region REGION = Region.of("local-1");

	private static MockOAuth2Server upstream;

	private TestGatehouse() {
	}

	/** The upstream OpenID Provider, started once per test JVM. */
	public static synchronized MockOAuth2Server upstream() {
		if (upstream == null) {
			upstream = new MockOAuth2Server();
			upstream.start();
			MockOAuth2Server started = upstream;
			Runtime.getRuntime().addShutdownHook(new Thread(started::shutdown));
		}
		return upstream;
	}

	/** An issuer of the upstream, without scheme: a user pool's {@code ProviderName} and Logins key. */
	public static String providerName(String issuerId) {
		String url = upstream().issuerUrl(issuerId).toString();
		String name = url.substring(url.indexOf("://") + 3);
		return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
	}

	public static String issuerUrl(String issuerId) {
		String url = upstream().issuerUrl(issuerId).toString();
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	/** A Cognito-shaped ID token from the upstream issuer {@code issuerId}. */
	public static String idToken(String issuerId, String subject, String clientId, Map<String, Object> claims) {
		java.util.HashMap<String, Object> all = new java.util.HashMap<>(Map.of("token_use", "id"));
		all.putAll(claims);
		return upstream().issueToken(issuerId, subject, clientId, all, 3600).serialize();
	}

	public static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}

	public static IamClient iam(int port) {
		return iam(port, AwsBasicCredentials.create(ADMIN_KEY, ADMIN_SECRET));
	}

	public static IamClient iam(int port, AwsCredentials credentials) {
		return IamClient.builder()
			.endpointOverride(URI.create("http://localhost:" + port + "/iam/"))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(credentials))
			.httpClient(UrlConnectionHttpClient.create())
			.overrideConfiguration(noRetries())
			.build();
	}

	public static CognitoIdentityClient cognito(int port) {
		return cognito(port, AwsBasicCredentials.create(ADMIN_KEY, ADMIN_SECRET));
	}

	public static CognitoIdentityClient cognito(int port, AwsCredentials credentials) {
		return CognitoIdentityClient.builder()
			.endpointOverride(URI.create("http://localhost:" + port))
			.region(REGION)
			.credentialsProvider(StaticCredentialsProvider.create(credentials))
			.httpClient(UrlConnectionHttpClient.create())
			.overrideConfiguration(noRetries())
			.build();
	}

	/** A client with no credentials at all, as an app calling the unsigned operations would have. */
	public static CognitoIdentityClient anonymousCognito(int port) {
		return CognitoIdentityClient.builder()
			.endpointOverride(URI.create("http://localhost:" + port))
			.region(REGION)
			.credentialsProvider(AnonymousCredentialsProvider.create())
			.httpClient(UrlConnectionHttpClient.create())
			.overrideConfiguration(noRetries())
			.build();
	}

	public static StsClient sts(int port, AwsCredentials credentials) {
		return StsClient.builder()
			.endpointOverride(URI.create("http://localhost:" + port + "/sts/"))
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(credentials))
			.httpClient(UrlConnectionHttpClient.create())
			.overrideConfiguration(noRetries())
			.build();
	}

	/** The trust policy Cognito's console writes for an identity pool role. */
	public static String trustPolicy(String poolId, String amr) {
		return """
				{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
				 "Principal":{"Federated":"cognito-identity.amazonaws.com"},
				 "Action":"sts:AssumeRoleWithWebIdentity",
				 "Condition":{"StringEquals":{"cognito-identity.amazonaws.com:aud":"%s"},
				  "ForAnyValue:StringLike":{"cognito-identity.amazonaws.com:amr":"%s"}}}]}"""
			.formatted(poolId, amr);
	}

	public static String roleArn(String name) {
		return "arn:aws:iam::" + ACCOUNT + ":role/" + name;
	}

	private static ClientOverrideConfiguration noRetries() {
		return ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry()).build();
	}

	public static List<String> list(String... values) {
		return List.of(values);
	}

}
