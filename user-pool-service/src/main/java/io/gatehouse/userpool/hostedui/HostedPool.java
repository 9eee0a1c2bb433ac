package io.gatehouse.userpool.hostedui;

import java.util.List;

import io.gatehouse.userpool.user.PoolUserSettings;

/**
 * What the pages show and ask for at one pool.
 *
 * @param signInLabel the label of the sign-in name field ("Username", "Email", "Username or email"...)
 * @param usernameIsEmail the pool signs users in by email ({@code UsernameAttributes: email}): sign-up asks
 * no separate username
 * @param signUpFields the attribute fields sign-up asks for, in order
 */
record HostedPool(String id, String name, PoolUserSettings settings, boolean signUpAllowed, String signInLabel,
		boolean usernameIsEmail, List<Field> signUpFields) {

	/** An attribute field of a form; {@code name} is the attribute name, the form field is {@code attribute.<name>}. */
	record Field(String name, String label, String type, String autocomplete, boolean required) {

		public String param() {
			return "attribute." + this.name;
		}

		public String id() {
			return "attribute-" + this.name.replaceAll("[^A-Za-z0-9_-]", "-");
		}

	}

}
