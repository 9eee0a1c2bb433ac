package io.gatehouse.userpool.pool;

import java.lang.annotation.Annotation;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Component;

/**
 * Checks commands against the constraints of the AWS model (lengths, patterns, ranges, required
 * members) and reports them the way AWS does ("1 validation error detected: Value at 'poolName' failed to
 * satisfy constraint: ..."). Values are never echoed: they may be long, or secret.
 */
@Component
public final class SettingsValidator {

	private final Validator validator;

	SettingsValidator(Validator validator) {
		this.validator = validator;
	}

	/** @throws InvalidSettingException listing every violated constraint */
	public void validate(Object command) {
		Set<ConstraintViolation<Object>> violations = this.validator.validate(command);
		if (violations.isEmpty()) {
			return;
		}
		List<String> messages = violations.stream()
			.map(SettingsValidator::describe)
			.sorted(Comparator.naturalOrder())
			.distinct()
			.collect(Collectors.toList());
		throw new InvalidSettingException(messages.size() + " validation error" + (messages.size() == 1 ? "" : "s")
				+ " detected: " + String.join("; ", messages));
	}

	private static String describe(ConstraintViolation<Object> violation) {
		String path = memberPath(violation.getPropertyPath());
		Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
		String rule;
		if (constraint instanceof NotNull) {
			rule = "Member must not be null";
		}
		else if (constraint instanceof Size size) {
			rule = (size.max() == Integer.MAX_VALUE) ? "Member must have length greater than or equal to " + size.min()
					: "Member must have length between " + size.min() + " and " + size.max();
		}
		else if (constraint instanceof Min min) {
			rule = "Member must have value greater than or equal to " + min.value();
		}
		else if (constraint instanceof Max max) {
			rule = "Member must have value less than or equal to " + max.value();
		}
		else if (constraint instanceof Pattern pattern) {
			rule = "Member must satisfy regular expression pattern: " + pattern.regexp();
		}
		else {
			rule = "Member must be valid";
		}
		return "Value at '" + path + "' failed to satisfy constraint: " + rule;
	}

	// Commands wrap the AWS members in records such as NewUserPool(poolName, settings, ...); the wrapper's
	// component names other than the members themselves ("settings") are not part of the AWS path.
	private static String memberPath(Path path) {
		StringBuilder out = new StringBuilder();
		for (Path.Node node : path) {
			if (node.isInIterable()) {
				Object key = (node.getIndex() != null) ? Integer.valueOf(node.getIndex() + 1) : node.getKey();
				if (key != null) {
					out.append('.').append(key).append(".member");
				}
			}
			String name = node.getName();
			if (name == null || name.startsWith("<") || "settings".equals(name)) {
				continue;
			}
			if (out.length() > 0) {
				out.append('.');
			}
			out.append(name);
		}
		return (out.length() > 0 && out.charAt(0) == '.') ? out.substring(1) : out.toString();
	}

}
