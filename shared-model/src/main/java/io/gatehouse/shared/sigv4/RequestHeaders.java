package io.gatehouse.shared.sigv4;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The headers of a {@link SignableRequest} looked up case-insensitively, all values of one name (however
 * the caller's map spelt it) kept in arrival order.
 */
final class RequestHeaders {

	private final Map<String, List<String>> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

	RequestHeaders(Map<String, List<String>> headers) {
		if (headers == null) {
			return;
		}
		headers.forEach((name, list) -> {
			if (name != null && list != null) {
				List<String> merged = this.values.computeIfAbsent(name, (key) -> new ArrayList<>(1));
				for (String value : list) {
					if (value != null) {
						merged.add(value);
					}
				}
			}
		});
	}

	/** Every value sent under {@code name}; empty when the header is absent. */
	List<String> all(String name) {
		return Collections.unmodifiableList(this.values.getOrDefault(name, List.of()));
	}

	boolean contains(String name) {
		return !all(name).isEmpty();
	}

	/** The names as the caller spelt them, for a signer that signs every header it sends. */
	List<String> names() {
		return new ArrayList<>(this.values.keySet());
	}

}
