package io.gatehouse.shared.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import io.gatehouse.shared.property.Generator;
import io.gatehouse.shared.property.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyPropertiesTest {

	private static final List<String> ACTIONS = List.of("s3:GetObject", "s3:PutObject", "s3:Get*", "s3:*", "*",
			"iam:*", "S3:getobject", "s3:?etObject");

	private static final List<String> RESOURCES = List.of("*", "arn:aws:s3:::b/*", "arn:aws:s3:::b/k",
			"arn:aws:s3:::other/*", "arn:aws:s3:::b/${aws:username}/*", "arn:aws:s3:::?/k");

	private static final List<String> CONDITIONS = List.of("",
			"\"Condition\": {\"StringEquals\": {\"aws:username\": \"alice\"}}",
			"\"Condition\": {\"StringNotEqualsIfExists\": {\"aws:username\": \"alice\"}}",
			"\"Condition\": {\"ForAnyValue:StringLike\": {\"aws:TagKeys\": \"a*\"}}",
			"\"Condition\": {\"Null\": {\"aws:username\": \"true\"}}");

	private static final List<String> REQUEST_ACTIONS = List.of("s3:GetObject", "s3:PutObject", "iam:CreateUser",
			"ec2:RunInstances");

	private static final List<String> REQUEST_RESOURCES = List.of("arn:aws:s3:::b/k", "arn:aws:s3:::b/alice/k",
			"arn:aws:s3:::other/x", "arn:aws:s3:::x/k");

	private static final List<String> USERNAMES = List.of("", "alice", "bob");

	private static final List<String> TAGS = List.of("", "a1", "b1");

	private static final List<String> FRAGMENTS = List.of("{", "}", "[", "]", ",", ":", "\"", "\"Statement\"",
			"\"Effect\"", "\"Allow\"", "\"Deny\"", "\"Action\"", "\"NotAction\"", "\"s3:*\"", "\"Resource\"",
			"\"NotResource\"", "\"*\"", "\"arn:aws:s3:::b/*\"", "\"Condition\"", "\"StringLike\"",
			"\"ForAllValues:StringEquals\"", "\"NullIfExists\"", "\"k\"", "\"${aws:username}\"", "\"${\"", "\"${a, '\"",
			"1e999999999", "-0.5", "null", "true", "\"Version\"", "\"2012-10-17\"", "\"2008-10-17\"", "\"Principal\"",
			"\"NotPrincipal\"", "\"AWS\"", "\"Federated\"", "\"NumericLessThan\"", "\"DateLessThan\"", "\"IpAddress\"",
			"\"10.0.0.0/8\"", "\"::/0\"", "\"Sid\"", "\"Id\"", " ", "\n", "\\u0000", "\"\\ud800\"");

	private static final Generator<String> FRAGMENT = Generator.of(FRAGMENTS);

	private static final Generator<String> TOKEN_SOUP = FRAGMENT.list(0, 60).map((parts) -> String.join("", parts));

	private static final Generator<StatementSpec> STATEMENT = statement();

	private static final Generator<List<StatementSpec>> STATEMENT_LISTS = STATEMENT.list(1, 6);

	private static final Generator<RequestSpec> REQUESTS = request();

	/** A document assembled from the fragments, so that the soup also reaches the parser's success path. */
	private static final String VALID_SOUP = String.join("", "{", "\"Version\"", ":", "\"2012-10-17\"", ",",
			"\"Statement\"", ":", "[", "{", "\"Effect\"", ":", "\"Allow\"", ",", "\"Action\"", ":", "\"s3:*\"", ",",
			"\"Resource\"", ":", "\"*\"", "}", "]", "}");

	@Test
	void parseWhenAnyTokenSoupThenOnlyMalformedPolicyExceptionEscapes() {
		List<String> examples = new ArrayList<>(List.of("", VALID_SOUP, String.join("", FRAGMENTS)));
		examples.addAll(FRAGMENTS);
		Property.forAll(TOKEN_SOUP).examples(examples).tries(2000).check((json) -> {
			for (PolicyType type : PolicyType.values()) {
				assertParsesOrIsMalformed(json, type);
			}
		});
	}

	@Test
	void parseWhenAnyStringThenOnlyMalformedPolicyExceptionEscapes() {
		Property.forAll(Generator.strings(Generator.anyChar(), 0, 300))
			.examples("", " ", "\u0000", "null", "true", "0", "\"\"", "{}", "[]", "{\"Statement\": []}",
					"{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\","
							+ " \"Resource\": \"*\"}}",
					"\ud800", "\uffff", "\u00e9\u4e2d\ud83d\ude00", "{".repeat(300), "[".repeat(300), "x".repeat(300))
			.tries(1000)
			.check((json) -> assertParsesOrIsMalformed(json, PolicyType.IDENTITY));
	}

	record Mutation(List<StatementSpec> statements, int at, String insert, int delete) {

		String apply() {
			String json = document(this.statements, "");
			int position = this.at % (json.length() + 1);
			return json.substring(0, position) + this.insert
					+ json.substring(Math.min(json.length(), position + this.delete));
		}

	}

	@Test
	void parseWhenValidDocumentIsMutatedThenOnlyMalformedPolicyExceptionEscapes() {
		// Every fragment inserted at the start, just inside, just before the end and at the end of the
		// largest edge document, with and without deleting what follows.
		List<List<StatementSpec>> edges = edgeStatementLists();
		List<StatementSpec> statements = edges.get(edges.size() - 1);
		int length = document(statements, "").length();
		List<Mutation> examples = new ArrayList<>();
		for (int at : new int[] { 0, 1, length - 1, length, 10_000 }) {
			for (String insert : FRAGMENTS) {
				examples.add(new Mutation(statements, at, insert, 0));
				examples.add(new Mutation(statements, at, insert, 5));
			}
		}
		Generator<Mutation> mutations = (random) -> new Mutation(STATEMENT_LISTS.next(random),
				Generator.ints(0, 10_000).next(random), FRAGMENT.next(random), Generator.ints(0, 5).next(random));
		Property.forAll(mutations).examples(examples).tries(1000).check((mutation) -> {
			String mutated = mutation.apply();
			for (PolicyType type : PolicyType.values()) {
				assertParsesOrIsMalformed(mutated, type);
			}
		});
	}

	record Reordering(List<StatementSpec> statements, List<StatementSpec> shuffled, RequestSpec request) {
	}

	@Test
	void evaluateWhenStatementsAreReorderedThenOutcomeIsTheSame() {
		List<Reordering> examples = new ArrayList<>();
		for (Evaluation edge : edgeEvaluations()) {
			List<StatementSpec> reversed = new ArrayList<>(edge.statements());
			Collections.reverse(reversed);
			examples.add(new Reordering(edge.statements(), reversed, edge.request()));
		}
		Generator<Reordering> reorderings = (random) -> {
			List<StatementSpec> statements = STATEMENT_LISTS.next(random);
			List<StatementSpec> shuffled = new ArrayList<>(statements);
			Collections.shuffle(shuffled, random);
			return new Reordering(statements, shuffled, REQUESTS.next(random));
		};
		Property.forAll(reorderings).examples(examples).tries(500).check((reordering) -> {
			RequestContext request = reordering.request().context();

			Decision original = Policy.parse(document(reordering.statements(), "")).evaluate(request);
			Decision reordered = Policy.parse(document(reordering.shuffled(), "")).evaluate(request);

			assertThat(reordered.outcome()).isEqualTo(original.outcome());
		});
	}

	record Evaluation(List<StatementSpec> statements, RequestSpec request) {
	}

	@Test
	void evaluateWhenAnyDenyStatementAppliesThenDenyWins() {
		Generator<Evaluation> evaluations = (random) -> new Evaluation(STATEMENT_LISTS.next(random),
				REQUESTS.next(random));
		Property.forAll(evaluations).examples(edgeEvaluations()).tries(500).check((evaluation) -> {
			RequestContext request = evaluation.request().context();
			Policy policy = Policy.parse(document(evaluation.statements(), ""));
			boolean anyDenyApplies = false;
			boolean anyAllowApplies = false;
			for (StatementSpec spec : evaluation.statements()) {
				Policy single = Policy.parse(document(List.of(spec.withEffect("Allow")), ""));
				boolean applies = single.evaluate(request).isAllowed();
				anyDenyApplies |= applies && spec.effect().equals("Deny");
				anyAllowApplies |= applies && spec.effect().equals("Allow");
			}

			Decision.Outcome expected = anyDenyApplies ? Decision.Outcome.EXPLICIT_DENY
					: anyAllowApplies ? Decision.Outcome.ALLOW : Decision.Outcome.IMPLICIT_DENY;
			assertThat(policy.evaluate(request).outcome()).isEqualTo(expected);
		});
	}

	record Addition(List<StatementSpec> statements, List<StatementSpec> extra, RequestSpec request) {
	}

	@Test
	void evaluateWhenAllowIsAddedThenExplicitDenyStays() {
		List<Addition> examples = new ArrayList<>();
		for (Evaluation edge : edgeEvaluations()) {
			examples.add(new Addition(edge.statements(), edge.statements(), edge.request()));
		}
		Generator<Addition> additions = (random) -> new Addition(STATEMENT_LISTS.next(random),
				STATEMENT_LISTS.next(random), REQUESTS.next(random));
		Property.forAll(additions).examples(examples).tries(500).check((addition) -> {
			RequestContext request = addition.request().context();
			Policy policy = Policy.parse(document(addition.statements(), ""));
			List<StatementSpec> allows = new ArrayList<>();
			for (StatementSpec spec : addition.extra()) {
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
		});
	}

	record ConditionValues(String policyValue, String contextValue) {
	}

	@Test
	void conditionWhenKeyPresentThenNegatedOperatorIsComplement() {
		Generator<String> strings = Generator.strings(Generator.textChar(), 0, 8);
		Property.forAll((random) -> new ConditionValues(strings.next(random), strings.next(random)))
			.examples(new ConditionValues("", ""), new ConditionValues("", "a"), new ConditionValues("a", ""),
					new ConditionValues("abc", "abc"), new ConditionValues("ABC", "abc"), new ConditionValues("*", ""),
					new ConditionValues("?", ""), new ConditionValues("?", "x"), new ConditionValues("a*", "abc"),
					new ConditionValues("a?c", "abc"), new ConditionValues("\\", "\\"), new ConditionValues("\"", "\""),
					new ConditionValues("${*}", "*"), new ConditionValues("${?}", "x"),
					new ConditionValues("${aws:username}", ""), new ConditionValues("$", "$"),
					new ConditionValues("\u00df", "SS"), new ConditionValues("\u0130", "i"),
					new ConditionValues("\u01c5", "\u01c6"), new ConditionValues("\u00e9", "\u00c9"),
					new ConditionValues("\u0000", "\u0000"), new ConditionValues("\t", "\t"),
					new ConditionValues("x", "\u0000"), new ConditionValues("\uffff", "\ufffd"),
					new ConditionValues("abcdefgh", "abcdefgh"))
			.tries(1000)
			.check((values) -> {
				String policyValue = values.policyValue();
				String json = "\"" + policyValue.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
				if (policyValue.chars().anyMatch(Character::isISOControl)) {
					return;
				}
				for (String[] pair : new String[][] { { "StringEquals", "StringNotEquals" },
						{ "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase" },
						{ "StringLike", "StringNotLike" } }) {
					boolean positive = ConditionOperatorsTest.holds(pair[0], json, values.contextValue());
					boolean negated = ConditionOperatorsTest.holds(pair[1], json, values.contextValue());
					assertThat(negated).as(pair[1]).isEqualTo(!positive);
				}
			});
	}

	record Match(String input, String pattern) {
	}

	@Test
	void wildcardsWhenPatternIsDerivedFromInputThenItMatches() {
		Generator<String> inputs = Generator.strings(Generator.textChar(), 0, 30);
		Property.forAll((random) -> {
			String input = inputs.next(random);
			return new Match(input, derivePattern(input, random));
		})
			.examples(new Match("", ""), new Match("", "*"), new Match("a", "?"), new Match("a", "a"),
					new Match("a", "*"), new Match("abc", "*"), new Match("abc", "a*"), new Match("abc", "*c"),
					new Match("abc", "???"), new Match("abc", "?*"), new Match("*", "*"), new Match("?", "?"),
					new Match("a*b?c", "a*b?c"), new Match("\u00e9\u4e2d", "??"), new Match("\u0000", "\u0000"),
					new Match("x".repeat(30), "x".repeat(30)), new Match("x".repeat(30), "?".repeat(30)))
			.tries(1000)
			.check((match) -> assertThat(Wildcards.matches(match.pattern(), match.input(), false)).isTrue());
	}

	/**
	 * A pattern that must match {@code input}: each character kept, or replaced by {@code ?}, or a run of
	 * characters (maybe none) replaced by {@code *}.
	 */
	private static String derivePattern(String input, Random random) {
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
		return pattern.toString();
	}

	private static Generator<StatementSpec> statement() {
		Generator<String> effects = Generator.of("Allow", "Deny");
		Generator<List<String>> actions = Generator.of(ACTIONS).list(1, 3);
		Generator<List<String>> resources = Generator.of(RESOURCES).list(1, 3);
		Generator<String> conditions = Generator.of(CONDITIONS);
		return (random) -> new StatementSpec(effects.next(random), actions.next(random), random.nextBoolean(),
				resources.next(random), random.nextBoolean(), conditions.next(random));
	}

	private static Generator<RequestSpec> request() {
		Generator<String> actions = Generator.of(REQUEST_ACTIONS);
		Generator<String> resources = Generator.of(REQUEST_RESOURCES);
		Generator<String> usernames = Generator.of(USERNAMES);
		Generator<String> tags = Generator.of(TAGS);
		return (random) -> new RequestSpec(actions.next(random), resources.next(random), usernames.next(random),
				tags.next(random));
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

	/**
	 * Every combination of effect, {@code Action}/{@code NotAction}, {@code Resource}/{@code NotResource} and
	 * condition, cycling through every action and resource, as one-statement lists; then the same statements
	 * six at a time, the largest list.
	 */
	private static List<List<StatementSpec>> edgeStatementLists() {
		List<StatementSpec> statements = new ArrayList<>();
		for (String effect : List.of("Allow", "Deny")) {
			for (boolean notAction : new boolean[] { false, true }) {
				for (boolean notResource : new boolean[] { false, true }) {
					for (String condition : CONDITIONS) {
						int i = statements.size();
						statements.add(new StatementSpec(effect, List.of(ACTIONS.get(i % ACTIONS.size())), notAction,
								List.of(RESOURCES.get(i % RESOURCES.size())), notResource, condition));
					}
				}
			}
		}
		List<List<StatementSpec>> lists = new ArrayList<>();
		for (StatementSpec statement : statements) {
			lists.add(List.of(statement));
		}
		for (int from = 0; from + 6 <= statements.size(); from += 6) {
			lists.add(List.copyOf(statements.subList(from, from + 6)));
		}
		return lists;
	}

	/** Each edge statement list against one request per action, the other request values cycling. */
	private static List<Evaluation> edgeEvaluations() {
		List<Evaluation> evaluations = new ArrayList<>();
		List<List<StatementSpec>> lists = edgeStatementLists();
		for (int d = 0; d < lists.size(); d++) {
			for (int a = 0; a < REQUEST_ACTIONS.size(); a++) {
				RequestSpec request = new RequestSpec(REQUEST_ACTIONS.get(a),
						REQUEST_RESOURCES.get((d + a) % REQUEST_RESOURCES.size()), USERNAMES.get(d % USERNAMES.size()),
						TAGS.get((d + a) % TAGS.size()));
				evaluations.add(new Evaluation(lists.get(d), request));
			}
		}
		return evaluations;
	}

	static String document(List<StatementSpec> statements, String extra) {
		StringBuilder json = new StringBuilder("{\"Version\": \"2012-10-17\"" + extra + ", \"Statement\": [");
		for (int i = 0; i < statements.size(); i++) {
			json.append((i > 0) ? "," : "").append(statements.get(i).json());
		}
		return json.append("]}").toString();
	}

	/** A request; an empty username or tag means the key is absent. */
	record RequestSpec(String action, String resource, String username, String tag) {

		RequestContext context() {
			RequestContext.Builder builder = RequestContext.builder(this.action).resource(this.resource);
			if (!this.username.isEmpty()) {
				builder.key("aws:username", this.username);
			}
			if (!this.tag.isEmpty()) {
				builder.key("aws:TagKeys", this.tag, "z");
			}
			return builder.build();
		}

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
