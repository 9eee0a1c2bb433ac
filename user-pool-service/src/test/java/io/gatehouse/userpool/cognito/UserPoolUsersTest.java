package io.gatehouse.userpool.cognito;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

import io.gatehouse.userpool.pool.UserPoolService;
import io.gatehouse.userpool.user.AttributeDefinition;
import io.gatehouse.userpool.user.PoolUserSettings;
import io.gatehouse.userpool.user.SignInAttribute;
import io.gatehouse.userpool.user.TestUsers;
import io.gatehouse.userpool.user.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A pool and the users in it: counted by DescribeUserPool, removed with the pool. */
@CognitoApiTest
class UserPoolUsersTest {

	@LocalServerPort
	private int port;

	@Autowired
	private UserService users;

	@Autowired
	private UserPoolService pools;

	@Test
	void describeUserPoolThenEstimatedNumberOfUsersCountsItsUsersAndDeleteRemovesThem() {
		try (CognitoIdentityProviderClient cognito = TestAdmin.sdk(this.port)) {
			UserPoolType pool = cognito.createUserPool(TestUserPools.any().build()).userPool();
			PoolUserSettings settings = PoolUserSettings.defaults(pool.id(), pool.name());
			TestUsers.confirmed().withUsername("alice").createIn(this.users, settings);
			TestUsers.confirmed().withUsername("bob").createIn(this.users, settings);

			assertThat(cognito.describeUserPool((r) -> r.userPoolId(pool.id())).userPool().estimatedNumberOfUsers())
				.isEqualTo(2);

			cognito.deleteUserPool((r) -> r.userPoolId(pool.id()));

			assertThat(this.users.countUsers(pool.id())).isZero();
		}
	}

	@Test
	void userSettingsThenTheUserFeatureSeesThePoolsSignInNamesSchemaAndPolicy() {
		try (CognitoIdentityProviderClient cognito = TestAdmin.sdk(this.port)) {
			UserPoolType pool = cognito.createUserPool(TestUserPools.named("shop")
				.withEmailSignIn()
				.withPasswordPolicy(12, true)
				.withCustomString("tier", 10)
				.build()).userPool();

			PoolUserSettings settings = this.pools.userSettings(pool.id());

			assertThat(settings.poolId()).isEqualTo(pool.id());
			assertThat(settings.poolName()).isEqualTo(pool.name());
			assertThat(settings.usernameCaseSensitive()).isFalse();
			assertThat(settings.usernameAttributes()).containsExactly(SignInAttribute.EMAIL);
			assertThat(settings.passwordPolicy().minimumLength()).isEqualTo(12);
			assertThat(settings.passwordPolicy().requireSymbols()).isTrue();
			assertThat(settings.passwordPolicy().requireUppercase()).isFalse();
			assertThat(settings.passwordPolicy().temporaryPasswordValidityDays()).isEqualTo(3);
			AttributeDefinition tier = settings.schema().find("custom:tier").orElseThrow();
			assertThat(tier.maxLength()).isEqualTo(10);
			assertThat(tier.mutable()).isTrue();
			assertThat(settings.schema().find("email")).isPresent();
		}
	}

}
