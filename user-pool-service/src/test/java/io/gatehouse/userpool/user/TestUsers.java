package io.gatehouse.userpool.user;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Builds users for tests: {@code TestUsers.confirmed().withEmail("a@example.com").createIn(users, pool)}.
 * Defaults: a random username, the password {@link #PASSWORD}, written as an administrator.
 */
public final class TestUsers {

	/** Satisfies the default policy and is on no list. */
	public static final String PASSWORD = "Tangerine-Otter-42";

	private String username = "user-" + UUID.randomUUID().toString().substring(0, 8);

	private final Map<String, String> attributes = new LinkedHashMap<>();

	private String password = PASSWORD;

	private UserStatus status;

	private AttributeWriter writer = AttributeWriter.ADMIN;

	private TestUsers(UserStatus status) {
		this.status = status;
	}

	public static TestUsers confirmed() {
		return new TestUsers(UserStatus.CONFIRMED);
	}

	public static TestUsers unconfirmed() {
		return new TestUsers(UserStatus.UNCONFIRMED).signingUp();
	}

	public TestUsers withUsername(String username) {
		this.username = username;
		return this;
	}

	public TestUsers withEmail(String email) {
		return withAttribute(StandardAttributes.EMAIL, email);
	}

	public TestUsers withVerifiedEmail(String email) {
		return withEmail(email).withAttribute(StandardAttributes.EMAIL_VERIFIED, "true");
	}

	public TestUsers withPhoneNumber(String phoneNumber) {
		return withAttribute(StandardAttributes.PHONE_NUMBER, phoneNumber);
	}

	public TestUsers withAttribute(String name, String value) {
		this.attributes.put(name, value);
		return this;
	}

	public TestUsers withPassword(String password) {
		this.password = password;
		return this;
	}

	public TestUsers withStatus(UserStatus status) {
		this.status = status;
		return this;
	}

	/** Attributes written as the user at sign-up rather than by an administrator. */
	public TestUsers signingUp() {
		this.writer = AttributeWriter.SELF_SERVICE;
		return this;
	}

	public NewUser build() {
		return new NewUser(this.username, this.attributes, this.password, this.status, this.writer);
	}

	public User createIn(UserService users, PoolUserSettings pool) {
		return users.create(pool, build());
	}

}
