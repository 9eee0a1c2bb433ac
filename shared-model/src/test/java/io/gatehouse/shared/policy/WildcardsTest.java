package io.gatehouse.shared.policy;

import java.util.BitSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class WildcardsTest {

	@ParameterizedTest(name = "{0} ~ {1} -> {2}")
	@CsvSource(delimiter = '|', value = {
			"*                       | ''                              | true",
			"*                       | anything:at/all                 | true",
			"''                      | ''                              | true",
			"''                      | a                               | false",
			"?                       | ''                              | false",
			"?                       | a                               | true",
			"a?c                     | abc                             | true",
			"a?c                     | ac                              | false",
			"a*c                     | ac                              | true",
			"a*c                     | abbbc                           | true",
			"a*c                     | abbbcd                          | false",
			"*c                      | cccc                            | true",
			"a**b                    | ab                              | true",
			"*a*b*                   | xxaxxbxx                        | true",
			"*a*b*                   | xxbxxaxx                        | false",
			"arn:aws:s3:::bucket/*   | arn:aws:s3:::bucket/a/b/c       | true",
			"arn:aws:s3:::bucket/*   | arn:aws:s3:::bucket             | false",
			"arn:aws:s3:::bucket*    | arn:aws:s3:::bucket-other/x     | true",
			"arn:aws:*               | arn:aws:iam::123:role/x         | true",
			"arn:aws:s3:::b/?/x      | arn:aws:s3:::b/ab/x             | false",
	})
	void matchesWhenCaseSensitiveThenGlobRulesApply(String pattern, String input, boolean expected) {
		assertThat(Wildcards.matches(pattern, input, false)).isEqualTo(expected);
	}

	@Test
	void matchesWhenIgnoringCaseThenActionsCompareCaseInsensitively() {
		assertThat(Wildcards.matches("s3:Get*", "S3:GETOBJECT", true)).isTrue();
		assertThat(Wildcards.matches("s3:Get*", "S3:GETOBJECT", false)).isFalse();
		assertThat(Wildcards.matches("iam:*AccessKey*", "iam:CreateAccessKey", true)).isTrue();
		assertThat(Wildcards.matches("iam:*AccessKey*", "iam:ListUsers", true)).isFalse();
	}

	@Test
	void matchesWhenPositionIsLiteralThenStarAndQuestionMarkMatchOnlyThemselves() {
		BitSet literal = new BitSet();
		literal.set(2);
		assertThat(Wildcards.matches("a/*", literal, "a/*", false)).isTrue();
		assertThat(Wildcards.matches("a/*", literal, "a/b", false)).isFalse();
	}

	@Test
	void matchesWhenPathologicalPatternThenStillFast() {
		String pattern = "*a".repeat(200) + "b";
		String input = "a".repeat(20_000);
		assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
				() -> assertThat(Wildcards.matches(pattern, input, false)).isFalse());
	}

	@Test
	void matchesArnWhenWildcardInComponentThenItStaysInThatComponent() {
		assertThat(Wildcards.matchesArn("arn:aws:iam::*:role/admin", null, "arn:aws:iam::123456789012:role/admin"))
			.isTrue();
		assertThat(Wildcards.matchesArn("arn:aws:iam::*", null, "arn:aws:iam::123456789012:role/admin")).isFalse();
		assertThat(Wildcards.matchesArn("arn:aws:iam::*:*", null, "arn:aws:iam::123456789012:role/a:b")).isTrue();
		assertThat(Wildcards.matchesArn("*", null, "arn:aws:iam::123456789012:role/admin")).isTrue();
	}

}
