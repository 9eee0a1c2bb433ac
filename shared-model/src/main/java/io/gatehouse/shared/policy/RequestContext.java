package io.gatehouse.shared.policy;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a request asks for, as policy evaluation sees it: the action, the resource, the calling principal
 * (for trust and resource-based policies) and the condition context keys (IAM User Guide, "Policy
 * evaluation logic", section "The request context"; "AWS global condition context keys").
 * <p>
 * Context keys are case-insensitive, as in IAM. A key may hold several values (a multivalued key such as
 * {@code aws:TagKeys} or {@code cognito-identity.amazonaws.com:amr}); a key given no values is absent.
 * Policy variables read the same keys, e.g. {@code ${cognito-identity.amazonaws.com:sub}} or
 * {@code ${aws:PrincipalTag/department}}.
 */
public final class RequestContext {

	private final String action;

	private final String resource;

	private final Principal principal;

	private final Map<String, List<String>> keys;

	private RequestContext(Builder builder) {
		this.action = builder.action;
		this.resource = builder.resource;
		this.principal = builder.principal;
		TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		builder.keys.forEach((key, values) -> copy.put(key, List.copyOf(values)));
		this.keys = Collections.unmodifiableMap(copy);
	}

	/**
	 * @param action the action, {@code service:Action}, e.g. {@code s3:GetObject}
	 */
	public static Builder builder(String action) {
		return new Builder(action);
	}

	public String action() {
		return this.action;
	}

	/** The resource ARN; empty for requests without one (such as {@code sts:AssumeRoleWithWebIdentity}). */
	public Optional<String> resource() {
		return Optional.ofNullable(this.resource);
	}

	public Optional<Principal> principal() {
		return Optional.ofNullable(this.principal);
	}

	/** The values of a context key, matched case-insensitively; empty when the key is absent. */
	public List<String> values(String key) {
		List<String> values = this.keys.get(key);
		return (values != null) ? values : List.of();
	}

	/** Every context key (a case-insensitive, unmodifiable view). */
	public Map<String, List<String>> keys() {
		return this.keys;
	}

	String resourceOrNull() {
		return this.resource;
	}

	Principal principalOrNull() {
		return this.principal;
	}

	/** Builds a {@link RequestContext}. */
	public static final class Builder {

		private String action;

		private String resource;

		private Principal principal;

		private final Map<String, List<String>> keys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

		private Builder(String action) {
			this.action = Objects.requireNonNull(action, "action");
		}

		public Builder action(String action) {
			this.action = Objects.requireNonNull(action, "action");
			return this;
		}

		public Builder resource(String resource) {
			this.resource = resource;
			return this;
		}

		public Builder principal(Principal principal) {
			this.principal = principal;
			return this;
		}

		/** Sets a context key to the given values, replacing earlier ones; no values removes the key. */
		public Builder key(String key, String... values) {
			return key(key, List.of(values));
		}

		/** Sets a context key to the given values, replacing earlier ones; no values removes the key. */
		public Builder key(String key, Collection<String> values) {
			Objects.requireNonNull(key, "key");
			if (values.isEmpty()) {
				this.keys.remove(key);
			}
			else {
				List<String> copy = new ArrayList<>(values.size());
				for (String value : values) {
					copy.add(Objects.requireNonNull(value, "context key value"));
				}
				this.keys.remove(key);
				this.keys.put(key, copy);
			}
			return this;
		}

		/** Adds every key of the map, as {@link #key(String, Collection)} does. */
		public Builder keys(Map<String, ? extends Collection<String>> keys) {
			keys.forEach(this::key);
			return this;
		}

		/** Sets {@code aws:CurrentTime} (ISO 8601) and {@code aws:EpochTime} (seconds) to the given instant. */
		public Builder currentTime(Instant now) {
			key("aws:CurrentTime", DateTimeFormatter.ISO_INSTANT.format(now));
			return key("aws:EpochTime", Long.toString(now.getEpochSecond()));
		}

		public RequestContext build() {
			return new RequestContext(this);
		}

	}

}
