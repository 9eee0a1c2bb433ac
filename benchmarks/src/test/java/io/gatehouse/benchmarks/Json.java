package io.gatehouse.benchmarks;

import tools.jackson.databind.json.JsonMapper;

final class Json {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private Json() {
	}

	static String write(Object value) {
		return mapper.writeValueAsString(value);
	}

}
