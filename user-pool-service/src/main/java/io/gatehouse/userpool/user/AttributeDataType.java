package io.gatehouse.userpool.user;

/** Cognito's {@code AttributeDataType}: how an attribute's string value is interpreted and validated. */
public enum AttributeDataType {

	STRING("String"),

	NUMBER("Number"),

	DATE_TIME("DateTime"),

	BOOLEAN("Boolean");

	private final String wireName;

	AttributeDataType(String wireName) {
		this.wireName = wireName;
	}

	/** The value on the wire ({@code "String"}, {@code "Number"}, ...). */
	public String wireName() {
		return this.wireName;
	}

	public static AttributeDataType fromWireName(String wireName) {
		for (AttributeDataType type : values()) {
			if (type.wireName.equals(wireName)) {
				return type;
			}
		}
		throw new IllegalArgumentException("unknown AttributeDataType");
	}

}
