package io.gatehouse.shared.policy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** "IAM policy elements: Variables and tags", in Resource and Condition values. */
class PolicyVariablesTest {

	private static boolean allowed(String resourcePattern, String resource, RequestContext.Builder request) {
		Policy policy = Policy.parse("{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\","
				+ " \"Action\": \"s3:*\", \"Resource\": \"" + resourcePattern + "\"}}");
		return policy.evaluate(request.resource(resource).build()).isAllowed();
	}

	private static RequestContext.Builder request() {
		return RequestContext.builder("s3:GetObject");
	}

	@Test
	void variableWhenUsernameThenEachUserGetsOwnHome() {
		// The "aws:username" home-folder example of the User Guide.
		String pattern = "arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}/*";

		assertThat(allowed(pattern, "arn:aws:s3:::amzn-s3-demo-bucket/home/alice/notes.txt",
				request().key("aws:username", "alice"))).isTrue();
		assertThat(allowed(pattern, "arn:aws:s3:::amzn-s3-demo-bucket/home/bob/notes.txt",
				request().key("aws:username", "alice"))).isFalse();
	}

	@Test
	void variableWhenNameDiffersInCaseThenSameContextKey() {
		assertThat(allowed("arn:aws:s3:::b/${AWS:UserId}/*", "arn:aws:s3:::b/AIDAEXAMPLE/x",
				request().key("aws:userid", "AIDAEXAMPLE"))).isTrue();
	}

	@Test
	void variableWhenPrincipalTagThenTagValueIsSubstituted() {
		assertThat(allowed("arn:aws:s3:::b/${aws:PrincipalTag/team}/*", "arn:aws:s3:::b/blue/x",
				request().key("aws:PrincipalTag/team", "blue"))).isTrue();
	}

	@Test
	void variableWhenAbsentThenDefaultApplies() {
		String pattern = "arn:aws:s3:::b/${aws:username, 'anonymous'}/*";

		assertThat(allowed(pattern, "arn:aws:s3:::b/anonymous/x", request())).isTrue();
		assertThat(allowed(pattern, "arn:aws:s3:::b/alice/x", request().key("aws:username", "alice"))).isTrue();
		assertThat(allowed(pattern, "arn:aws:s3:::b/anonymous/x", request().key("aws:username", "alice"))).isFalse();
	}

	@Test
	void variableWhenDefaultHoldsDoubledQuoteThenItIsOneQuote() {
		assertThat(allowed("arn:aws:s3:::b/${app:x,'it''s'}", "arn:aws:s3:::b/it's", request())).isTrue();
	}

	@Test
	void variableWhenAbsentWithoutDefaultThenResourceMatchesNothing() {
		assertThat(allowed("arn:aws:s3:::b/${aws:username}*", "arn:aws:s3:::b/x", request())).isFalse();
		assertThat(allowed("arn:aws:s3:::b/${aws:username}*", "arn:aws:s3:::b/", request())).isFalse();
	}

	@Test
	void variableWhenContextKeyIsMultivaluedThenItHasNoValue() {
		assertThat(allowed("arn:aws:s3:::b/${aws:TagKeys}", "arn:aws:s3:::b/a",
				request().key("aws:TagKeys", "a", "b"))).isFalse();
	}

	@Test
	void variableWhenEscapesThenTheyAreLiteralCharacters() {
		assertThat(allowed("arn:aws:s3:::b/${*}", "arn:aws:s3:::b/*", request())).isTrue();
		assertThat(allowed("arn:aws:s3:::b/${*}", "arn:aws:s3:::b/anything", request())).isFalse();
		assertThat(allowed("arn:aws:s3:::b/${?}", "arn:aws:s3:::b/x", request())).isFalse();
		assertThat(allowed("arn:aws:s3:::b/${?}", "arn:aws:s3:::b/?", request())).isTrue();
		assertThat(allowed("arn:aws:s3:::b/${$}{x}", "arn:aws:s3:::b/${x}", request())).isTrue();
	}

	@Test
	void variableWhenValueHoldsWildcardsThenTheyDoNotWidenTheMatch() {
		String pattern = "arn:aws:s3:::b/${cognito-identity.amazonaws.com:sub}/*";

		assertThat(allowed(pattern, "arn:aws:s3:::b/victim/x",
				request().key("cognito-identity.amazonaws.com:sub", "?ictim"))).isFalse();
		assertThat(allowed(pattern, "arn:aws:s3:::b/?ictim/x",
				request().key("cognito-identity.amazonaws.com:sub", "?ictim"))).isTrue();
	}

	@Test
	void variableWhenInActionThenItIsNotSubstituted() {
		Policy policy = Policy.parse("""
				{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}""");
		// Actions hold no variables: "${" is refused there by the action grammar.
		assertThat(policy.statements().get(0).actions()).containsExactly("s3:*");
		org.assertj.core.api.Assertions.assertThatExceptionOfType(MalformedPolicyException.class)
			.isThrownBy(() -> Policy.parse("""
					{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:${aws:username}", "Resource": "*"}}"""));
	}

	@Test
	void variableWhenInStringLikeConditionThenSubstitutedBeforeMatching() {
		assertThat(ConditionOperatorsTest.holds("StringLike", "s3:prefix",
				"\"home/${aws:username}/*\"", ConditionOperatorsTest.request().key("aws:username", "alice").key("s3:prefix", "home/alice/a")))
			.isTrue();
		assertThat(ConditionOperatorsTest.holds("StringLike", "s3:prefix",
				"\"home/${aws:username}/*\"", ConditionOperatorsTest.request().key("aws:username", "alice").key("s3:prefix", "home/bob/a")))
			.isFalse();
	}

	@Test
	void variableWhenInArnConditionThenSubstituted() {
		assertThat(ConditionOperatorsTest.holds("ArnLike", "aws:SourceArn",
				"\"arn:aws:iam::${aws:PrincipalAccount}:*\"", RequestContext.builder("sns:Publish")
					.resource("arn:aws:sns:us-east-1:1:t")
					.key("aws:PrincipalAccount", "123456789012")
					.key("aws:SourceArn", "arn:aws:iam::123456789012:role/x")))
			.isTrue();
	}

}
