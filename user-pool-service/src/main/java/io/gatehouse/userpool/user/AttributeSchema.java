package io.gatehouse.userpool.user;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pool's complete attribute schema: the standard attributes (with the pool's required/mutable choices)
 * plus its {@code custom:} and {@code dev:} attributes. Built by the pool feature from the stored
 * {@code Schema}; a definition given for a standard attribute replaces its default.
 */
public final class AttributeSchema {

	private static final AttributeSchema STANDARD = new AttributeSchema(List.of());

	private final Map<String, AttributeDefinition> definitions;

	private final List<AttributeDefinition> ordered;

	private AttributeSchema(Collection<AttributeDefinition> poolDefinitions) {
		Map<String, AttributeDefinition> all = new LinkedHashMap<>();
		StandardAttributes.defaults().forEach((definition) -> all.put(definition.name(), definition));
		for (AttributeDefinition definition : poolDefinitions) {
			String name = definition.name();
			if (!StandardAttributes.isStandard(name) && !name.startsWith(StandardAttributes.CUSTOM_PREFIX)
					&& !name.startsWith(StandardAttributes.DEVELOPER_PREFIX)) {
				throw new IllegalArgumentException(
						"a non-standard attribute must be named custom:<name> or dev:<name>");
			}
			all.put(name, definition);
		}
		this.definitions = Map.copyOf(all);
		this.ordered = List.copyOf(all.values());
	}

	/** The schema of a pool that declared nothing beyond Cognito's defaults. */
	public static AttributeSchema standard() {
		return STANDARD;
	}

	public static AttributeSchema of(Collection<AttributeDefinition> poolDefinitions) {
		return new AttributeSchema(new ArrayList<>(poolDefinitions));
	}

	public Optional<AttributeDefinition> find(String name) {
		return Optional.ofNullable(this.definitions.get(name));
	}

	public List<AttributeDefinition> definitions() {
		return this.ordered;
	}

}
