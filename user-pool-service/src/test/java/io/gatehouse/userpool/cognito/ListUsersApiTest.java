package io.gatehouse.userpool.cognito;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

import io.gatehouse.userpool.user.GeneratedUsers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * ListUsers through the AWS SDK: Cognito's filter syntax on each searchable attribute, AttributesToGet, and
 * pages that neither repeat nor skip a user while other users are being created.
 */
@CognitoApiTest
class ListUsersApiTest {

	private static final int USERS = 120;

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	private CognitoIdentityProviderClient admin;

	private String poolId;

	@BeforeEach
	void seed() {
		this.admin = TestAdmin.sdk(this.port);
		this.poolId = this.admin.createUserPool(TestUserPools.any().build()).userPool().id();
		GeneratedUsers.insert(this.jdbc, this.poolId, 1, USERS);
	}

	@AfterEach
	void close() {
		this.admin.close();
	}

	@Test
	void listUsersWhenEmailEqualsThenOnlyThatUserWhateverTheCase() {
		assertThat(usernames("email = \"user0000007@example.com\"")).containsExactly("user0000007");
		assertThat(usernames("email = \"USER0000007@Example.COM\"")).containsExactly("user0000007");
		assertThat(usernames("email = \"user0000007@example\"")).isEmpty();
	}

	@Test
	void listUsersWhenPrefixThenEveryUserWhoseValueStartsWithIt() {
		assertThat(usernames("username ^= \"user000001\"")).containsExactlyElementsOf(
				IntStream.rangeClosed(10, 19).mapToObj(GeneratedUsers::username).toList());
		// given_name Ann for n % 16 == 0; the match ignores case.
		assertThat(usernames("given_name ^= \"an\"")).containsExactlyInAnyOrderElementsOf(
				IntStream.rangeClosed(1, USERS).filter((n) -> n % 16 == 0).mapToObj(GeneratedUsers::username).toList());
		assertThat(usernames("phone_number ^= \"+1555000001\"")).hasSize(10);
		assertThat(usernames("family_name = \"Family00\"")).hasSize(15);
		assertThat(usernames("name ^= \"Bob Family0\"")).isNotEmpty();
		assertThat(usernames("email ^= \"\"")).hasSize(USERS);
	}

	@Test
	void listUsersWhenStatusFiltersThenByConfirmationAndByEnabled() {
		List<String> unconfirmed = IntStream.rangeClosed(1, USERS)
			.filter((n) -> n % 10 == 0)
			.mapToObj(GeneratedUsers::username)
			.toList();
		assertThat(usernames("cognito:user_status = \"UNCONFIRMED\"")).containsExactlyInAnyOrderElementsOf(unconfirmed);
		assertThat(usernames("cognito:user_status = \"unconfirmed\"")).containsExactlyInAnyOrderElementsOf(unconfirmed);
		assertThat(usernames("status = \"Disabled\"")).containsExactlyInAnyOrder(GeneratedUsers.username(50),
				GeneratedUsers.username(100));
		assertThat(usernames("status = \"Enabled\"")).hasSize(USERS - 2);
	}

	@Test
	void listUsersWhenSubOrPreferredUsernameThenExactUser() {
		UserType one = this.admin.listUsers((r) -> r.userPoolId(this.poolId).filter("username = \"user0000042\""))
			.users()
			.get(0);
		String sub = one.attributes().stream().filter((a) -> a.name().equals("sub")).findFirst().orElseThrow().value();

		assertThat(usernames("sub = \"" + sub + "\"")).containsExactly("user0000042");
		assertThat(usernames("sub = \"" + sub.toUpperCase() + "\"")).containsExactly("user0000042");
		assertThat(usernames("preferred_username = \"nobody\"")).isEmpty();
		assertThat(one.userStatus()).isEqualTo(UserStatusType.CONFIRMED);
		assertThat(one.enabled()).isTrue();
		assertThat(one.userCreateDate()).isNotNull();
	}

	@Test
	void listUsersWhenValueHasEscapedQuotesThenTheyAreMatchedLiterally() {
		this.jdbc.sql("UPDATE user_pool.user_account SET attributes = attributes || '{\"family_name\":\"O\\\"Hara\"}'::jsonb"
				+ " WHERE pool_id = :poolId AND username = 'user0000003'").param("poolId", this.poolId).update();

		assertThat(usernames("family_name = \"O\\\"Hara\"")).containsExactly("user0000003");
	}

	@Test
	void listUsersWhenAttributesToGetThenOnlyThoseAttributes() {
		ListUsersResponse response = this.admin.listUsers((r) -> r.userPoolId(this.poolId)
			.filter("username = \"user0000005\"")
			.attributesToGet("email", "given_name"));

		assertThat(response.users()).singleElement()
			.satisfies((user) -> assertThat(user.attributes()).extracting(AttributeType::name)
				.containsExactlyInAnyOrder("email", "given_name"));
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(
				() -> this.admin.listUsers((r) -> r.userPoolId(this.poolId).attributesToGet("custom:missing")));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "email = user@example.com", "email == \"x\"", "email ~ \"x\"", "email = \"x",
			"email = \"x\" and name = \"y\"", "custom:tier = \"gold\"", "\"email\" = \"x\"", "nickname = \"x\"",
			"email", "= \"x\"", "email = \"x\\" })
	void listUsersWhenFilterMalformedOrNotSearchableThenInvalidParameter(String filter) {
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> this.admin.listUsers((r) -> r.userPoolId(this.poolId).filter(filter)));
	}

	@Test
	void listUsersWhenTokenForgedOrFromAnotherFilterThenInvalidParameter() {
		String token = this.admin.listUsers((r) -> r.userPoolId(this.poolId).limit(5).filter("email ^= \"user\""))
			.paginationToken();

		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> this.admin
			.listUsers((r) -> r.userPoolId(this.poolId).limit(5).filter("email ^= \"use\"").paginationToken(token)));
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(
				() -> this.admin.listUsers((r) -> r.userPoolId(this.poolId).limit(5).paginationToken("bm90LWEtdG9rZW4")));
	}

	@Test
	void listUsersWhenUsersAreCreatedBetweenPagesThenEveryExistingUserExactlyOnce() {
		for (String filter : new String[] { null, "email ^= \"user\"", "cognito:user_status = \"CONFIRMED\"" }) {
			AtomicInteger next = new AtomicInteger(10_000 + (filter == null ? 0 : filter.length() * 100));
			List<String> listed = pageThrough(filter, 7, () -> {
				// New users whose keys sort before and after the cursor, and in the middle of the pool.
				GeneratedUsers.insert(this.jdbc, this.poolId, next.getAndAdd(3), 3);
			});

			Set<String> expected = new HashSet<>();
			for (int n = 1; n <= USERS; n++) {
				if (filter == null || !filter.contains("CONFIRMED") || n % 10 != 0) {
					expected.add(GeneratedUsers.username(n));
				}
			}
			assertThat(listed).as(String.valueOf(filter)).doesNotHaveDuplicates().containsAll(expected);
		}
	}

	@Test
	void listUsersWhileAnotherThreadCreatesUsersThenNoDuplicatesAndNoOriginalUserMissing() throws Exception {
		AtomicBoolean running = new AtomicBoolean(true);
		Thread writer = new Thread(() -> {
			int n = 50_000;
			while (running.get()) {
				GeneratedUsers.insert(this.jdbc, this.poolId, n, 2);
				n += 2;
			}
		});
		writer.start();
		List<String> listed;
		try {
			listed = pageThrough("email ^= \"user0\"", 9, () -> {
			});
		}
		finally {
			running.set(false);
			writer.join();
		}

		assertThat(listed).doesNotHaveDuplicates()
			.containsAll(IntStream.rangeClosed(1, USERS).mapToObj(GeneratedUsers::username).toList());
	}

	private List<String> pageThrough(String filter, int limit, Runnable betweenPages) {
		List<String> listed = new ArrayList<>();
		String token = null;
		do {
			String current = token;
			ListUsersRequest.Builder request = ListUsersRequest.builder()
				.userPoolId(this.poolId)
				.limit(limit)
				.paginationToken(current);
			if (filter != null) {
				request.filter(filter);
			}
			ListUsersResponse page = this.admin.listUsers(request.build());
			assertThat(page.users()).hasSizeLessThanOrEqualTo(limit);
			page.users().forEach((user) -> listed.add(user.username()));
			token = page.paginationToken();
			betweenPages.run();
		}
		while (token != null);
		return listed;
	}

	private List<String> usernames(String filter) {
		return pageThrough(filter, 60, () -> {
		});
	}

}
