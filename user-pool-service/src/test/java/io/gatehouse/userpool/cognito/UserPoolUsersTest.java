package io.gatehouse.userpool.cognito;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

import io.gatehouse.userpool.user.PoolUserSettings;
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

}
