package io.gatehouse.userpool.user;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Attributes as a flat JSON object of strings in the {@code jsonb} column. */
@Converter
final class AttributesJsonConverter implements AttributeConverter<Map<String, String>, String> {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
	};

	@Override
	public String convertToDatabaseColumn(Map<String, String> attributes) {
		return json.writeValueAsString(attributes == null ? Map.of() : attributes);
	}

	@Override
	public Map<String, String> convertToEntityAttribute(String column) {
		return column == null ? new LinkedHashMap<>() : json.readValue(column, MAP);
	}

}
