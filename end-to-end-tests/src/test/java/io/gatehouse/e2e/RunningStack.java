package io.gatehouse.e2e;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.gatehouse.testsupport.ServiceProcess;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Both services started from their executable jars, as an operator runs them, each on its own embedded
 * PostgreSQL in a throw-away directory, sharing nothing but HTTP. Clients are the unchanged AWS SDKs.
 */
final class RunningStack implements AutoCloseable {

	static final Region REGION = Region.of("local-1");

	private static final String ADMIN_KEY = "AKIDENDTOENDTEST0001";

	private static final String ADMIN_SECRET = "end-to-end-admin-secret-0123456789";

	private final ServiceProcess userPool;

	private final ServiceProcess identityPool;

	private RunningStack(ServiceProcess userPool, ServiceProcess identityPool) {
		this.userPool = userPool;
		this.identityPool = identityPool;
	}

	static RunningStack start(Path directory) throws IOException {
		int userPoolPort = ServiceProcess.freePort();
		int identityPoolPort = ServiceProcess.freePort();
		Path log = Files.createTempFile("gatehouse-e2e", ".log");
		ServiceProcess userPool = ServiceProcess.startJar(jar("gatehouse.userPoolJar"), userPoolPort, log,
				"--gatehouse.data.directory=" + directory.resolve("user-pool"),
				"--gatehouse.public-base-url=http://localhost:" + userPoolPort, "--gatehouse.admin.access-key-id=" + ADMIN_KEY,
				"--gatehouse.admin.secret-access-key=" + ADMIN_SECRET);
		ServiceProcess identityPool = ServiceProcess.startJar(jar("gatehouse.identityPoolJar"), identityPoolPort, log,
				"--gatehouse.data.directory=" + directory.resolve("identity-pool"),
				"--gatehouse.public-base-url=http://localhost:" + identityPoolPort,
				"--gatehouse.admin.access-key-id=" + ADMIN_KEY, "--gatehouse.admin.secret-access-key=" + ADMIN_SECRET);
		RunningStack stack = new RunningStack(userPool, identityPool);
		try {
			userPool.awaitReady(Duration.ofSeconds(120));
			identityPool.awaitReady(Duration.ofSeconds(120));
		}
		catch (AssertionError ex) {
			stack.close();
			throw ex;
		}
		return stack;
	}

	private static Path jar(String property) {
		return Path.of(System.getProperty(property, "missing-" + property));
	}

	int userPoolPort() {
		return this.userPool.port();
	}

	CognitoIdentityProviderClient userPools() {
		return CognitoIdentityProviderClient.builder()
			.endpointOverride(URI.create("http://localhost:" + this.userPool.port()))
			.region(REGION)
			.credentialsProvider(admin())
			.httpClient(UrlConnectionHttpClient.create())
			.build();
	}

	/** The user pool's API as an app calls it: no AWS credentials at all. */
	CognitoIdentityProviderClient userPoolApp() {
		return CognitoIdentityProviderClient.builder()
			.endpointOverride(URI.create("http://localhost:" + this.userPool.port()))
			.region(REGION)
			.credentialsProvider(AnonymousCredentialsProvider.create())
			.httpClient(UrlConnectionHttpClient.create())
			.build();
	}

	CognitoIdentityClient identityPools() {
		return CognitoIdentityClient.builder()
			.endpointOverride(identityPoolEndpoint())
			.region(REGION)
			.credentialsProvider(admin())
			.httpClient(UrlConnectionHttpClient.create())
			.build();
	}

	IamClient iam() {
		return IamClient.builder()
			.endpointOverride(identityPoolEndpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(admin())
			.httpClient(UrlConnectionHttpClient.create())
			.build();
	}

	StsClient sts(AwsCredentialsProvider credentials) {
		return StsClient.builder()
			.endpointOverride(identityPoolEndpoint())
			.region(REGION)
			.credentialsProvider(credentials)
			.httpClient(UrlConnectionHttpClient.create())
			.build();
	}

	private URI identityPoolEndpoint() {
		return URI.create("http://localhost:" + this.identityPool.port());
	}

	private static AwsCredentialsProvider admin() {
		return StaticCredentialsProvider.create(AwsBasicCredentials.create(ADMIN_KEY, ADMIN_SECRET));
	}

	@Override
	public void close() {
		this.identityPool.close();
		this.userPool.close();
	}

}
