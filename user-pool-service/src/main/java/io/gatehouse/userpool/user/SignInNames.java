package io.gatehouse.userpool.user;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * The values under which a user can be found at sign-in besides the username, derived from the attributes
 * and the pool's settings: an email or phone number is one when it is a username attribute (verified or not,
 * as in Cognito) or a verified alias; a preferred username when it is an alias.
 */
record SignInNames(String email, String phone, String preferredUsername) {

	static SignInNames of(PoolUserSettings pool, Map<String, String> attributes) {
		String email = attributes.get(StandardAttributes.EMAIL);
		boolean emailIsName = pool.usernameAttributes().contains(SignInAttribute.EMAIL)
				|| (pool.aliasAttributes().contains(SignInAttribute.EMAIL)
						&& "true".equals(attributes.get(StandardAttributes.EMAIL_VERIFIED)));
		String phone = attributes.get(StandardAttributes.PHONE_NUMBER);
		boolean phoneIsName = pool.usernameAttributes().contains(SignInAttribute.PHONE_NUMBER)
				|| (pool.aliasAttributes().contains(SignInAttribute.PHONE_NUMBER)
						&& "true".equals(attributes.get(StandardAttributes.PHONE_NUMBER_VERIFIED)));
		String preferred = attributes.get(StandardAttributes.PREFERRED_USERNAME);
		boolean preferredIsName = pool.aliasAttributes().contains(SignInAttribute.PREFERRED_USERNAME);
		return new SignInNames(emailIsName ? email : null, phoneIsName ? phone : null,
				(preferredIsName && preferred != null) ? usernameKey(pool, preferred) : null);
	}

	/** The lookup key for a username (or preferred username): NFC, lower-cased unless case-sensitive. */
	static String usernameKey(PoolUserSettings pool, String username) {
		String normalized = Normalizer.normalize(username, Normalizer.Form.NFC);
		return pool.usernameCaseSensitive() ? normalized : normalized.toLowerCase(Locale.ROOT);
	}

}
