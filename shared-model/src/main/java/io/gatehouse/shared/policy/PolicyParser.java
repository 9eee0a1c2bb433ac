package io.gatehouse.shared.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a JSON document into a {@link Policy}, enforcing the grammar of the IAM User Guide ("Grammar of
 * the IAM JSON policy language" and the element reference). Every failure is a
 * {@link MalformedPolicyException} with a message safe for the caller.
 */
final class PolicyParser {

	/**
	 * The grammar nests at most six deep (document, Statement list, statement, Condition, operator, value
	 * list); a little slack, and nothing deeper reaches the tree builder.
	 */
	private static final int MAX_NESTING = 8;

	/** Pretty-printing is free in IAM's count, but not unbounded here. */
	private static final int WHITESPACE_ALLOWANCE = 8;

	private static final int MAX_ECHOED_NAME = 64;

	private static final JsonMapper MAPPER = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.build())
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static final Set<String> DOCUMENT_ELEMENTS = Set.of("Version", "Id", "Statement");

	private static final Set<String> STATEMENT_ELEMENTS = Set.of("Sid", "Effect", "Principal", "NotPrincipal",
			"Action", "NotAction", "Resource", "NotResource", "Condition");

	private final PolicyType type;

	private boolean variables;

	private PolicyParser(PolicyType type) {
		this.type = type;
	}

	static Policy parse(String json, PolicyType type, int maxLength) {
		if (type == null) {
			throw new IllegalArgumentException("type must not be null");
		}
		if (maxLength <= 0) {
			throw new IllegalArgumentException("maxLength must be positive");
		}
		if (json == null || json.isBlank()) {
			throw malformed("The policy document is empty.");
		}
		checkLength(json, maxLength);
		JsonNode root;
		try {
			root = MAPPER.readTree(json);
		}
		catch (StreamConstraintsException ex) {
			throw malformed("The policy document is nested too deeply or has an oversized value.");
		}
		catch (JacksonException ex) {
			throw malformed("The policy document is not valid JSON" + where(ex.getLocation())
					+ "; check syntax and repeated element names.");
		}
		catch (RuntimeException ex) {
			// Jackson reports some number overflows (1e999999999...) as NumberFormatException.
			throw malformed("The policy document is not valid JSON or holds a number out of range.");
		}
		try {
			return new PolicyParser(type).document(root);
		}
		catch (MalformedPolicyException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// Defence in depth: nothing else may escape parse, whatever the input.
			throw malformed("The policy document is invalid.");
		}
	}

	private static void checkLength(String json, int maxLength) {
		long rawLimit = (long) maxLength * WHITESPACE_ALLOWANCE;
		if (json.length() > rawLimit) {
			throw malformed("The policy document exceeds the maximum length of " + maxLength + " characters.");
		}
		int counted = 0;
		for (int i = 0; i < json.length(); i++) {
			if (!Character.isWhitespace(json.charAt(i)) && ++counted > maxLength) {
				throw malformed(
						"The policy document exceeds the maximum length of " + maxLength + " characters.");
			}
		}
	}

	private static String where(TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 1) {
			return "";
		}
		return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
	}

	private Policy document(JsonNode root) {
		if (root == null || !root.isObject()) {
			throw malformed("The policy document must be a JSON object.");
		}
		checkElements(root, DOCUMENT_ELEMENTS, "the policy");
		PolicyVersion version = null;
		JsonNode versionNode = root.get("Version");
		if (versionNode != null) {
			String value = versionNode.isString() ? versionNode.stringValue() : null;
			for (PolicyVersion candidate : PolicyVersion.values()) {
				if (candidate.value().equals(value)) {
					version = candidate;
				}
			}
			if (version == null) {
				throw malformed("Version must be \"2012-10-17\" or \"2008-10-17\".");
			}
		}
		this.variables = version != null && version.supportsPolicyVariables();
		String id = null;
		JsonNode idNode = root.get("Id");
		if (idNode != null) {
			if (!idNode.isString()) {
				throw malformed("Id must be a string.");
			}
			id = idNode.stringValue();
		}
		JsonNode statementNode = root.get("Statement");
		if (statementNode == null) {
			throw malformed("The policy has no Statement.");
		}
		List<JsonNode> nodes = new ArrayList<>();
		if (statementNode.isArray()) {
			if (statementNode.isEmpty()) {
				throw malformed("Statement must not be an empty list.");
			}
			statementNode.values().forEach(nodes::add);
		}
		else if (statementNode.isObject()) {
			nodes.add(statementNode);
		}
		else {
			throw malformed("Statement must be an object or a list of objects.");
		}
		List<Statement> statements = new ArrayList<>(nodes.size());
		Set<String> sids = new HashSet<>();
		for (int i = 0; i < nodes.size(); i++) {
			statements.add(statement(nodes.get(i), "Statement[" + i + "]", sids));
		}
		return new Policy(this.type, version, id, statements);
	}

	private Statement statement(JsonNode node, String where, Set<String> sids) {
		if (!node.isObject()) {
			throw malformed(where + " must be an object.");
		}
		checkElements(node, STATEMENT_ELEMENTS, where);
		String sid = sid(node.get("Sid"), where, sids);
		Effect effect = effect(node.get("Effect"), where);
		PrincipalElement principal = principal(node, where);
		boolean notAction = exactlyOne(node, "Action", "NotAction", where);
		String actionElement = notAction ? "NotAction" : "Action";
		List<String> actions = strings(node.get(actionElement), where + "." + actionElement);
		for (String action : actions) {
			if (!validAction(action)) {
				throw malformed(where + "." + actionElement + " has an action that is not \"*\" or \"service:Action\".");
			}
		}
		boolean notResource = false;
		List<PolicyValue> resources = null;
		boolean hasResource = node.has("Resource") || node.has("NotResource");
		if (this.type == PolicyType.TRUST) {
			if (hasResource) {
				throw malformed(where + " has a Resource or NotResource element, which a trust policy must not have.");
			}
		}
		else {
			notResource = exactlyOne(node, "Resource", "NotResource", where);
			String resourceElement = notResource ? "NotResource" : "Resource";
			resources = new ArrayList<>();
			for (String resource : strings(node.get(resourceElement), where + "." + resourceElement)) {
				if (!validResource(resource)) {
					throw malformed(where + "." + resourceElement + " has a resource that is not \"*\" or an ARN.");
				}
				resources.add(PolicyValue.parse(resource, this.variables, where + "." + resourceElement));
			}
		}
		List<Condition> conditions = List.of();
		JsonNode conditionNode = node.get("Condition");
		if (conditionNode != null) {
			conditions = conditions(conditionNode, where + ".Condition");
		}
		return new Statement(sid, effect, principal, notAction, actions, notResource, resources, conditions);
	}

	private String sid(JsonNode node, String where, Set<String> sids) {
		if (node == null) {
			return null;
		}
		if (!node.isString()) {
			throw malformed(where + ".Sid must be a string.");
		}
		String sid = node.stringValue();
		if (this.type != PolicyType.RESOURCE_BASED) {
			// IAM: ASCII letters and digits only, unique within the policy (empty is what the console writes).
			for (int i = 0; i < sid.length(); i++) {
				char c = sid.charAt(i);
				if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
					throw malformed(where + ".Sid must contain only letters and digits.");
				}
			}
		}
		if (!sid.isEmpty() && !sids.add(sid)) {
			throw malformed(where + ".Sid repeats the Sid of an earlier statement.");
		}
		return sid;
	}

	private static Effect effect(JsonNode node, String where) {
		if (node == null) {
			throw malformed(where + " has no Effect.");
		}
		if (node.isString()) {
			for (Effect effect : Effect.values()) {
				if (effect.value().equals(node.stringValue())) {
					return effect;
				}
			}
		}
		throw malformed(where + ".Effect must be \"Allow\" or \"Deny\".");
	}

	private PrincipalElement principal(JsonNode statement, String where) {
		boolean hasPrincipal = statement.has("Principal");
		boolean hasNotPrincipal = statement.has("NotPrincipal");
		switch (this.type) {
			case IDENTITY:
				if (hasPrincipal || hasNotPrincipal) {
					throw malformed(where + " has a Principal or NotPrincipal element, which an identity-based policy must not have.");
				}
				return null;
			case TRUST:
				if (hasNotPrincipal) {
					throw malformed(where + " has a NotPrincipal element, which a trust policy must not have.");
				}
				if (!hasPrincipal) {
					throw malformed(where + " has no Principal.");
				}
				break;
			default:
				exactlyOne(statement, "Principal", "NotPrincipal", where);
		}
		String element = hasNotPrincipal ? "NotPrincipal" : "Principal";
		JsonNode node = statement.get(element);
		String at = where + "." + element;
		if (node.isString()) {
			if (!"*".equals(node.stringValue())) {
				throw malformed(at + " must be \"*\" or an object such as {\"AWS\": ...}.");
			}
			return new PrincipalElement(hasNotPrincipal, true, Map.of());
		}
		if (!node.isObject() || node.isEmpty()) {
			throw malformed(at + " must be \"*\" or a non-empty object such as {\"AWS\": ...}.");
		}
		Map<PrincipalType, List<String>> principals = new EnumMap<>(PrincipalType.class);
		boolean anyone = false;
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			Optional<PrincipalType> principalType = PrincipalType.fromValue(entry.getKey());
			if (principalType.isEmpty()) {
				throw malformed(at + " has an unknown principal type " + quote(entry.getKey())
						+ "; use AWS, Federated, Service or CanonicalUser.");
			}
			List<String> values = strings(entry.getValue(), at + "." + entry.getKey());
			for (String value : values) {
				if (value.isEmpty()) {
					throw malformed(at + "." + entry.getKey() + " has an empty principal.");
				}
				if (value.indexOf('*') >= 0 && !(value.equals("*") && principalType.get() == PrincipalType.AWS)) {
					throw malformed(at + "." + entry.getKey() + " has a wildcard, which principals do not support.");
				}
				if (value.equals("*")) {
					anyone = true;
				}
			}
			principals.put(principalType.get(), values);
		}
		return new PrincipalElement(hasNotPrincipal, anyone, principals);
	}

	private List<Condition> conditions(JsonNode node, String where) {
		if (!node.isObject() || node.isEmpty()) {
			throw malformed(where + " must be a non-empty object of condition operators.");
		}
		List<Condition> conditions = new ArrayList<>();
		for (Map.Entry<String, JsonNode> operatorEntry : node.properties()) {
			String operatorText = operatorEntry.getKey();
			String at = where + "." + quote(operatorText);
			Condition.Qualifier qualifier = Condition.Qualifier.NONE;
			String name = operatorText;
			for (Condition.Qualifier candidate : Condition.Qualifier.values()) {
				if (candidate != Condition.Qualifier.NONE && name.startsWith(candidate.prefix)) {
					qualifier = candidate;
					name = name.substring(candidate.prefix.length());
				}
			}
			boolean ifExists = name.endsWith("IfExists");
			if (ifExists) {
				name = name.substring(0, name.length() - "IfExists".length());
			}
			ConditionOperator operator = ConditionOperator.fromName(name)
				.orElseThrow(() -> malformed(where + " has an unknown condition operator " + quote(operatorText) + "."));
			if (operator == ConditionOperator.NULL && (ifExists || qualifier != Condition.Qualifier.NONE)) {
				throw malformed(where + " uses Null with IfExists or a set qualifier, which IAM does not allow.");
			}
			JsonNode block = operatorEntry.getValue();
			if (!block.isObject() || block.isEmpty()) {
				throw malformed(at + " must be a non-empty object of condition keys.");
			}
			Set<String> keys = new HashSet<>();
			for (Map.Entry<String, JsonNode> keyEntry : block.properties()) {
				String key = keyEntry.getKey();
				if (key.isEmpty() || !keys.add(key.toLowerCase(Locale.ROOT))) {
					throw malformed(at + " has an empty condition key or repeats one in another case.");
				}
				String keyAt = at + "." + quote(key);
				List<String> rawValues = strings(keyEntry.getValue(), keyAt);
				List<PolicyValue> values = new ArrayList<>(rawValues.size());
				Object[] parsed = new Object[rawValues.size()];
				for (int i = 0; i < rawValues.size(); i++) {
					String raw = rawValues.get(i);
					PolicyValue value = operator.kind().variables ? PolicyValue.parse(raw, this.variables, keyAt)
							: PolicyValue.literal(raw);
					parsed[i] = operator.parsePolicyValue(raw);
					if (parsed[i] == null && !value.hasVariables()) {
						throw malformed(keyAt + " has a value that is not valid for " + operator.operatorName() + ".");
					}
					values.add(value);
				}
				conditions.add(new Condition(operatorText, qualifier, operator, ifExists, key, values, parsed));
			}
		}
		return conditions;
	}

	/** Whether the statement has the second element; fails unless it has exactly one of the two. */
	private static boolean exactlyOne(JsonNode statement, String first, String second, String where) {
		boolean hasFirst = statement.has(first);
		boolean hasSecond = statement.has(second);
		if (hasFirst == hasSecond) {
			throw malformed(where + " must have exactly one of " + first + " and " + second + ".");
		}
		return hasSecond;
	}

	/** A string, or a non-empty list of them; numbers and Booleans count as their JSON text. */
	private static List<String> strings(JsonNode node, String where) {
		if (node.isArray()) {
			if (node.isEmpty()) {
				throw malformed(where + " must not be an empty list.");
			}
			List<String> values = new ArrayList<>(node.size());
			for (JsonNode item : node.values()) {
				values.add(scalar(item, where));
			}
			return values;
		}
		return List.of(scalar(node, where));
	}

	private static String scalar(JsonNode node, String where) {
		if (node.isString()) {
			return node.stringValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue() ? "true" : "false";
		}
		if (node.isNumber()) {
			if (node.isIntegralNumber()) {
				return node.bigIntegerValue().toString();
			}
			BigDecimal decimal = node.decimalValue();
			// toPlainString of 1e999999999 would be a billion characters.
			return (Math.abs(decimal.scale()) <= 64) ? decimal.toPlainString() : decimal.toString();
		}
		throw malformed(where + " must be a string or a list of strings.");
	}

	private static boolean validAction(String action) {
		if (action.equals("*")) {
			return true;
		}
		int colon = action.indexOf(':');
		if (colon <= 0 || colon == action.length() - 1) {
			return false;
		}
		for (int i = 0; i < action.length(); i++) {
			char c = action.charAt(i);
			boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
			if (i > colon) {
				ok = ok || c == '*' || c == '?' || c == '_' || c == '.';
			}
			if (!ok && i != colon) {
				return false;
			}
		}
		return true;
	}

	/** {@code *}, or {@code arn:partition:service:region:account:resource} (wildcards allowed). */
	private static boolean validResource(String resource) {
		if (resource.equals("*")) {
			return true;
		}
		if (!resource.startsWith("arn:")) {
			return false;
		}
		String[] parts = resource.split(":", 6);
		return parts.length == 6 && !parts[1].isEmpty() && !parts[2].isEmpty();
	}

	private static void checkElements(JsonNode node, Set<String> allowed, String where) {
		for (String name : node.propertyNames()) {
			if (!allowed.contains(name)) {
				throw malformed("Unknown element " + quote(name) + " in " + where + ".");
			}
		}
	}

	/** Names from the document, quoted, shortened and stripped of control characters for safe echoing. */
	private static String quote(String name) {
		StringBuilder safe = new StringBuilder("\"");
		int limit = Math.min(name.length(), MAX_ECHOED_NAME);
		for (int i = 0; i < limit; i++) {
			char c = name.charAt(i);
			safe.append((Character.isISOControl(c) || c == '"' || c == '\\') ? '?' : c);
		}
		if (name.length() > MAX_ECHOED_NAME) {
			safe.append("...");
		}
		return safe.append('"').toString();
	}

	private static MalformedPolicyException malformed(String message) {
		return new MalformedPolicyException(message);
	}

}
