package io.gatehouse.userpool.cognito;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON object of one request, consumed member by member: each operation takes the members it
 * knows, then reads the rest into a settings record, so a member no operation knows is refused rather
 * than silently ignored. Every JSON problem becomes an {@code InvalidParameterException} whose message
 * names the member, never a Java type.
 */
final class WireRequest {

	private final JsonMapper json;

	private final String operation;

	private final ObjectNode members;

	private Caller caller = Caller.NONE;

	private io.gatehouse.userpool.audit.RequestOrigin origin = io.gatehouse.userpool.audit.RequestOrigin.none();

	private WireRequest(JsonMapper json, String operation, ObjectNode members) {
		this.json = json;
		this.operation = operation;
		this.members = members;
	}

	static WireRequest parse(JsonMapper json, String operation, byte[] body) {
		if (body.length == 0) {
			return new WireRequest(json, operation, json.createObjectNode());
		}
		JsonNode tree;
		try {
			tree = json.readTree(body);
		}
		catch (JacksonException ex) {
			throw invalid(ex, operation);
		}
		if (tree == null || tree.isMissingNode()) {
			return new WireRequest(json, operation, json.createObjectNode());
		}
		if (!tree.isObject()) {
			throw new CognitoException(CognitoError.INVALID_PARAMETER, "The request body must be a JSON object.");
		}
		return new WireRequest(json, operation, (ObjectNode) tree);
	}

	/** Binds who the door authenticated and where the request came from; done once, before the operation runs. */
	WireRequest bind(Caller caller, io.gatehouse.userpool.audit.RequestOrigin origin) {
		this.caller = caller;
		this.origin = origin;
		return this;
	}

	Caller caller() {
		return this.caller;
	}

	io.gatehouse.userpool.audit.RequestOrigin origin() {
		return this.origin;
	}

	/** A member whose content the operation does not use but whose shape must be a JSON object. */
	void ignoredObject(String member) {
		JsonNode value = take(member);
		if (value != null && !value.isObject()) {
			throw wrongType(member, "an object");
		}
	}

	/** What the request is about, for the audit log: read without consuming, before the operation runs. */
	Subject subject() {
		String target = text(this.members, "Username");
		if (target == null) {
			target = text(this.members, "GroupName");
		}
		if (target == null && this.members.get("AuthParameters") instanceof ObjectNode parameters) {
			// Only the user name: AuthParameters also carries PASSWORD, SECRET_HASH, REFRESH_TOKEN.
			target = text(parameters, "USERNAME");
		}
		if (target == null) {
			target = text(this.members, "ClientId");
		}
		return new Subject(text(this.members, "UserPoolId"), target);
	}

	private static String text(ObjectNode node, String member) {
		JsonNode value = node.get(member);
		return (value != null && value.isString()) ? clip(value.asString()) : null;
	}

	/** The pool and the user, group or client a request names; either may be null. */
	record Subject(String poolId, String target) {

		static final Subject NONE = new Subject(null, null);

	}

	String string(String member) {
		JsonNode value = take(member);
		if (value == null) {
			return null;
		}
		if (!value.isString()) {
			throw wrongType(member, "a string");
		}
		return value.asString();
	}

	/** A string member that must fit {@code shape}; null when absent. */
	String string(String member, WireShape shape) {
		String value = string(member);
		if (value != null) {
			String violation = shape.violation(value);
			if (violation != null) {
				throw constraint(member, violation);
			}
		}
		return value;
	}

	/** A string member that must be present and fit {@code shape}. */
	String required(String member, WireShape shape) {
		String value = string(member, shape);
		if (value == null) {
			throw new CognitoException(CognitoError.INVALID_PARAMETER, "1 validation error detected: Value null at '"
					+ lowerFirst(member) + "' failed to satisfy constraint: Member must not be null");
		}
		return value;
	}

	/** An integer member within {@code [min, max]}; null when absent. */
	Integer integer(String member, int min, int max) {
		Integer value = integer(member);
		if (value != null && value < min) {
			throw constraint(member, "Member must have value greater than or equal to " + min);
		}
		if (value != null && value > max) {
			throw constraint(member, "Member must have value less than or equal to " + max);
		}
		return value;
	}

	/** A list of strings, each fitting {@code shape}; null when absent. */
	List<String> strings(String member, WireShape shape, int maxItems) {
		JsonNode value = take(member);
		if (value == null) {
			return null;
		}
		if (!value.isArray()) {
			throw wrongType(member, "a list");
		}
		if (value.size() > maxItems) {
			throw constraint(member, "Member must have length less than or equal to " + maxItems);
		}
		List<String> items = new ArrayList<>();
		for (JsonNode item : value) {
			if (!item.isString()) {
				throw wrongType(member, "a list of strings");
			}
			String violation = shape.violation(item.asString());
			if (violation != null) {
				throw constraint(member, violation);
			}
			items.add(item.asString());
		}
		return items;
	}

	/**
	 * An {@code AttributeListType}: {@code [{"Name": ..., "Value": ...}]}, in order; a name given twice is
	 * refused rather than silently resolved.
	 */
	java.util.Map<String, String> attributes(String member) {
		JsonNode value = take(member);
		if (value == null) {
			return null;
		}
		if (!value.isArray()) {
			throw wrongType(member, "a list");
		}
		java.util.Map<String, String> attributes = new java.util.LinkedHashMap<>();
		for (JsonNode item : value) {
			if (!item.isObject()) {
				throw wrongType(member, "a list of attributes");
			}
			for (String property : item.propertyNames()) {
				if (!property.equals("Name") && !property.equals("Value")) {
					throw unsupported(member + "." + property, this.operation);
				}
			}
			JsonNode name = item.get("Name");
			JsonNode attributeValue = item.get("Value");
			if (name == null || !name.isString()) {
				throw new CognitoException(CognitoError.INVALID_PARAMETER, "1 validation error detected: Value null at '"
						+ lowerFirst(member) + ".member.name' failed to satisfy constraint: Member must not be null");
			}
			if (attributeValue != null && !attributeValue.isNull() && !attributeValue.isString()) {
				throw wrongType(member, "a list of attributes with string values");
			}
			String violation = WireShape.ATTRIBUTE_NAME.violation(name.asString());
			String text = (attributeValue == null || attributeValue.isNull()) ? "" : attributeValue.asString();
			if (violation == null) {
				violation = WireShape.ATTRIBUTE_VALUE.violation(text);
			}
			if (violation != null) {
				throw constraint(member, violation);
			}
			if (attributes.put(name.asString(), text) != null) {
				throw new CognitoException(CognitoError.INVALID_PARAMETER,
						"Duplicate attribute names are not allowed in " + lowerFirst(member) + ".");
			}
		}
		return attributes;
	}

	/**
	 * A map of strings the operation accepts but does not use ({@code ClientMetadata}, {@code
	 * ValidationData} goes through {@link #attributes}); its shape is still checked.
	 */
	java.util.Map<String, String> stringMap(String member) {
		JsonNode value = take(member);
		if (value == null) {
			return null;
		}
		if (!value.isObject()) {
			throw wrongType(member, "a map");
		}
		java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
		for (String key : value.propertyNames()) {
			JsonNode item = value.get(key);
			if (!item.isString()) {
				throw wrongType(member, "a map of strings");
			}
			map.put(key, item.asString());
		}
		return map;
	}

	Boolean bool(String member) {
		JsonNode value = take(member);
		if (value == null) {
			return null;
		}
		if (!value.isBoolean()) {
			throw wrongType(member, "a boolean");
		}
		return value.booleanValue();
	}

	Integer integer(String member) {
		JsonNode value = take(member);
		if (value == null) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt()) {
			throw wrongType(member, "an integer");
		}
		return value.intValue();
	}

	<T> List<T> list(String member, TypeReference<List<T>> type) {
		JsonNode value = take(member);
		if (value == null) {
			return null;
		}
		if (!value.isArray()) {
			throw wrongType(member, "a list");
		}
		try {
			return this.json.treeToValue(value, this.json.getTypeFactory().constructType(type));
		}
		catch (JacksonException ex) {
			throw invalid(ex, this.operation, member);
		}
	}

	/** Refuses members that exist elsewhere in the AWS model but not in this operation. */
	void refuse(String... notInThisOperation) {
		for (String member : notInThisOperation) {
			if (this.members.has(member)) {
				throw unsupported(member, this.operation);
			}
		}
	}

	/** Reads every remaining member into {@code type}; unknown members are refused. */
	<T> T rest(Class<T> type) {
		try {
			return this.json.treeToValue(this.members, type);
		}
		catch (JacksonException ex) {
			throw invalid(ex, this.operation);
		}
	}

	/** Ends an operation that has no settings record: any member left is unknown. */
	void end() {
		if (!this.members.isEmpty()) {
			throw unsupported(this.members.propertyNames().iterator().next(), this.operation);
		}
	}

	private JsonNode take(String member) {
		JsonNode value = this.members.remove(member);
		return (value == null || value.isNull()) ? null : value;
	}

	private static CognitoException constraint(String member, String violation) {
		return new CognitoException(CognitoError.INVALID_PARAMETER, "1 validation error detected: Value at '"
				+ lowerFirst(member) + "' failed to satisfy constraint: " + violation);
	}

	private static CognitoException wrongType(String member, String expected) {
		return new CognitoException(CognitoError.INVALID_PARAMETER,
				"Value at '" + lowerFirst(member) + "' has the wrong type: expected " + expected + ".");
	}

	private static CognitoException unsupported(String member, String operation) {
		return new CognitoException(CognitoError.INVALID_PARAMETER,
				"The member '" + clip(member) + "' is not supported by " + operation + ".");
	}

	private static CognitoException invalid(JacksonException ex, String operation, String... prefix) {
		if (ex instanceof StreamReadException || (prefix.length == 0 && ex.getPath().isEmpty())) {
			// Syntax errors, duplicate members, trailing content after the object.
			return (ex instanceof StreamConstraintsException)
					? new CognitoException(CognitoError.INVALID_PARAMETER,
							"The request body is nested too deeply or has a value that is too long.")
					: new CognitoException(CognitoError.INVALID_PARAMETER, "The request body is not valid JSON.");
		}
		if (ex instanceof UnrecognizedPropertyException) {
			return unsupported(((UnrecognizedPropertyException) ex).getPropertyName(), operation);
		}
		if (ex instanceof InvalidFormatException format && format.getTargetType() != null
				&& format.getTargetType().isEnum()) {
			String values = Arrays.stream(format.getTargetType().getEnumConstants())
				.map((constant) -> WireResponses.enumValue((Enum<?>) constant))
				.collect(Collectors.joining(", ", "[", "]"));
			return new CognitoException(CognitoError.INVALID_PARAMETER, "1 validation error detected: Value at '"
					+ path(prefix, ex) + "' failed to satisfy constraint: Member must satisfy enum value set: "
					+ values);
		}
		if (ex instanceof MismatchedInputException) {
			return new CognitoException(CognitoError.INVALID_PARAMETER,
					"Value at '" + path(prefix, ex) + "' has the wrong type.");
		}
		return new CognitoException(CognitoError.INVALID_PARAMETER, "The request body could not be read.");
	}

	private static String path(String[] prefix, JacksonException ex) {
		List<String> parts = new ArrayList<>();
		for (String member : prefix) {
			parts.add(lowerFirst(member));
		}
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				parts.add(lowerFirst(reference.getPropertyName()));
			}
			else if (reference.getIndex() >= 0) {
				parts.add((reference.getIndex() + 1) + ".member");
			}
		}
		return clip(String.join(".", parts));
	}

	private static String clip(String text) {
		return (text.length() > 128) ? text.substring(0, 128) + "..." : text;
	}

	private static String lowerFirst(String member) {
		return member.isEmpty() ? member : Character.toLowerCase(member.charAt(0)) + member.substring(1);
	}

}
