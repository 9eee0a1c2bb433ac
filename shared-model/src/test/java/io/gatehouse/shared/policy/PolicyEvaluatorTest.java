package io.gatehouse.shared.policy;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyEvaluatorTest {

	/** The identity pool example of the Cognito developer guide ("IAM roles"), for an S3 prefix per identity. */
	private static final Policy COGNITO_PER_IDENTITY = Policy.parse("""
			{
			  "Version": "2012-10-17",
			  "Statement": [
			    {
			      "Sid": "ListOwnPrefix",
			      "Effect": "Allow",
			      "Action": ["s3:ListBucket"],
			      "Resource": ["arn:aws:s3:::bucket"],
			      "Condition": {"StringLike": {"s3:prefix": ["users/${cognito-identity.amazonaws.com:sub}/*"]}}
			    },
			    {
			      "Sid": "ReadWriteOwnObjects",
			      "Effect": "Allow",
			      "Action": ["s3:GetObject", "s3:PutObject"],
			      "Resource": ["arn:aws:s3:::bucket/users/${cognito-identity.amazonaws.com:sub}/*"]
			    }
			  ]
			}
			""");

	private static final String SUB = "us-east-1:12345678-aaaa-bbbb-cccc-1234567890ab";

	@Test
	void evaluateWhenCognitoIdentityTouchesOwnPrefixThenAllow() {
		Decision decision = COGNITO_PER_IDENTITY.evaluate(RequestContext.builder("s3:GetObject")
			.resource("arn:aws:s3:::bucket/users/" + SUB + "/photos/cat.jpg")
			.key("cognito-identity.amazonaws.com:sub", SUB)
			.build());

		assertThat(decision.outcome()).isEqualTo(Decision.Outcome.ALLOW);
		assertThat(decision.statement()).hasValueSatisfying((ref) -> {
			assertThat(ref.sid()).contains("ReadWriteOwnObjects");
			assertThat(ref.statementIndex()).isEqualTo(1);
			assertThat(ref.policyIndex()).isZero();
		});
	}

	@Test
	void evaluateWhenCognitoIdentityTouchesAnotherIdentitysPrefixThenImplicitDeny() {
		Decision decision = COGNITO_PER_IDENTITY.evaluate(RequestContext.builder("s3:PutObject")
			.resource("arn:aws:s3:::bucket/users/us-east-1:someone-else/x")
			.key("cognito-identity.amazonaws.com:sub", SUB)
			.build());

		assertThat(decision.outcome()).isEqualTo(Decision.Outcome.IMPLICIT_DENY);
		assertThat(decision.statement()).isEmpty();
		assertThat(decision.mismatches()).extracting(Decision.Mismatch::element)
			.containsExactly(Decision.Element.ACTION, Decision.Element.RESOURCE);
	}

	@Test
	void evaluateWhenSubIsMissingThenVariableResourceMatchesNothing() {
		Decision decision = COGNITO_PER_IDENTITY.evaluate(RequestContext.builder("s3:GetObject")
			.resource("arn:aws:s3:::bucket/users//x")
			.build());

		assertThat(decision.outcome()).isEqualTo(Decision.Outcome.IMPLICIT_DENY);
	}

	@Test
	void evaluateWhenSubHoldsWildcardThenItMatchesLiterally() {
		Decision decision = COGNITO_PER_IDENTITY.evaluate(RequestContext.builder("s3:GetObject")
			.resource("arn:aws:s3:::bucket/users/victim/secret")
			.key("cognito-identity.amazonaws.com:sub", "*")
			.build());

		assertThat(decision.outcome()).isEqualTo(Decision.Outcome.IMPLICIT_DENY);
	}

	@Test
	void evaluateWhenListingOwnPrefixThenConditionWithVariableAllows() {
		RequestContext.Builder request = RequestContext.builder("s3:ListBucket")
			.resource("arn:aws:s3:::bucket")
			.key("cognito-identity.amazonaws.com:sub", SUB);

		assertThat(COGNITO_PER_IDENTITY.evaluate(request.key("s3:prefix", "users/" + SUB + "/").build())
			.isAllowed()).isTrue();
		assertThat(COGNITO_PER_IDENTITY.evaluate(request.key("s3:prefix", "users/other/").build()).outcome())
			.isEqualTo(Decision.Outcome.IMPLICIT_DENY);
	}

	@Test
	void evaluateWhenDenyAndAllowBothMatchThenDenyWins() {
		Policy allow = Policy.parse("""
				{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}""");
		Policy deny = Policy.parse("""
				{"Version": "2012-10-17", "Id": "guard", "Statement": [
				  {"Sid": "NoDelete", "Effect": "Deny", "Action": "s3:Delete*", "Resource": "arn:aws:s3:::prod/*"}]}""");

		Decision decision = PolicyEvaluator.evaluate(RequestContext.builder("s3:DeleteObject")
			.resource("arn:aws:s3:::prod/data.csv")
			.build(), allow, deny);

		assertThat(decision.outcome()).isEqualTo(Decision.Outcome.EXPLICIT_DENY);
		assertThat(decision.isAllowed()).isFalse();
		assertThat(decision.statement()).hasValue(new Decision.StatementRef(1, java.util.Optional.of("guard"), 0,
				java.util.Optional.of("NoDelete"), Effect.DENY));
	}

	@Test
	void evaluateWhenNoPolicyThenImplicitDeny() {
		Decision decision = PolicyEvaluator.evaluate(RequestContext.builder("s3:GetObject").resource("*").build(),
				List.of());

		assertThat(decision.outcome()).isEqualTo(Decision.Outcome.IMPLICIT_DENY);
		assertThat(decision.mismatches()).isEmpty();
	}

	@Test
	void evaluateWhenNotActionThenEverythingElseIsAllowed() {
		// IAM User Guide, "NotAction": allow everything except IAM.
		Policy policy = Policy.parse("""
				{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}}""");

		assertThat(policy.evaluate(RequestContext.builder("s3:GetObject").resource("arn:aws:s3:::b/k").build())
			.isAllowed()).isTrue();
		assertThat(policy.evaluate(RequestContext.builder("IAM:CreateUser").resource("*").build()).outcome())
			.isEqualTo(Decision.Outcome.IMPLICIT_DENY);
	}

	@Test
	void evaluateWhenNotResourceThenOtherResourcesMatch() {
		// IAM User Guide, "NotResource": deny S3 everywhere but one bucket.
		Policy policy = Policy.parse("""
				{"Version": "2012-10-17", "Statement": [
				  {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
				  {"Effect": "Deny", "Action": "s3:*", "NotResource": ["arn:aws:s3:::HRBucket/Payroll", "arn:aws:s3:::HRBucket/Payroll/*"]}
				]}""");

		assertThat(policy.evaluate(RequestContext.builder("s3:GetObject")
			.resource("arn:aws:s3:::HRBucket/Payroll/jan.csv")
			.build()).isAllowed()).isTrue();
		assertThat(policy.evaluate(RequestContext.builder("s3:GetObject").resource("arn:aws:s3:::Other/x").build())
			.outcome()).isEqualTo(Decision.Outcome.EXPLICIT_DENY);
	}

	@Test
	void evaluateWhenActionDiffersOnlyInCaseThenItMatches() {
		Policy policy = Policy.parse("""
				{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "S3:getobject", "Resource": "*"}}""");

		assertThat(policy.evaluate(RequestContext.builder("s3:GetObject").resource("x").build()).isAllowed())
			.isTrue();
	}

	@Test
	void evaluateWhenResourceDiffersOnlyInCaseThenItDoesNotMatch() {
		Policy policy = Policy.parse("""
				{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::Bucket/*"}}""");

		assertThat(policy.evaluate(RequestContext.builder("s3:GetObject").resource("arn:aws:s3:::bucket/k").build())
			.isAllowed()).isFalse();
	}

	@Test
	void evaluateWhenResourceStatementButRequestHasNoResourceThenNoMatch() {
		Policy policy = Policy.parse("""
				{"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "*", "NotResource": "arn:aws:s3:::a"}}""");

		Decision decision = policy.evaluate(RequestContext.builder("s3:ListAllMyBuckets").build());

		assertThat(decision.outcome()).isEqualTo(Decision.Outcome.IMPLICIT_DENY);
		assertThat(decision.mismatches()).singleElement()
			.extracting(Decision.Mismatch::element)
			.isEqualTo(Decision.Element.RESOURCE);
	}

	@Test
	void evaluateWhenRequestHasNoResourceThenOnlyResourceStarCoversIt() {
		Policy star = Policy.parse("""
				{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "sts:GetCallerIdentity", "Resource": "*"}}""");
		Policy narrow = Policy.parse("""
				{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "sts:GetCallerIdentity", "Resource": "arn:aws:sts::123456789012:*"}}""");
		RequestContext request = RequestContext.builder("sts:GetCallerIdentity").build();

		assertThat(star.evaluate(request).isAllowed()).isTrue();
		assertThat(narrow.evaluate(request).isAllowed()).isFalse();
	}

	@Test
	void evaluateWhenConditionFailsThenMismatchNamesOperatorAndKeyButNotValues() {
		Policy policy = Policy.parse("""
				{"Version": "2012-10-17", "Statement": {"Sid": "Eng", "Effect": "Allow", "Action": "s3:*", "Resource": "*",
				  "Condition": {"StringEquals": {"aws:PrincipalTag/department": "engineering"}}}}""");

		Decision decision = policy.evaluate(RequestContext.builder("s3:GetObject")
			.resource("arn:aws:s3:::b/k")
			.key("aws:PrincipalTag/department", "sales-secret-value")
			.build());

		assertThat(decision.mismatches()).singleElement().satisfies((mismatch) -> {
			assertThat(mismatch.element()).isEqualTo(Decision.Element.CONDITION);
			assertThat(mismatch.statement().sid()).contains("Eng");
			assertThat(mismatch.detail()).contains("StringEquals", "aws:PrincipalTag/department")
				.doesNotContain("sales-secret-value");
		});
	}

	@Test
	void evaluateWhenTrustPolicyOfCognitoIdentityPoolThenOnlyAuthenticatedIdentitiesOfThatPoolAssumeRole() {
		// The trust policy the Cognito console writes for an identity pool's authenticated role.
		Policy trust = Policy.parseTrustPolicy("""
				{
				  "Version": "2012-10-17",
				  "Statement": [{
				    "Sid": "",
				    "Effect": "Allow",
				    "Principal": {"Federated": "cognito-identity.amazonaws.com"},
				    "Action": "sts:AssumeRoleWithWebIdentity",
				    "Condition": {
				      "StringEquals": {"cognito-identity.amazonaws.com:aud": "us-east-1:pool-1"},
				      "ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:amr": "authenticated"}
				    }
				  }]
				}""");
		RequestContext.Builder request = RequestContext.builder("sts:AssumeRoleWithWebIdentity")
			.principal(Principal.federated("cognito-identity.amazonaws.com"))
			.key("cognito-identity.amazonaws.com:aud", "us-east-1:pool-1")
			.key("cognito-identity.amazonaws.com:amr", "authenticated", "localhost:9000/local-1_abc",
					"localhost:9000/local-1_abc:CognitoSignIn:sub");

		assertThat(trust.evaluate(request.build()).isAllowed()).isTrue();
		assertThat(trust.evaluate(request.key("cognito-identity.amazonaws.com:amr", "unauthenticated").build())
			.isAllowed()).isFalse();
		assertThat(trust.evaluate(request.key("cognito-identity.amazonaws.com:amr", "authenticated")
			.key("cognito-identity.amazonaws.com:aud", "us-east-1:pool-2")
			.build()).isAllowed()).isFalse();
		assertThat(trust.evaluate(request.key("cognito-identity.amazonaws.com:aud", "us-east-1:pool-1")
			.principal(Principal.federated("accounts.google.com"))
			.build()).mismatches()).singleElement()
			.extracting(Decision.Mismatch::element)
			.isEqualTo(Decision.Element.PRINCIPAL);
		assertThat(trust.evaluate(request.principal(null).build()).isAllowed()).isFalse();
	}

	@Test
	void evaluateWhenResourcePolicyNamesAccountThenEveryPrincipalOfThatAccountMatches() {
		Policy policy = Policy.parse("""
				{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": ["123456789012", "arn:aws:iam::210987654321:role/reader"]},
				  "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}}""", PolicyType.RESOURCE_BASED);
		RequestContext.Builder request = RequestContext.builder("s3:GetObject").resource("arn:aws:s3:::b/k");

		assertThat(policy.evaluate(request.principal(Principal.aws("arn:aws:iam::123456789012:user/alice")).build())
			.isAllowed()).isTrue();
		assertThat(policy.evaluate(request.principal(Principal.aws("arn:aws:iam::210987654321:role/reader")).build())
			.isAllowed()).isTrue();
		assertThat(policy.evaluate(request.principal(Principal.aws("arn:aws:iam::210987654321:role/writer")).build())
			.isAllowed()).isFalse();
		assertThat(policy.evaluate(request.principal(Principal.service("s3.amazonaws.com")).build()).isAllowed())
			.isFalse();
	}

	@Test
	void evaluateWhenNotPrincipalThenEveryoneElseIsDenied() {
		Policy policy = Policy.parse("""
				{"Version": "2012-10-17", "Statement": [
				  {"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"},
				  {"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::123456789012:role/admin"}, "Action": "s3:Delete*", "Resource": "*"}
				]}""", PolicyType.RESOURCE_BASED);
		RequestContext.Builder request = RequestContext.builder("s3:DeleteObject").resource("arn:aws:s3:::b/k");

		assertThat(policy.evaluate(request.principal(Principal.aws("arn:aws:iam::123456789012:role/admin")).build())
			.isAllowed()).isTrue();
		assertThat(policy.evaluate(request.principal(Principal.aws("arn:aws:iam::123456789012:role/dev")).build())
			.outcome()).isEqualTo(Decision.Outcome.EXPLICIT_DENY);
	}

	@Test
	void evaluateWhenPrincipalWildcardInAwsThenAnyoneMatches() {
		Policy policy = Policy.parse("""
				{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:GetObject", "Resource": "*"}}""",
				PolicyType.RESOURCE_BASED);

		assertThat(policy.evaluate(RequestContext.builder("s3:GetObject")
			.resource("arn:aws:s3:::b/k")
			.principal(Principal.federated("cognito-identity.amazonaws.com"))
			.build()).isAllowed()).isTrue();
	}

	@Test
	void evaluateWhenSeveralAllowsMatchThenFirstOneIsReported() {
		Policy first = Policy.parse("""
				{"Version": "2012-10-17", "Statement": [{"Sid": "A", "Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}]}""");
		Policy second = Policy.parse("""
				{"Version": "2012-10-17", "Statement": [{"Sid": "B", "Effect": "Allow", "Action": "*", "Resource": "*"}]}""");

		Decision decision = PolicyEvaluator.evaluate(RequestContext.builder("s3:GetObject").resource("r").build(),
				List.of(second, first));

		assertThat(decision.statement()).hasValueSatisfying((ref) -> {
			assertThat(ref.policyIndex()).isZero();
			assertThat(ref.sid()).contains("B");
		});
	}

}
