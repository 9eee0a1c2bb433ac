package io.gatehouse.userpool.cognito;

import java.util.regex.Pattern;

/**
 * The constraints of a string shape of the AWS model (length, pattern), checked at the door so that a
 * malformed member is an {@code InvalidParameterException} naming the member, as AWS answers. Messages never
 * repeat the value: usernames and passwords are {@code sensitive} in the model.
 */
record WireShape(int min, int max, Pattern pattern) {

	private static final String NAME = "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+";

	static final WireShape POOL_ID = new WireShape(1, 55, Pattern.compile("[\\w-]+_[0-9a-zA-Z]+"));

	static final WireShape USERNAME = new WireShape(1, 128, Pattern.compile(NAME));

	static final WireShape GROUP_NAME = new WireShape(1, 128, Pattern.compile(NAME));

	static final WireShape DESCRIPTION = new WireShape(0, 2048, null);

	static final WireShape ARN = new WireShape(20, 2048, Pattern.compile(
			"arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?"));

	static final WireShape PAGINATION_TOKEN = new WireShape(1, 1024, Pattern.compile("[\\S]+"));

	/** ListUsers tokens carry the last sort key (an attribute value of up to 2048 characters). */
	static final WireShape SEARCH_PAGINATION_TOKEN = new WireShape(1, 12000, Pattern.compile("[\\S]+"));

	static final WireShape ATTRIBUTE_NAME = new WireShape(1, 32, Pattern.compile(NAME));

	static final WireShape ATTRIBUTE_VALUE = new WireShape(0, 2048, null);

	/** Passwords: only the length; spaces are allowed (passphrases), the pool policy decides the rest. */
	static final WireShape PASSWORD = new WireShape(0, 256, null);

	static final WireShape USER_FILTER = new WireShape(0, 256, null);

	static final WireShape CLIENT_ID = new WireShape(1, 128, Pattern.compile("[\\w+]+"));

	static final WireShape SESSION = new WireShape(20, 2048, null);

	static final WireShape SECRET_HASH = new WireShape(1, 128, Pattern.compile("[\\w+=/]+"));

	static final WireShape CLIENT_SECRET = new WireShape(1, 64, Pattern.compile("[\\w+]+"));

	static final WireShape CONFIRMATION_CODE = new WireShape(1, 2048, Pattern.compile("[\\S]+"));

	/** Access and refresh tokens ({@code TokenModelType}); the length cap is Gatehouse's. */
	static final WireShape TOKEN = new WireShape(1, 16384, Pattern.compile("[A-Za-z0-9-_=.]+"));

	/** @return the violated constraint, or null when {@code value} fits */
	String violation(String value) {
		int length = value.codePointCount(0, value.length());
		if (length < this.min) {
			return "Member must have length greater than or equal to " + this.min;
		}
		if (length > this.max) {
			return "Member must have length less than or equal to " + this.max;
		}
		if (this.pattern != null && !this.pattern.matcher(value).matches()) {
			return "Member must satisfy regular expression pattern: " + this.pattern.pattern();
		}
		return null;
	}

}
