package io.gatehouse.shared.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PolicyParserTest {

	private static final String STATEMENT = "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}";

	@Test
	void parseWhenDocumentFromIamUserGuideThenModelHoldsEveryElement() {
		Policy policy = Policy.parse("""
				{
				  "Version": "2012-10-17",
				  "Id": "cd3ad3d9-2776-4ef1-a904-4c229d1642ee",
				  "Statement": [
				    {
				      "Sid": "FirstStatement",
				      "Effect": "Allow",
				      "Action": ["iam:ChangePassword"],
				      "Resource": "*"
				    },
				    {
				      "Sid": "ThirdStatement",
				      "Effect": "Allow",
				      "NotAction": ["s3:List*", "s3:Get*"],
				      "NotResource": ["arn:aws:s3:::confidential-data", "arn:aws:s3:::confidential-data/*"],
				      "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}
				    }
				  ]
				}""");

		assertThat(policy.version()).contains(PolicyVersion.V2012_10_17);
		assertThat(policy.id()).contains("cd3ad3d9-2776-4ef1-a904-4c229d1642ee");
		assertThat(policy.type()).isEqualTo(PolicyType.IDENTITY);
		assertThat(policy.statements()).hasSize(2);
		Statement third = policy.statements().get(1);
		assertThat(third.sid()).contains("ThirdStatement");
		assertThat(third.effect()).isEqualTo(Effect.ALLOW);
		assertThat(third.notAction()).isTrue();
		assertThat(third.actions()).containsExactly("s3:List*", "s3:Get*");
		assertThat(third.notResource()).isTrue();
		assertThat(third.resources()).containsExactly("arn:aws:s3:::confidential-data",
				"arn:aws:s3:::confidential-data/*");
		assertThat(third.principal()).isEmpty();
		assertThat(third.conditions()).singleElement().satisfies((condition) -> {
			assertThat(condition.operator()).isEqualTo("Bool");
			assertThat(condition.key()).isEqualTo("aws:MultiFactorAuthPresent");
			assertThat(condition.values()).containsExactly("true");
		});
	}

	@Test
	void parseWhenStatementIsSingleObjectAndVersionAbsentThenAccepted() {
		Policy policy = Policy.parse("{\"Statement\": " + STATEMENT + "}");

		assertThat(policy.version()).isEmpty();
		assertThat(policy.statements()).hasSize(1);
	}

	@Test
	void parseWhenTrustPolicyThenPrincipalIsKept() {
		Policy policy = Policy.parseTrustPolicy("""
				{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com", "AWS": ["111122223333"]},
				 "Action": ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"]}}""");

		assertThat(policy.statements().get(0).principal()).hasValueSatisfying((principal) -> {
			assertThat(principal.negated()).isFalse();
			assertThat(principal.anyone()).isFalse();
			assertThat(principal.principals()).containsEntry(PrincipalType.FEDERATED,
					java.util.List.of("cognito-identity.amazonaws.com"));
		});
		assertThat(policy.statements().get(0).resources()).isEmpty();
	}

	@Test
	void parseWhenVersion2008ThenVariablesAreLiteralText() {
		Policy policy = Policy.parse("""
				{"Version": "2008-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b/${aws:username}/*"}}""");

		assertThat(policy.evaluate(RequestContext.builder("s3:GetObject")
			.resource("arn:aws:s3:::b/${aws:username}/x")
			.key("aws:username", "alice")
			.build()).isAllowed()).isTrue();
		assertThat(policy.evaluate(RequestContext.builder("s3:GetObject")
			.resource("arn:aws:s3:::b/alice/x")
			.key("aws:username", "alice")
			.build()).isAllowed()).isFalse();
	}

	@Test
	void parseWhenNumbersAndBooleansAsConditionValuesThenTheyReadAsText() {
		Policy policy = Policy.parse("""
				{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*",
				 "Condition": {"NumericLessThanEquals": {"s3:max-keys": [10, 2.50]}, "Bool": {"aws:SecureTransport": true}}}}""");

		assertThat(policy.statements().get(0).conditions()).extracting(Condition::values)
			.containsExactly(java.util.List.of("10", "2.50"), java.util.List.of("true"));
	}

	@Test
	void parseWhenWhitespaceMakesDocumentLongerThanLimitThenWhitespaceIsNotCounted() {
		String padded = "{\"Statement\": " + STATEMENT + " ".repeat(1_000) + "}";

		assertThat(Policy.parse(padded, PolicyType.IDENTITY, 200).statements()).hasSize(1);
	}

	@Test
	void parseWhenDocumentExceedsDefaultLimitThenMalformed() {
		StringBuilder resources = new StringBuilder();
		while (resources.length() < Policy.DEFAULT_MAX_LENGTH) {
			resources.append("\"arn:aws:s3:::bucket/some/long/prefix/object\",");
		}
		String json = "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": ["
				+ resources + "\"*\"]}}";

		assertThatExceptionOfType(MalformedPolicyException.class).isThrownBy(() -> Policy.parse(json))
			.withMessageContaining("maximum length of 10240");
		assertThat(Policy.parse(json, PolicyType.IDENTITY, 100_000).statements()).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"",
			"   ",
			"null",
			"[]",
			"\"policy\"",
			"{",
			"{\"Statement\": " + STATEMENT + "} trailing",
			"{\"Statement\": " + STATEMENT + ", \"Statement\": " + STATEMENT + "}",
			"{}",
			"{\"Version\": \"2012-10-17\"}",
			"{\"Version\": \"2020-01-01\", \"Statement\": " + STATEMENT + "}",
			"{\"Version\": 2012, \"Statement\": " + STATEMENT + "}",
			"{\"Id\": 5, \"Statement\": " + STATEMENT + "}",
			"{\"Statement\": []}",
			"{\"Statement\": \"Allow\"}",
			"{\"Statement\": [\"Allow\"]}",
			"{\"Statement\": " + STATEMENT + ", \"Extra\": 1}",
			"{\"statement\": " + STATEMENT + "}",
			"{\"Statement\": {\"Action\": \"s3:*\", \"Resource\": \"*\"}}",
			"{\"Statement\": {\"Effect\": \"allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}}",
			"{\"Statement\": {\"Effect\": \"Permit\", \"Action\": \"s3:*\", \"Resource\": \"*\"}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Resource\": \"*\"}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"NotAction\": \"s3:Get*\", \"Resource\": \"*\"}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\"}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"NotResource\": \"*\"}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": [], \"Resource\": \"*\"}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": []}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"GetObject\", \"Resource\": \"*\"}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:\", \"Resource\": \"*\"}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3 :Get\", \"Resource\": \"*\"}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"\", \"Resource\": \"*\"}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": [[\"s3:*\"]], \"Resource\": \"*\"}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": {\"s3\": \"*\"}, \"Resource\": \"*\"}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": null, \"Resource\": \"*\"}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"bucket/*\"}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"arn:aws:s3\"}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Principal\": \"*\"}}",
			"{\"Statement\": {\"Sid\": \"has space\", \"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}}",
			"{\"Statement\": {\"Sid\": 1, \"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}}",
			"{\"Statement\": [{\"Sid\": \"A\", \"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}, {\"Sid\": \"A\", \"Effect\": \"Deny\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": {}}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": []}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {}}}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": {\"StringEquals\": \"a\"}}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": {\"StringMatches\": {\"k\": \"v\"}}}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": {\"stringequals\": {\"k\": \"v\"}}}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": {\"ForSomeValues:StringEquals\": {\"k\": \"v\"}}}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": {\"NullIfExists\": {\"k\": \"true\"}}}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": {\"ForAnyValue:Null\": {\"k\": \"true\"}}}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": {\"Null\": {\"k\": \"yes\"}}}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"k\": []}}}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"k\": null}}}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"k\": {\"a\": \"b\"}}}}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"k\": [[\"v\"]]}}}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"\": \"v\"}}}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"aws:username\": \"a\", \"AWS:UserName\": \"b\"}}}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": {\"NumericLessThan\": {\"k\": \"ten\"}}}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": {\"NumericLessThan\": {\"k\": 1e999999999}}}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": {\"DateLessThan\": {\"k\": \"tomorrow\"}}}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": {\"Bool\": {\"k\": \"yes\"}}}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": {\"IpAddress\": {\"k\": \"10.0.0.0/33\"}}}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": {\"IpAddress\": {\"k\": \"example.com\"}}}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": {\"BinaryEquals\": {\"k\": \"not base64!\"}}}}",
			"{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"arn:aws:s3:::b/${aws:username\"}}",
			"{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"arn:aws:s3:::b/${}\"}}",
			"{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"arn:aws:s3:::b/${aws:username, anonymous}\"}}",
			"{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"arn:aws:s3:::b/${aws:username, 'anonymous}\"}}",
			"{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": {\"NumericLessThan\": {\"k\": \"${aws:x}\"}}}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"k\": [[[[[[[[[[\"v\"]]]]]]]]]]}}}}",
	})
	void parseWhenIdentityPolicyIsMalformedThenMalformedPolicyException(String json) {
		assertThatExceptionOfType(MalformedPolicyException.class).isThrownBy(() -> Policy.parse(json))
			.satisfies((ex) -> assertThat(ex.getMessage()).isNotBlank()
				.doesNotContain("tools.jackson", "Exception", "\tat "));
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\"}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"sts:AssumeRole\", \"Resource\": \"*\"}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"NotPrincipal\": \"*\", \"Action\": \"sts:AssumeRole\"}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": \"me\", \"Action\": \"sts:AssumeRole\"}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": {}, \"Action\": \"sts:AssumeRole\"}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": {\"User\": \"x\"}, \"Action\": \"sts:AssumeRole\"}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": {\"AWS\": []}, \"Action\": \"sts:AssumeRole\"}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"\"}, \"Action\": \"sts:AssumeRole\"}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:role/*\"}, \"Action\": \"sts:AssumeRole\"}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": {\"Federated\": \"*\"}, \"Action\": \"sts:AssumeRole\"}}",
			"{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": {\"Federated\": {\"x\": \"y\"}}, \"Action\": \"sts:AssumeRole\"}}",
	})
	void parseWhenTrustPolicyIsMalformedThenMalformedPolicyException(String json) {
		assertThatExceptionOfType(MalformedPolicyException.class).isThrownBy(() -> Policy.parseTrustPolicy(json));
	}

	@Test
	void parseWhenResourceBasedPolicyLacksPrincipalThenMalformed() {
		assertThatExceptionOfType(MalformedPolicyException.class)
			.isThrownBy(() -> Policy.parse("{\"Statement\": " + STATEMENT + "}", PolicyType.RESOURCE_BASED))
			.withMessageContaining("exactly one of Principal and NotPrincipal");
	}

	@Test
	void parseWhenResourceBasedPolicyThenSidMayHoldSpaces() {
		Policy policy = Policy.parse("""
				{"Statement": {"Sid": "Public read", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}}""",
				PolicyType.RESOURCE_BASED);

		assertThat(policy.statements().get(0).sid()).contains("Public read");
	}

	@Test
	void parseWhenUnknownElementThenMessageNamesItSafely() {
		assertThatExceptionOfType(MalformedPolicyException.class)
			.isThrownBy(() -> Policy.parse("{\"Statement\": " + STATEMENT + ", \"Evil\\n" + "x".repeat(500) + "\": 1}"))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).startsWith("Unknown element \"Evil?xxx").contains("...").hasSizeLessThan(120);
				assertThat(ex.getMessage()).doesNotContain("\n");
			});
	}

	@Test
	void parseWhenJsonIsBrokenThenMessageGivesLineAndColumn() {
		assertThatExceptionOfType(MalformedPolicyException.class)
			.isThrownBy(() -> Policy.parse("{\n  \"Statement\": [\n  }"))
			.withMessageContaining("not valid JSON")
			.withMessageContaining("line 3");
	}

	@Test
	void parseWhenExceptionIsThrownThenItCarriesIamErrorType() {
		assertThat(MalformedPolicyException.AWS_ERROR_TYPE).isEqualTo("MalformedPolicyDocument");
	}

}
