package io.gatehouse.userpool.cognito;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeletionProtectionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordPolicyType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.StringAttributeConstraintsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/** CreateUserPool requests for tests: {@code TestUserPools.named("shop").withEmailSignIn().build()}. */
final class TestUserPools {

	private static final AtomicInteger counter = new AtomicInteger();

	private final String name;

	private DeletionProtectionType deletionProtection;

	private PasswordPolicyType passwordPolicy;

	private final List<SchemaAttributeType> schema = new ArrayList<>();

	private final Map<String, String> tags = new LinkedHashMap<>();

	private boolean emailSignIn;

	private UserPoolMfaType mfa;

	private TestUserPools(String name) {
		this.name = name;
	}

	static TestUserPools named(String prefix) {
		return new TestUserPools(prefix + "-" + counter.incrementAndGet());
	}

	static TestUserPools any() {
		return named("pool");
	}

	TestUserPools withDeletionProtection() {
		this.deletionProtection = DeletionProtectionType.ACTIVE;
		return this;
	}

	TestUserPools withPasswordPolicy(int minimumLength, boolean requireSymbols) {
		this.passwordPolicy = PasswordPolicyType.builder()
			.minimumLength(minimumLength)
			.requireSymbols(requireSymbols)
			.temporaryPasswordValidityDays(3)
			.build();
		return this;
	}

	TestUserPools withCustomString(String attribute, int maxLength) {
		this.schema.add(SchemaAttributeType.builder()
			.name(attribute)
			.attributeDataType(AttributeDataType.STRING)
			.mutable(true)
			.stringAttributeConstraints(StringAttributeConstraintsType.builder().minLength("1").maxLength(String.valueOf(maxLength)).build())
			.build());
		return this;
	}

	TestUserPools withRequiredEmail() {
		this.schema.add(SchemaAttributeType.builder().name("email").required(true).mutable(true).build());
		return this;
	}

	TestUserPools withEmailSignIn() {
		this.emailSignIn = true;
		return this;
	}

	TestUserPools withMfa(UserPoolMfaType mfa) {
		this.mfa = mfa;
		return this;
	}

	TestUserPools withTag(String key, String value) {
		this.tags.put(key, value);
		return this;
	}

	CreateUserPoolRequest build() {
		CreateUserPoolRequest.Builder builder = CreateUserPoolRequest.builder().poolName(this.name);
		if (this.deletionProtection != null) {
			builder.deletionProtection(this.deletionProtection);
		}
		if (this.passwordPolicy != null) {
			builder.policies((policies) -> policies.passwordPolicy(this.passwordPolicy));
		}
		if (!this.schema.isEmpty()) {
			builder.schema(this.schema);
		}
		if (!this.tags.isEmpty()) {
			builder.userPoolTags(this.tags);
		}
		if (this.emailSignIn) {
			builder.usernameAttributes(UsernameAttributeType.EMAIL).autoVerifiedAttributes(VerifiedAttributeType.EMAIL);
		}
		if (this.mfa != null) {
			builder.mfaConfiguration(this.mfa);
		}
		return builder.build();
	}

}
