package io.gatehouse.userpool.cognito;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeletionProtectionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@CognitoApiTest
class UserPoolAdminApiTest {

	@LocalServerPort
	private int port;

	private CognitoIdentityProviderClient cognito;

	@BeforeEach
	void connect() {
		this.cognito = TestAdmin.sdk(this.port);
	}

	@AfterEach
	void close() {
		this.cognito.close();
	}

	@Test
	void createUserPoolThenDescribeReturnsWhatWasStoredPlusComputedMembers() {
		Instant before = Instant.now().minusSeconds(1);
		UserPoolType created = this.cognito.createUserPool(TestUserPools.named("shop")
			.withPasswordPolicy(12, true)
			.withEmailSignIn()
			.withRequiredEmail()
			.withCustomString("tenant", 64)
			.withMfa(UserPoolMfaType.OPTIONAL)
			.withTag("team", "identity")
			.build()).userPool();

		assertThat(created.id()).matches("local-1_[0-9A-Za-z]{9}");
		assertThat(created.arn()).isEqualTo("arn:aws:cognito-idp:local-1:000000000000:userpool/" + created.id());
		UserPoolType described = this.cognito.describeUserPool((r) -> r.userPoolId(created.id())).userPool();
		assertThat(described.name()).isEqualTo(created.name()).startsWith("shop-");
		assertThat(described.policies().passwordPolicy().minimumLength()).isEqualTo(12);
		assertThat(described.policies().passwordPolicy().requireSymbols()).isTrue();
		assertThat(described.usernameAttributes()).containsExactly(UsernameAttributeType.EMAIL);
		assertThat(described.mfaConfiguration()).isEqualTo(UserPoolMfaType.OPTIONAL);
		assertThat(described.deletionProtection()).isEqualTo(DeletionProtectionType.INACTIVE);
		assertThat(described.userPoolTags()).isEqualTo(Map.of("team", "identity"));
		assertThat(described.usernameConfiguration().caseSensitive()).isFalse();
		assertThat(described.estimatedNumberOfUsers()).isZero();
		assertThat(described.creationDate()).isAfter(before).isBeforeOrEqualTo(Instant.now());
		assertThat(described.lastModifiedDate()).isEqualTo(described.creationDate());
		assertThat(described.schemaAttributes()).extracting(SchemaAttributeType::name)
			.contains("sub", "email", "phone_number", "custom:tenant");
		SchemaAttributeType email = attribute(described, "email");
		assertThat(email.required()).isTrue();
		SchemaAttributeType tenant = attribute(described, "custom:tenant");
		assertThat(tenant.attributeDataType()).isEqualTo(AttributeDataType.STRING);
		assertThat(tenant.stringAttributeConstraints().maxLength()).isEqualTo("64");
		assertThat(attribute(described, "sub").mutable()).isFalse();
	}

	@Test
	void updateUserPoolThenDescribeShowsTheChangeAndUnsetSettingsReturnToDefaults() throws Exception {
		UserPoolType pool = this.cognito
			.createUserPool(TestUserPools.any().withPasswordPolicy(14, true).withMfa(UserPoolMfaType.OPTIONAL).build())
			.userPool();
		Thread.sleep(5);

		this.cognito.updateUserPool((r) -> r.userPoolId(pool.id())
			.poolName("renamed")
			.deletionProtection(DeletionProtectionType.ACTIVE)
			.policies((p) -> p.passwordPolicy((pp) -> pp.minimumLength(20))));

		UserPoolType described = this.cognito.describeUserPool((r) -> r.userPoolId(pool.id())).userPool();
		assertThat(described.name()).isEqualTo("renamed");
		assertThat(described.deletionProtection()).isEqualTo(DeletionProtectionType.ACTIVE);
		assertThat(described.policies().passwordPolicy().minimumLength()).isEqualTo(20);
		assertThat(described.policies().passwordPolicy().requireSymbols()).isFalse();
		// As in Cognito, UpdateUserPool replaces: MFA left out returns to OFF.
		assertThat(described.mfaConfiguration()).isEqualTo(UserPoolMfaType.OFF);
		assertThat(described.lastModifiedDate()).isAfter(described.creationDate());
		assertThat(described.schemaAttributes()).isEqualTo(pool.schemaAttributes());
	}

	@Test
	void listUserPoolsAcrossPagesReturnsEveryPoolOnce() {
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			created.add(this.cognito.createUserPool(TestUserPools.named("paged").build()).userPool().id());
		}
		List<String> seen = new ArrayList<>();
		String token = null;
		int pages = 0;
		do {
			String next = token;
			ListUserPoolsResponse page = this.cognito.listUserPools((r) -> r.maxResults(3).nextToken(next));
			assertThat(page.userPools()).hasSizeLessThanOrEqualTo(3);
			page.userPools().stream().map(UserPoolDescriptionType::id).forEach(seen::add);
			assertThat(page.userPools()).allSatisfy((pool) -> assertThat(pool.creationDate()).isNotNull());
			token = page.nextToken();
			pages++;
		}
		while (token != null);
		assertThat(pages).isGreaterThanOrEqualTo(3);
		assertThat(seen).doesNotHaveDuplicates().containsAll(created);
	}

	@Test
	void listUserPoolsWithThePaginatorOfTheSdkReturnsEveryPool() {
		String id = this.cognito.createUserPool(TestUserPools.any().build()).userPool().id();
		List<String> ids = this.cognito.listUserPoolsPaginator((r) -> r.maxResults(2))
			.userPools()
			.stream()
			.map(UserPoolDescriptionType::id)
			.toList();
		assertThat(ids).contains(id).doesNotHaveDuplicates();
	}

	@Test
	void deleteUserPoolWhenDeletionProtectionActiveThenInvalidParameterUntilDeactivated() {
		String id = this.cognito.createUserPool(TestUserPools.any().withDeletionProtection().build()).userPool().id();

		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> this.cognito.deleteUserPool((r) -> r.userPoolId(id)))
			.withMessageContaining("deletion protection");
		assertThat(this.cognito.describeUserPool((r) -> r.userPoolId(id)).userPool().id()).isEqualTo(id);

		this.cognito.updateUserPool((r) -> r.userPoolId(id).deletionProtection(DeletionProtectionType.INACTIVE));
		this.cognito.deleteUserPool((r) -> r.userPoolId(id));

		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> this.cognito.describeUserPool((r) -> r.userPoolId(id)));
	}

	@Test
	void deleteUserPoolThenItsClientsAreGone() {
		String id = this.cognito.createUserPool(TestUserPools.any().build()).userPool().id();
		String clientId = this.cognito.createUserPoolClient(TestAppClients.publicClient(id).build())
			.userPoolClient()
			.clientId();

		this.cognito.deleteUserPool((r) -> r.userPoolId(id));

		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> this.cognito.describeUserPoolClient((r) -> r.userPoolId(id).clientId(clientId)));
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> this.cognito.listUserPoolClients((r) -> r.userPoolId(id)));
	}

	@Test
	void deleteUserPoolWhenUnknownThenResourceNotFound() {
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> this.cognito.deleteUserPool((r) -> r.userPoolId("local-1_NoSuchPool")));
	}

	@Test
	void timestampsAreEpochSecondsOnTheWire() {
		String id = this.cognito.createUserPool(TestUserPools.any().build()).userPool().id();
		CognitoHttp.Response response = new CognitoHttp(this.port).call("DescribeUserPool",
				"{\"UserPoolId\":\"" + id + "\"}");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body().path("UserPool").path("CreationDate").isNumber()).isTrue();
		double seconds = response.body().path("UserPool").path("CreationDate").asDouble();
		assertThat(Duration.between(Instant.ofEpochMilli((long) (seconds * 1000)), Instant.now()).abs())
			.isLessThan(Duration.ofMinutes(1));
	}

	private static SchemaAttributeType attribute(UserPoolType pool, String name) {
		return pool.schemaAttributes().stream().filter((a) -> a.name().equals(name)).findFirst().orElseThrow();
	}

}
