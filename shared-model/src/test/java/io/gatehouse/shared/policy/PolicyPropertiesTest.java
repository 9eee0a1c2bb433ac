package io.gatehouse.shared.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyPropertiesTest {

	private static final List<String> ACTIONS = List.of("s3:GetObject", "s3:PutObject", "s3:Get*", "s3:*", "*",
			"iam:*", "S3:getobject", "s3:?etObject");

	private static final List<String> RESOURCES = List.of("*", "arn:aws:s3:::b/*", "arn:aws:s3:::b/k",
			"arn:aws:s3:::other/*", "arn:aws:s3:::b/${aws:username}/*", "arn:aws:s3:::?/k");

	private static final List<String> FRAGMENTS = List.of("{", "}", "[", "]", ",", ":", "\"", "\"Statement\"",
			"\"Effect\"", "\"Allow\"", "\"Deny\"", "\"Action\"", "\"NotAction\"", "\"s3:*\"", "\"Resource\"",
			"\"NotResource\"", "\"*\"", "\"arn:aws:s3:::b/*\"", "\"Condition\"", "\"StringLike\"",
			"\"ForAllValues:StringEquals\"", "\"NullIfExists\"", "\"k\"", "\"${aws:username}\"", "\"${\"", "\"${a, '\"",
			"1e999999999", "-0.5", "null", "true", "\"Version\"", "\"2012-10-17\"", "\"2008-10-17\"", "\"Principal\"",
			"\"NotPrincipal\"", "\"AWS\"", "\"Federated\"", "\"NumericLessThan\"", "\"DateLessThan\"", "\"IpAddress\"",
			"\"10.0.0.0/8\"", "\"::/0\"", "\"Sid\"", "\"Id\"", " ", "\n", "\\u0000", "\"\\ud800\"");

	@Property(tries = 2000)
	void parseWhenAnyTokenSoupThenOnlyMalformedPolicyExceptionEscapes(@ForAll("tokenSoup") String json) {
		for (PolicyType type : PolicyType.values()) {
			assertParsesOrIsMalformed(json, type);
		}
	}

	@Property(tries = 1000)
	void parseWhenAnyStringThenOnlyMalformedPolicyExceptionEscapes(@ForAll @StringLength(max = 300) String json) {
		assertParsesOrIsMalformed(json, PolicyType.IDENTITY);
	}

	@Property(tries = 1000)
	void parseWhenValidDocumentIsMutatedThenOnlyMalformedPolicyExceptionEscapes(
			@ForAll("statementLists") List<StatementSpec> statements, @ForAll @IntRange(min = 0, max = 10_000) int at,
			@ForAll("fragment") String insert, @ForAll @IntRange(min = 0, max = 5) int delete) {
		String json = document(statements, "");
		int position = at % (json.length() + 1);
		String mutated = json.substring(0, position) + insert
				+ json.substring(Math.min(json.length(), position + delete));
		for (PolicyType type : PolicyType.values()) {
			assertParsesOrIsMalformed(mutated, type);
		}
	}

	@Property(tries = 500)
	void evaluateWhenStatementsAreReorderedThenOutcomeIsTheSame(
			@ForAll("statementLists") List<StatementSpec> statements, @ForAll("requests") RequestContext request,
			@ForAll long seed) {
		List<StatementSpec> shuffled = new ArrayList<>(statements);
		Collections.shuffle(shuffled, new Random(seed));

		Decision original = Policy.parse(document(statements, "")).evaluate(request);
		Decision reordered = Policy.parse(document(shuffled, "")).evaluate(request);

		assertThat(reordered.outcome()).isEqualTo(original.outcome());
	}

	@Property(tries = 500)
	void evaluateWhenAnyDenyStatementAppliesThenDenyWins(@ForAll("statementLists") List<StatementSpec> statements,
			@ForAll("requests") RequestContext request) {
		Policy policy = Policy.parse(document(statements, ""));
		boolean anyDenyApplies = false;
		boolean anyAllowApplies = false;
		for (StatementSpec spec : statements) {
			Policy single = Policy.parse(document(List.of(spec.withEffect("Allow")), ""));
			boolean applies = single.evaluate(request).isAllowed();
			anyDenyApplies |= applies && spec.effect().equals("Deny");
			anyAllowApplies |= applies && spec.effect().equals("Allow");
		}

		Decision.Outcome expected = anyDenyApplies ? Decision.Outcome.EXPLICIT_DENY
				: anyAllowApplies ? Decision.Outcome.ALLOW : Decision.Outcome.IMPLICIT_DENY;
		assertThat(policy.evaluate(request).outcome()).isEqualTo(expected);
	}

	@Property(tries = 500)
	void evaluateWhenAllowIsAddedThenExplicitDenyStays(@ForAll("statementLists") List<StatementSpec> statements,
			@ForAll("statementLists") List<StatementSpec> extra, @ForAll("requests") RequestContext request) {
		Policy policy = Policy.parse(document(statements, ""));
		List<StatementSpec> allows = new ArrayList<>();
		for (StatementSpec spec : extra) {
			allows.add(spec.withEffect("Allow"));
		}
		Policy added = Policy.parse(document(allows, ""));

		Decision before = PolicyEvaluator.evaluate(request, policy);
		Decision after = PolicyEvaluator.evaluate(request, added, policy);

		if (before.outcome() == Decision.Outcome.EXPLICIT_DENY) {
			assertThat(after.outcome()).isEqualTo(Decision.Outcome.EXPLICIT_DENY);
		}
		if (before.outcome() == Decision.Outcome.ALLOW) {
			assertThat(after.outcome()).isEqualTo(Decision.Outcome.ALLOW);
		}
	}

	@Property(tries = 1000)
	void conditionWhenKeyPresentThenNegatedOperatorIsComplement(@ForAll @StringLength(max = 8) String policyValue,
			@ForAll @StringLength(max = 8) String contextValue) {
		String json = "\"" + policyValue.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
		if (policyValue.chars().anyMatch(Character::isISOControl)) {
			return;
		}
		for (String[] pair : new String[][] { { "StringEquals", "StringNotEquals" },
				{ "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase" }, { "StringLike", "StringNotLike" } }) {
			boolean positive = ConditionOperatorsTest.holds(pair[0], json, contextValue);
			boolean negated = ConditionOperatorsTest.holds(pair[1], json, contextValue);
			assertThat(negated).as(pair[1]).isEqualTo(!positive);
		}
	}

	@Property(tries = 1000)
	void wildcardsWhenPatternIsDerivedFromInputThenItMatches(@ForAll @StringLength(max = 30) String input,
			@ForAll long seed) {
		Random random = new Random(seed);
		StringBuilder pattern = new StringBuilder();
		int i = 0;
		while (i < input.length()) {
			int choice = random.nextInt(4);
			if (choice == 0) {
				pattern.append('?');
				i++;
			}
			else if (choice == 1) {
				pattern.append('*');
				i += random.nextInt(input.length() - i + 1);
			}
			else {
				pattern.append(input.charAt(i++));
			}
		}
		assertThat(Wildcards.matches(pattern.toString(), input, false)).isTrue();
	}

	private static void assertParsesOrIsMalformed(String json, PolicyType type) {
		try {
			Policy policy = Policy.parse(json, type);
			assertThat(policy.statements()).isNotEmpty();
		}
		catch (MalformedPolicyException ex) {
			assertThat(ex.getMessage()).isNotBlank();
		}
	}

	@Provide
	Arbitrary<String> tokenSoup() {
		return Arbitraries.of(FRAGMENTS).list().ofMaxSize(60).map((parts) -> String.join("", parts));
	}

	@Provide
	Arbitrary<String> fragment() {
		return Arbitraries.of(FRAGMENTS);
	}

	@Provide
	Arbitrary<List<StatementSpec>> statementLists() {
		Arbitrary<StatementSpec> statement = Combinators.combine(Arbitraries.of("Allow", "Deny"),
				Arbitraries.of(ACTIONS).list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(true, false),
				Arbitraries.of(RESOURCES).list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(true, false),
				Arbitraries.of("", "\"Condition\": {\"StringEquals\": {\"aws:username\": \"alice\"}}",
						"\"Condition\": {\"StringNotEqualsIfExists\": {\"aws:username\": \"alice\"}}",
						"\"Condition\": {\"ForAnyValue:StringLike\": {\"aws:TagKeys\": \"a*\"}}",
						"\"Condition\": {\"Null\": {\"aws:username\": \"true\"}}"))
			.as(StatementSpec::new);
		return statement.list().ofMinSize(1).ofMaxSize(6);
	}

	@Provide
	Arbitrary<RequestContext> requests() {
		return Combinators
			.combine(Arbitraries.of("s3:GetObject", "s3:PutObject", "iam:CreateUser", "ec2:RunInstances"),
					Arbitraries.of("arn:aws:s3:::b/k", "arn:aws:s3:::b/alice/k", "arn:aws:s3:::other/x",
							"arn:aws:s3:::x/k"),
					Arbitraries.of("", "alice", "bob"), Arbitraries.of("", "a1", "b1"))
			.as((action, resource, username, tag) -> {
				RequestContext.Builder builder = RequestContext.builder(action).resource(resource);
				if (!username.isEmpty()) {
					builder.key("aws:username", username);
				}
				if (!tag.isEmpty()) {
					builder.key("aws:TagKeys", tag, "z");
				}
				return builder.build();
			});
	}

	static String document(List<StatementSpec> statements, String extra) {
		StringBuilder json = new StringBuilder("{\"Version\": \"2012-10-17\"" + extra + ", \"Statement\": [");
		for (int i = 0; i < statements.size(); i++) {
			json.append((i > 0) ? "," : "").append(statements.get(i).json());
		}
		return json.append("]}").toString();
	}

	record StatementSpec(String effect, List<String> actions, boolean notAction, List<String> resources,
			boolean notResource, String condition) {

		StatementSpec withEffect(String newEffect) {
			return new StatementSpec(newEffect, this.actions, this.notAction, this.resources, this.notResource,
					this.condition);
		}

		String json() {
			return "{\"Effect\": \"" + this.effect + "\", \"" + (this.notAction ? "NotAction" : "Action") + "\": "
					+ list(this.actions) + ", \"" + (this.notResource ? "NotResource" : "Resource") + "\": "
					+ list(this.resources) + (this.condition.isEmpty() ? "" : ", " + this.condition) + "}";
		}

		private static String list(List<String> values) {
			return "[\"" + String.join("\", \"", values) + "\"]";
		}

	}

}
