package io.gatehouse.userpool.oidc;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.FeatureType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * Pools and app clients for the provider tests, made with the AWS SDK as an administrator would:
 * {@code fixtures.publicClient(pool).callback("https://app.example/cb").create()}.
 */
public final class OidcFixtures implements AutoCloseable {

	public static final String ACCESS_KEY_ID = "AKIAGATEHOUSEOIDC001";

	public static final String SECRET_ACCESS_KEY = "gatehouse-oidc-secret-access-key/012345+";

	/** Not where the tests connect: issuers must come from here, never from the request. */
	public static final String PUBLIC_BASE_URL = "https://id.gatehouse.test";

	private static final AtomicInteger counter = new AtomicInteger();

	private final CognitoIdentityProviderClient cognito;

	OidcFixtures(int port) {
		this.cognito = CognitoIdentityProviderClient.builder()
			.endpointOverride(URI.create("http://localhost:" + port))
			.region(Region.of("local-1"))
			.credentialsProvider(
					StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)))
			.httpClient(UrlConnectionHttpClient.create())
			.overrideConfiguration((config) -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
			.build();
	}

	String pool() {
		return this.cognito.createUserPool((r) -> r.poolName("oidc-" + counter.incrementAndGet())).userPool().id();
	}

	static String issuer(String poolId) {
		return PUBLIC_BASE_URL + "/" + poolId;
	}

	ClientBuilder publicClient(String poolId) {
		return new ClientBuilder(poolId, false);
	}

	ClientBuilder confidentialClient(String poolId) {
		return new ClientBuilder(poolId, true);
	}

	CognitoIdentityProviderClient cognito() {
		return this.cognito;
	}

	@Override
	public void close() {
		this.cognito.close();
	}

	final class ClientBuilder {

		private final CreateUserPoolClientRequest.Builder request;

		private ClientBuilder(String poolId, boolean secret) {
			this.request = CreateUserPoolClientRequest.builder()
				.userPoolId(poolId)
				.clientName("client-" + counter.incrementAndGet())
				.generateSecret(secret)
				.allowedOAuthFlowsUserPoolClient(true)
				.allowedOAuthFlows(OAuthFlowType.CODE)
				.allowedOAuthScopes("openid", "email", "profile", "phone", "aws.cognito.signin.user.admin")
				.callbackURLs("https://app.example/cb");
		}

		ClientBuilder callbacks(String... urls) {
			this.request.callbackURLs(urls);
			return this;
		}

		ClientBuilder logoutUrls(String... urls) {
			this.request.logoutURLs(urls);
			return this;
		}

		ClientBuilder scopes(String... scopes) {
			this.request.allowedOAuthScopes(scopes);
			return this;
		}

		ClientBuilder flows(OAuthFlowType... flows) {
			this.request.allowedOAuthFlows(flows);
			return this;
		}

		ClientBuilder authFlows(ExplicitAuthFlowsType... flows) {
			this.request.explicitAuthFlows(flows);
			return this;
		}

		ClientBuilder readAttributes(String... attributes) {
			this.request.readAttributes(List.of(attributes));
			return this;
		}

		ClientBuilder tokenValidity(int accessHours, int idHours) {
			this.request.accessTokenValidity(accessHours).idTokenValidity(idHours);
			return this;
		}

		ClientBuilder refreshTokenRotation(FeatureType feature, Integer retryGracePeriodSeconds) {
			this.request.refreshTokenRotation((rotation) -> rotation.feature(feature)
				.retryGracePeriodSeconds(retryGracePeriodSeconds));
			return this;
		}

		UserPoolClientType create() {
			return OidcFixtures.this.cognito.createUserPoolClient(this.request.build()).userPoolClient();
		}

	}

}
