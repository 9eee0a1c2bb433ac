package io.gatehouse.shared.policy;

/**
 * The policy language versions of the IAM User Guide's "IAM JSON policy elements: Version". Only
 * {@link #V2012_10_17} knows policy variables; under {@link #V2008_10_17} (also the meaning of a
 * document without {@code Version}) {@code ${...}} is literal text.
 */
public enum PolicyVersion {

	V2012_10_17("2012-10-17"),

	V2008_10_17("2008-10-17");

	private final String value;

	PolicyVersion(String value) {
		this.value = value;
	}

	/** The value as written in the {@code Version} element. */
	public String value() {
		return this.value;
	}

	boolean supportsPolicyVariables() {
		return this == V2012_10_17;
	}

}
