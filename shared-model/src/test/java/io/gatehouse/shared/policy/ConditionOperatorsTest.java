package io.gatehouse.shared.policy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operator of "IAM JSON policy elements: Condition operators", with the documented missing-key,
 * IfExists and set-qualifier behaviour.
 */
class ConditionOperatorsTest {

	/** Whether an Allow statement with the single condition {@code operator: {key: values}} applies. */
	static boolean holds(String operator, String key, String valuesJson, RequestContext.Builder request) {
		Policy policy = Policy.parse("{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\","
				+ " \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {\"" + operator + "\": {\"" + key + "\": "
				+ valuesJson + "}}}}");
		return policy.evaluate(request.build()).isAllowed();
	}

	static RequestContext.Builder request() {
		return RequestContext.builder("s3:GetObject").resource("arn:aws:s3:::b/k");
	}

	static boolean holds(String operator, String valuesJson, String... contextValues) {
		return holds(operator, "k", valuesJson, request().key("k", contextValues));
	}

	@ParameterizedTest(name = "{0} {1} vs {2} -> {3}")
	@CsvSource(delimiter = '|', value = {
			"StringEquals              | \"abc\"             | abc         | true",
			"StringEquals              | \"abc\"             | ABC         | false",
			"StringEquals              | [\"x\", \"abc\"]    | abc         | true",
			"StringEquals              | \"a*\"              | abc         | false",
			"StringEquals              | \"a*\"              | a*          | true",
			"StringNotEquals           | \"abc\"             | abc         | false",
			"StringNotEquals           | \"abc\"             | abd         | true",
			"StringNotEquals           | [\"x\", \"abc\"]    | abc         | false",
			"StringNotEquals           | [\"x\", \"y\"]      | abc         | true",
			"StringEqualsIgnoreCase    | \"ABC\"             | abc         | true",
			"StringEqualsIgnoreCase    | \"ABC\"             | abd         | false",
			"StringNotEqualsIgnoreCase | \"ABC\"             | abc         | false",
			"StringNotEqualsIgnoreCase | \"ABC\"             | abd         | true",
			"StringLike                | \"home/*\"          | home/a/b    | true",
			"StringLike                | \"home/?\"          | home/ab     | false",
			"StringLike                | \"home/??\"         | home/ab     | true",
			"StringLike                | \"Home/*\"          | home/a      | false",
			"StringNotLike             | \"home/*\"          | home/a      | false",
			"StringNotLike             | [\"a*\", \"home/*\"] | tmp/a      | true",
			"NumericEquals             | \"10\"              | 10.0        | true",
			"NumericEquals             | 10                  | 11          | false",
			"NumericNotEquals          | \"10\"              | 11          | true",
			"NumericNotEquals          | \"10\"              | 10          | false",
			"NumericLessThan           | \"10\"              | 9.5         | true",
			"NumericLessThan           | \"10\"              | 10          | false",
			"NumericLessThanEquals     | \"10\"              | 10          | true",
			"NumericLessThanEquals     | \"10\"              | 11          | false",
			"NumericGreaterThan        | \"-1.5\"            | -1          | true",
			"NumericGreaterThan        | \"10\"              | 10          | false",
			"NumericGreaterThanEquals  | \"10\"              | 10          | true",
			"NumericGreaterThanEquals  | \"10\"              | 9           | false",
			"NumericLessThan           | \"10\"              | ten         | false",
			"NumericNotEquals          | \"10\"              | ten         | true",
			"DateEquals                | \"2020-01-01T00:00:00Z\" | 1577836800 | true",
			"DateEquals                | \"2020-01-01\"      | 2020-01-01T00:00:00Z | true",
			"DateNotEquals             | \"2020-01-01T00:00:00Z\" | 2020-01-01T00:00:01Z | true",
			"DateNotEquals             | \"2020-01-01T00:00:00Z\" | 2020-01-01T01:00:00+01:00 | false",
			"DateLessThan              | \"2020-01-01T00:00:00Z\" | 2019-12-31T23:59:59Z | true",
			"DateLessThan              | \"2020-01-01T00:00:00Z\" | 2020-01-01T00:00:00Z | false",
			"DateLessThanEquals        | \"1577836800\"      | 2020-01-01T00:00:00Z | true",
			"DateGreaterThan           | \"2020-01-01T00:00:00Z\" | 2020-01-01T00:00:00.001Z | true",
			"DateGreaterThan           | \"2020-01-01T00:00:00Z\" | 2019-01-01T00:00:00Z | false",
			"DateGreaterThanEquals     | \"2020-01-01T00:00:00Z\" | 1577836800 | true",
			"DateGreaterThanEquals     | \"2020-01-01T00:00:00Z\" | yesterday  | false",
			"Bool                      | \"true\"            | true        | true",
			"Bool                      | true                | TRUE        | true",
			"Bool                      | \"false\"           | true        | false",
			"BinaryEquals              | \"QmluYXJ5VmFsdWU=\" | QmluYXJ5VmFsdWU= | true",
			"BinaryEquals              | \"QmluYXJ5VmFsdWU=\" | QmluYXJ5 | false",
			"IpAddress                 | \"203.0.113.0/24\"  | 203.0.113.9 | true",
			"IpAddress                 | \"203.0.113.0/24\"  | 203.0.114.9 | false",
			"IpAddress                 | \"203.0.113.7\"     | 203.0.113.7 | true",
			"IpAddress                 | \"203.0.113.0/24\"  | ::ffff:203.0.113.9 | true",
			"IpAddress                 | \"2001:DB8:1234:5678::/64\" | 2001:db8:1234:5678:abcd::1 | true",
			"IpAddress                 | \"2001:DB8:1234:5678::/64\" | 2001:db8:1234:5679::1 | false",
			"IpAddress                 | \"2001:DB8::/32\"   | 203.0.113.9 | false",
			"IpAddress                 | \"0.0.0.0/0\"       | localhost   | false",
			"IpAddress                 | \"10.0.0.0/8\"      | 10.1        | false",
			"NotIpAddress              | \"203.0.113.0/24\"  | 198.51.100.1 | true",
			"NotIpAddress              | \"203.0.113.0/24\"  | 203.0.113.1 | false",
			"ArnEquals                 | \"arn:aws:sns:us-east-1:123456789012:topic\" | arn:aws:sns:us-east-1:123456789012:topic | true",
			"ArnLike                   | \"arn:aws:sns:*:123456789012:*\" | arn:aws:sns:eu-west-1:123456789012:t:x | true",
			"ArnLike                   | \"arn:aws:sns:*:123456789012:*\" | arn:aws:sqs:eu-west-1:123456789012:t | false",
			"ArnLike                   | \"arn:aws:sns:*:1234567890*\" | arn:aws:sns:eu-west-1:123456789012:t | false",
			"ArnLike                   | \"arn:aws:sns:*:1234567890*:*\" | arn:aws:sns:eu-west-1:123456789012:t | true",
			"ArnLike                   | \"arn:aws:iam::*:role/*\" | not-an-arn | false",
			"ArnNotEquals              | \"arn:aws:sns:us-east-1:123456789012:topic\" | arn:aws:sns:us-east-1:123456789012:other | true",
			"ArnNotLike                | \"arn:aws:sns:*:123456789012:*\" | arn:aws:sns:eu-west-1:123456789012:t | false",
	})
	void conditionWhenKeyPresentThenOperatorCompares(String operator, String policyValues, String contextValue,
			boolean expected) {
		assertThat(holds(operator, policyValues, contextValue)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} with the key missing -> {1}")
	@CsvSource(delimiter = '|', value = {
			"StringEquals                      | false",
			"StringNotEquals                   | true",
			"StringEqualsIgnoreCase            | false",
			"StringNotEqualsIgnoreCase         | true",
			"StringLike                        | false",
			"StringNotLike                     | true",
			"ArnLike                           | false",
			"ArnNotLike                        | true",
			"ArnEquals                         | false",
			"ArnNotEquals                      | true",
			"StringEqualsIfExists              | true",
			"StringNotEqualsIfExists           | true",
			"ArnLikeIfExists                   | true",
			"ForAnyValue:StringEquals          | false",
			"ForAnyValue:StringNotEquals       | false",
			"ForAllValues:StringEquals         | true",
			"ForAllValues:StringNotLike        | true",
			"ForAnyValue:StringEqualsIfExists  | true",
	})
	void conditionWhenStringKeyMissingThenAwsMissingKeyRulesApply(String operator, boolean expected) {
		assertThat(holds(operator, "k", "\"arn:aws:s3:::x\"", request())).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} with the key missing -> {2}")
	@CsvSource(delimiter = '|', value = {
			"NumericLessThan          | \"10\"             | false",
			"NumericNotEquals         | \"10\"             | true",
			"NumericLessThanIfExists  | \"10\"             | true",
			"DateLessThan             | \"2020-01-01\"     | false",
			"DateNotEquals            | \"2020-01-01\"     | true",
			"DateGreaterThanIfExists  | \"2020-01-01\"     | true",
			"Bool                     | \"true\"           | false",
			"BoolIfExists             | \"true\"           | true",
			"IpAddress                | \"10.0.0.0/8\"     | false",
			"NotIpAddress             | \"10.0.0.0/8\"     | true",
			"IpAddressIfExists        | \"10.0.0.0/8\"     | true",
			"BinaryEquals             | \"QQ==\"           | false",
			"BinaryEqualsIfExists     | \"QQ==\"           | true",
	})
	void conditionWhenTypedKeyMissingThenAwsMissingKeyRulesApply(String operator, String value, boolean expected) {
		assertThat(holds(operator, "k", value, request())).isEqualTo(expected);
	}

	@Test
	void conditionWhenIfExistsAndKeyPresentThenOperatorStillCompares() {
		assertThat(holds("StringEqualsIfExists", "\"a\"", "b")).isFalse();
		assertThat(holds("StringEqualsIfExists", "\"a\"", "a")).isTrue();
		assertThat(holds("NumericLessThanIfExists", "\"10\"", "11")).isFalse();
	}

	@Test
	void conditionWhenNullTrueThenKeyMustBeAbsent() {
		// "Condition operator to check existence of condition keys": Null true = the key is absent.
		assertThat(holds("Null", "aws:TokenIssueTime", "\"true\"", request())).isTrue();
		assertThat(holds("Null", "aws:TokenIssueTime", "\"true\"",
				request().key("aws:TokenIssueTime", "2011-05-03T00:00:00Z"))).isFalse();
		assertThat(holds("Null", "aws:TokenIssueTime", "false", request())).isFalse();
		assertThat(holds("Null", "aws:TokenIssueTime", "\"false\"",
				request().key("aws:TokenIssueTime", "2011-05-03T00:00:00Z"))).isTrue();
	}

	@Test
	void conditionWhenForAllValuesThenEveryContextValueMustMatchSomePolicyValue() {
		// "Set operators for multivalued context keys", aws:TagKeys examples.
		String allowed = "[\"environment\", \"cost-center\"]";
		assertThat(holds("ForAllValues:StringEquals", allowed, "environment")).isTrue();
		assertThat(holds("ForAllValues:StringEquals", allowed, "environment", "cost-center")).isTrue();
		assertThat(holds("ForAllValues:StringEquals", allowed, "environment", "owner")).isFalse();
		assertThat(holds("ForAllValues:StringLike", "\"key1*\"", "key1:a", "key1:b")).isTrue();
	}

	@Test
	void conditionWhenForAnyValueThenOneContextValueMustMatch() {
		String wanted = "[\"environment\", \"cost-center\"]";
		assertThat(holds("ForAnyValue:StringEquals", wanted, "owner", "cost-center")).isTrue();
		assertThat(holds("ForAnyValue:StringEquals", wanted, "owner", "project")).isFalse();
	}

	@Test
	void conditionWhenForAllValuesStringNotLikeThenNoContextValueMayMatch() {
		// The documented Deny example: "ForAllValues:StringNotLike": {"aws:TagKeys": "key1*"}.
		assertThat(holds("ForAllValues:StringNotLike", "\"key1*\"", "key1:legal")).isFalse();
		assertThat(holds("ForAllValues:StringNotLike", "\"key1*\"", "key1:hr", "key1:personnel")).isFalse();
		assertThat(holds("ForAllValues:StringNotLike", "\"key1*\"", "key2:audit")).isTrue();
		assertThat(holds("ForAllValues:StringNotLike", "k", "\"key1*\"", request())).isTrue();
	}

	@Test
	void conditionWhenForAnyValueNegatedThenOneContextValueOutsideThePolicyValuesSuffices() {
		assertThat(holds("ForAnyValue:StringNotEquals", "[\"a\", \"b\"]", "a", "c")).isTrue();
		assertThat(holds("ForAnyValue:StringNotEquals", "[\"a\", \"b\"]", "a", "b")).isFalse();
	}

	@Test
	void conditionWhenMultivaluedKeyWithoutQualifierThenPositiveIsAnyAndNegatedIsItsComplement() {
		assertThat(holds("StringEquals", "\"a\"", "x", "a")).isTrue();
		assertThat(holds("StringNotEquals", "\"a\"", "x", "a")).isFalse();
		assertThat(holds("StringNotEquals", "\"a\"", "x", "y")).isTrue();
	}

	@Test
	void conditionWhenSeveralKeysAndOperatorsThenAllMustHold() {
		Policy policy = Policy.parse("""
				{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {
				  "StringEquals": {"aws:PrincipalTag/team": "blue", "aws:RequestedRegion": ["eu-west-1", "eu-central-1"]},
				  "Bool": {"aws:SecureTransport": "true"}}}}""");
		RequestContext.Builder request = request().key("aws:PrincipalTag/team", "blue")
			.key("aws:RequestedRegion", "eu-central-1")
			.key("aws:SecureTransport", "true");

		assertThat(policy.evaluate(request.build()).isAllowed()).isTrue();
		assertThat(policy.evaluate(request.key("aws:SecureTransport", "false").build()).isAllowed()).isFalse();
		assertThat(policy.evaluate(request.key("aws:SecureTransport", "true").key("aws:RequestedRegion", "us-east-1")
			.build()).isAllowed()).isFalse();
	}

	@Test
	void conditionWhenKeyDiffersInCaseThenItIsTheSameKey() {
		assertThat(holds("StringEquals", "AWS:PrincipalTag/Team", "\"blue\"",
				request().key("aws:principaltag/team", "blue"))).isTrue();
	}

	@Test
	void conditionWhenCurrentTimeWindowThenDatesCompareAsInstants() {
		// IAM User Guide example: allow only within a time window using aws:CurrentTime.
		Policy policy = Policy.parse("""
				{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {
				  "DateGreaterThan": {"aws:CurrentTime": "2020-04-01T00:00:00Z"},
				  "DateLessThan": {"aws:CurrentTime": "2020-06-30T23:59:59Z"}}}}""");

		assertThat(policy.evaluate(request().currentTime(Instant.parse("2020-05-05T12:00:00Z")).build()).isAllowed())
			.isTrue();
		assertThat(policy.evaluate(request().currentTime(Instant.parse("2020-07-01T00:00:00Z")).build()).isAllowed())
			.isFalse();
	}

	@Test
	void conditionWhenEpochTimeThenNumericAndDateOperatorsAgree() {
		RequestContext.Builder request = request().currentTime(Instant.ofEpochSecond(1_600_000_000L));

		assertThat(holds("DateLessThan", "aws:EpochTime", "\"1700000000\"", request)).isTrue();
		assertThat(holds("NumericLessThan", "aws:EpochTime", "1700000000", request)).isTrue();
	}

	@Test
	void conditionWhenPrincipalTagVariableThenValueComesFromTheRequest() {
		// "Tags as policy variables": resource tag must equal the caller's tag.
		String value = "\"${aws:PrincipalTag/project}\"";
		assertThat(holds("StringEquals", "aws:ResourceTag/project", value,
				request().key("aws:PrincipalTag/project", "apollo").key("aws:ResourceTag/project", "apollo"))).isTrue();
		assertThat(holds("StringEquals", "aws:ResourceTag/project", value,
				request().key("aws:PrincipalTag/project", "apollo").key("aws:ResourceTag/project", "gemini"))).isFalse();
	}

	@Test
	void conditionWhenVariableHasNoValueThenThatValueMatchesNothing() {
		String value = "\"${aws:PrincipalTag/project}\"";
		assertThat(holds("StringEquals", "aws:ResourceTag/project", value,
				request().key("aws:ResourceTag/project", "${aws:PrincipalTag/project}"))).isFalse();
		assertThat(holds("StringLike", "aws:ResourceTag/project", "[\"${aws:PrincipalTag/project}\", \"x\"]",
				request().key("aws:ResourceTag/project", "x"))).isTrue();
		assertThat(holds("StringNotEquals", "aws:ResourceTag/project", value,
				request().key("aws:ResourceTag/project", "anything"))).isTrue();
	}

	@Test
	void conditionWhenBoolValueIsVariableThenItIsResolved() {
		assertThat(holds("Bool", "aws:SecureTransport", "\"${app:secure}\"",
				request().key("app:secure", "true").key("aws:SecureTransport", "true"))).isTrue();
	}

}
