package io.gatehouse.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.shared.sigv4.SigV4Credentials;

/**
 * A pool, a public app client allowing password and refresh sign-in, and confirmed users with a known
 * password, made through the admin API before a user-API scenario starts.
 */
record UserPoolFixture(String poolId, String clientId, List<String> usernames, String password) {

	private static final String IDP = "AWSCognitoIdentityProviderService.";

	static UserPoolFixture create(int users) {
		SigV4Credentials admin = Gatehouse.admin();
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String poolId = Gatehouse.jsonField(admin("CreateUserPool", "{\"PoolName\":\"bench-" + suffix + "\"}", admin),
				"Id");
		String clientId = Gatehouse.jsonField(admin("CreateUserPoolClient", "{\"UserPoolId\":\"" + poolId
				+ "\",\"ClientName\":\"bench\",\"ExplicitAuthFlows\":[\"ALLOW_USER_PASSWORD_AUTH\",\"ALLOW_REFRESH_TOKEN_AUTH\"]}",
				admin), "ClientId");
		String password = "Violet-Harbor-" + (100000 + new java.security.SecureRandom().nextInt(900000)) + "!";
		List<String> usernames = new ArrayList<>();
		for (int i = 0; i < users; i++) {
			String username = "bench" + i;
			admin("AdminCreateUser", "{\"UserPoolId\":\"" + poolId + "\",\"Username\":\"" + username
					+ "\",\"MessageAction\":\"SUPPRESS\"}", admin);
			admin("AdminSetUserPassword", "{\"UserPoolId\":\"" + poolId + "\",\"Username\":\"" + username
					+ "\",\"Password\":\"" + password + "\",\"Permanent\":true}", admin);
			usernames.add(username);
		}
		return new UserPoolFixture(poolId, clientId, List.copyOf(usernames), password);
	}

	/** InitiateAuth USER_PASSWORD_AUTH for one user; returns the refresh token. */
	String signIn(String username) {
		String answer = Gatehouse.json(Gatehouse.USER_POOL_URL, IDP + "InitiateAuth", signInBody(username),
				"cognito-idp", Optional.empty());
		return Gatehouse.jsonField(answer, "RefreshToken");
	}

	String signInBody(String username) {
		return "{\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"ClientId\":\"" + this.clientId
				+ "\",\"AuthParameters\":{\"USERNAME\":\"" + username + "\",\"PASSWORD\":\"" + this.password + "\"}}";
	}

	String refreshBody(String refreshToken) {
		return "{\"AuthFlow\":\"REFRESH_TOKEN_AUTH\",\"ClientId\":\"" + this.clientId
				+ "\",\"AuthParameters\":{\"REFRESH_TOKEN\":\"" + refreshToken + "\"}}";
	}

	private static String admin(String operation, String body, SigV4Credentials admin) {
		return Gatehouse.json(Gatehouse.USER_POOL_URL, IDP + operation, body, "cognito-idp", Optional.of(admin));
	}

}
