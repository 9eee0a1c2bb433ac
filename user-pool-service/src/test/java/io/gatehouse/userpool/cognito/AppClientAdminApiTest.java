package io.gatehouse.userpool.cognito;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidOAuthFlowException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolClientsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

import io.gatehouse.userpool.client.ClientSecrets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@CognitoApiTest
class AppClientAdminApiTest {

	@LocalServerPort
	private int port;

	@Autowired
	private RegisteredClientRepository registeredClients;

	@Autowired
	private ClientSecrets clientSecrets;

	@Autowired
	private JdbcTemplate jdbc;

	private CognitoIdentityProviderClient cognito;

	private String poolId;

	@BeforeEach
	void createPool() {
		this.cognito = TestAdmin.sdk(this.port);
		this.poolId = this.cognito.createUserPool(TestUserPools.any().withCustomString("tenant", 32).build())
			.userPool()
			.id();
	}

	@AfterEach
	void close() {
		this.cognito.close();
	}

	@Test
	void createUserPoolClientWithSecretThenCreateAndDescribeReturnTheSameSecret() {
		UserPoolClientType created = this.cognito
			.createUserPoolClient(TestAppClients.confidential(this.poolId).withCodeFlow("https://app.example/cb").build())
			.userPoolClient();

		assertThat(created.clientId()).matches("[a-z0-9]{26}");
		assertThat(created.clientSecret()).matches("[a-z0-9]{51}");
		UserPoolClientType described = this.cognito
			.describeUserPoolClient((r) -> r.userPoolId(this.poolId).clientId(created.clientId()))
			.userPoolClient();
		assertThat(described.clientSecret()).isEqualTo(created.clientSecret());
		assertThat(described.userPoolId()).isEqualTo(this.poolId);
		assertThat(described.allowedOAuthFlows()).containsExactly(OAuthFlowType.CODE);
		assertThat(described.callbackURLs()).containsExactly("https://app.example/cb");
		assertThat(described.preventUserExistenceErrors()).isEqualTo(PreventUserExistenceErrorTypes.ENABLED);
		assertThat(described.enableTokenRevocation()).isTrue();
		assertThat(described.accessTokenValidity()).isEqualTo(1);
		assertThat(described.tokenValidityUnits().accessToken()).isEqualTo(TimeUnitsType.HOURS);
		assertThat(described.refreshTokenValidity()).isEqualTo(30);
		assertThat(described.tokenValidityUnits().refreshToken()).isEqualTo(TimeUnitsType.DAYS);
		assertThat(described.explicitAuthFlows()).contains(ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH);
		assertThat(described.creationDate()).isNotNull();
	}

	@Test
	void createUserPoolClientThenTheSecretIsSealedAndHashedAtRestNeverStoredInClear() {
		UserPoolClientType created = this.cognito.createUserPoolClient(TestAppClients.confidential(this.poolId).build())
			.userPoolClient();

		String stored = this.jdbc.queryForObject(
				"select settings::text || coalesce(client_secret_ciphertext, '') || encode(client_secret_hash, 'hex') from user_pool.app_client where client_id = ?",
				String.class, created.clientId());
		assertThat(stored).doesNotContain(created.clientSecret());
	}

	@Test
	void createUserPoolClientWithoutSecretThenNoSecretIsReturned() {
		UserPoolClientType created = this.cognito.createUserPoolClient(TestAppClients.publicClient(this.poolId).build())
			.userPoolClient();

		assertThat(created.clientSecret()).isNull();
		assertThat(this.cognito.describeUserPoolClient((r) -> r.userPoolId(this.poolId).clientId(created.clientId()))
			.userPoolClient()
			.clientSecret()).isNull();
	}

	@Test
	void createUserPoolClientThenItIsARegisteredClientOfTheAuthorizationServer() {
		UserPoolClientType confidential = this.cognito
			.createUserPoolClient(TestAppClients.confidential(this.poolId).withCodeFlow("https://app.example/cb").build())
			.userPoolClient();
		UserPoolClientType publicClient = this.cognito
			.createUserPoolClient(TestAppClients.publicClient(this.poolId).withCodeFlow("http://localhost:3000/cb").build())
			.userPoolClient();

		RegisteredClient registered = this.registeredClients.findByClientId(confidential.clientId());
		assertThat(registered).isNotNull();
		assertThat(registered.getRedirectUris()).containsExactly("https://app.example/cb");
		assertThat(registered.getScopes()).containsExactlyInAnyOrder("openid", "email");
		assertThat(registered.getAuthorizationGrantTypes()).contains(AuthorizationGrantType.AUTHORIZATION_CODE)
			.doesNotContain(AuthorizationGrantType.CLIENT_CREDENTIALS);
		assertThat(registered.getClientAuthenticationMethods()).contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
		assertThat(registered.getClientSecret()).doesNotContain(confidential.clientSecret());
		assertThat(this.clientSecrets.passwordEncoder().matches(confidential.clientSecret(), registered.getClientSecret()))
			.isTrue();
		assertThat(this.clientSecrets.passwordEncoder().matches(confidential.clientSecret() + "x",
				registered.getClientSecret())).isFalse();
		assertThat(registered.getClientSettings().isRequireProofKey()).isFalse();

		RegisteredClient registeredPublic = this.registeredClients.findByClientId(publicClient.clientId());
		assertThat(registeredPublic.getClientAuthenticationMethods()).containsExactly(ClientAuthenticationMethod.NONE);
		assertThat(registeredPublic.getClientSettings().isRequireProofKey()).isTrue();

		this.cognito.deleteUserPoolClient((r) -> r.userPoolId(this.poolId).clientId(confidential.clientId()));
		assertThat(this.registeredClients.findByClientId(confidential.clientId())).isNull();
	}

	@Test
	void updateUserPoolClientThenDescribeShowsTheChangeAndKeepsTheSecret() {
		UserPoolClientType created = this.cognito.createUserPoolClient(TestAppClients.confidential(this.poolId).build())
			.userPoolClient();

		UserPoolClientType updated = this.cognito.updateUserPoolClient((r) -> r.userPoolId(this.poolId)
			.clientId(created.clientId())
			.clientName("renamed")
			.accessTokenValidity(30)
			.tokenValidityUnits((u) -> u.accessToken(TimeUnitsType.MINUTES))
			.readAttributes("email", "custom:tenant")
			.preventUserExistenceErrors(PreventUserExistenceErrorTypes.LEGACY)).userPoolClient();

		assertThat(updated.clientName()).isEqualTo("renamed");
		assertThat(updated.clientSecret()).isEqualTo(created.clientSecret());
		UserPoolClientType described = this.cognito
			.describeUserPoolClient((r) -> r.userPoolId(this.poolId).clientId(created.clientId()))
			.userPoolClient();
		assertThat(described.accessTokenValidity()).isEqualTo(30);
		assertThat(described.tokenValidityUnits().accessToken()).isEqualTo(TimeUnitsType.MINUTES);
		assertThat(described.readAttributes()).containsExactly("email", "custom:tenant");
		assertThat(described.preventUserExistenceErrors()).isEqualTo(PreventUserExistenceErrorTypes.LEGACY);
		assertThat(this.registeredClients.findByClientId(created.clientId())
			.getTokenSettings()
			.getAccessTokenTimeToLive()).hasMinutes(30);
	}

	@Test
	void listUserPoolClientsAcrossPagesReturnsEveryClientOnce() {
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			created.add(this.cognito.createUserPoolClient(TestAppClients.publicClient(this.poolId).build())
				.userPoolClient()
				.clientId());
		}
		List<String> seen = new ArrayList<>();
		String token = null;
		int pages = 0;
		do {
			String next = token;
			ListUserPoolClientsResponse page = this.cognito
				.listUserPoolClients((r) -> r.userPoolId(this.poolId).maxResults(2).nextToken(next));
			assertThat(page.userPoolClients()).hasSizeLessThanOrEqualTo(2)
				.allSatisfy((client) -> assertThat(client.userPoolId()).isEqualTo(this.poolId));
			page.userPoolClients().stream().map(UserPoolClientDescription::clientId).forEach(seen::add);
			token = page.nextToken();
			pages++;
		}
		while (token != null);
		assertThat(pages).isEqualTo(3);
		assertThat(seen).containsExactlyInAnyOrderElementsOf(created);
	}

	@Test
	void deleteUserPoolClientThenDescribeIsResourceNotFound() {
		String clientId = this.cognito.createUserPoolClient(TestAppClients.publicClient(this.poolId).build())
			.userPoolClient()
			.clientId();

		this.cognito.deleteUserPoolClient((r) -> r.userPoolId(this.poolId).clientId(clientId));

		assertThatExceptionOfType(ResourceNotFoundException.class).isThrownBy(
				() -> this.cognito.describeUserPoolClient((r) -> r.userPoolId(this.poolId).clientId(clientId)));
		assertThatExceptionOfType(ResourceNotFoundException.class).isThrownBy(
				() -> this.cognito.deleteUserPoolClient((r) -> r.userPoolId(this.poolId).clientId(clientId)));
	}

	@Test
	void describeUserPoolClientOfAnotherPoolThenResourceNotFound() {
		String otherPool = this.cognito.createUserPool(TestUserPools.any().build()).userPool().id();
		String clientId = this.cognito.createUserPoolClient(TestAppClients.publicClient(otherPool).build())
			.userPoolClient()
			.clientId();

		assertThatExceptionOfType(ResourceNotFoundException.class).isThrownBy(
				() -> this.cognito.describeUserPoolClient((r) -> r.userPoolId(this.poolId).clientId(clientId)));
	}

	@Test
	void createUserPoolClientWhenImplicitFlowThenInvalidOAuthFlow() {
		assertThatExceptionOfType(InvalidOAuthFlowException.class).isThrownBy(() -> this.cognito.createUserPoolClient(
				TestAppClients.publicClient(this.poolId).withCodeFlow("https://app.example/cb").withFlows(OAuthFlowType.IMPLICIT).build()));
	}

	@Test
	void createUserPoolClientWhenClientCredentialsWithoutSecretThenInvalidOAuthFlow() {
		assertThatExceptionOfType(InvalidOAuthFlowException.class).isThrownBy(() -> this.cognito
			.createUserPoolClient(TestAppClients.publicClient(this.poolId).withClientCredentials("orders/read").build()));
	}

	@Test
	void createUserPoolClientWhenClientCredentialsWithSecretThenRegisteredForThatGrantOnly() {
		UserPoolClientType client = this.cognito
			.createUserPoolClient(TestAppClients.confidential(this.poolId).withClientCredentials("orders/read").build())
			.userPoolClient();

		assertThat(this.registeredClients.findByClientId(client.clientId()).getAuthorizationGrantTypes())
			.contains(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.doesNotContain(AuthorizationGrantType.AUTHORIZATION_CODE);
	}

	@Test
	void createUserPoolClientWhenCallbackIsPlainHttpOnAPublicHostThenInvalidParameter() {
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> this.cognito.createUserPoolClient(
				TestAppClients.publicClient(this.poolId).withCodeFlow("http://app.example/cb").build()));
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> this.cognito.createUserPoolClient(
				TestAppClients.publicClient(this.poolId).withCodeFlow("https://app.example/cb#fragment").build()));
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> this.cognito.createUserPoolClient(
				TestAppClients.publicClient(this.poolId).withCodeFlow("javascript:alert(1)").build()));
	}

	@Test
	void createUserPoolClientWhenAccessTokenValidityAboveOneDayThenInvalidParameter() {
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> this.cognito
			.createUserPoolClient(TestAppClients.publicClient(this.poolId).withAccessTokenValidity(25).build()));
	}

	@Test
	void createUserPoolClientWhenReadAttributeUnknownThenInvalidParameter() {
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> this.cognito.createUserPoolClient(
				TestAppClients.publicClient(this.poolId).build().toBuilder().readAttributes("custom:nope").build()));
	}

	@Test
	void createUserPoolClientWhenPoolUnknownThenResourceNotFound() {
		assertThatExceptionOfType(ResourceNotFoundException.class).isThrownBy(
				() -> this.cognito.createUserPoolClient(TestAppClients.publicClient("local-1_NoSuchPool").build()));
	}

}
