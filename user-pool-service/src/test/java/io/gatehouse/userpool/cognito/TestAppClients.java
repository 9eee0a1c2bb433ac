package io.gatehouse.userpool.cognito;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;

/**
 * CreateUserPoolClient requests for tests:
 * {@code TestAppClients.confidential(poolId).withCodeFlow("https://app.example/cb").build()}.
 */
final class TestAppClients {

	private static final AtomicInteger counter = new AtomicInteger();

	private final String userPoolId;

	private final boolean generateSecret;

	private String name = "client-" + counter.incrementAndGet();

	private List<OAuthFlowType> flows;

	private List<String> scopes;

	private List<String> callbackUrls;

	private Integer accessTokenValidity;

	private TestAppClients(String userPoolId, boolean generateSecret) {
		this.userPoolId = userPoolId;
		this.generateSecret = generateSecret;
	}

	static TestAppClients publicClient(String userPoolId) {
		return new TestAppClients(userPoolId, false);
	}

	static TestAppClients confidential(String userPoolId) {
		return new TestAppClients(userPoolId, true);
	}

	TestAppClients named(String name) {
		this.name = name;
		return this;
	}

	TestAppClients withCodeFlow(String callbackUrl) {
		this.flows = List.of(OAuthFlowType.CODE);
		this.scopes = List.of("openid", "email");
		this.callbackUrls = List.of(callbackUrl);
		return this;
	}

	TestAppClients withClientCredentials(String scope) {
		this.flows = List.of(OAuthFlowType.CLIENT_CREDENTIALS);
		this.scopes = List.of(scope);
		return this;
	}

	TestAppClients withFlows(OAuthFlowType... flows) {
		this.flows = List.of(flows);
		return this;
	}

	TestAppClients withAccessTokenValidity(int hours) {
		this.accessTokenValidity = hours;
		return this;
	}

	CreateUserPoolClientRequest build() {
		CreateUserPoolClientRequest.Builder builder = CreateUserPoolClientRequest.builder()
			.userPoolId(this.userPoolId)
			.clientName(this.name)
			.generateSecret(this.generateSecret);
		if (this.flows != null) {
			builder.allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(this.flows);
			builder.allowedOAuthScopes((this.scopes != null) ? this.scopes : List.of("openid"));
			if (this.callbackUrls != null) {
				builder.callbackURLs(this.callbackUrls);
			}
		}
		if (this.accessTokenValidity != null) {
			builder.accessTokenValidity(this.accessTokenValidity);
		}
		return builder.build();
	}

}
