package io.gatehouse.shared.policy;

/** The {@code Effect} element (IAM User Guide, "IAM JSON policy elements: Effect"). */
public enum Effect {

	ALLOW("Allow"),

	DENY("Deny");

	private final String value;

	Effect(String value) {
		this.value = value;
	}

	/** The value as written in a policy document. */
	public String value() {
		return this.value;
	}

}
