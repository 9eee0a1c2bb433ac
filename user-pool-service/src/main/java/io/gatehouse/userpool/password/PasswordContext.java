package io.gatehouse.userpool.password;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Words a password must not contain because an attacker knows them (NIST SP 800-63B: "context-specific
 * words, such as the name of the service, the username"): the pool name, the username, the email address
 * and its local part.
 */
public record PasswordContext(List<String> words) {

	public PasswordContext {
		words = List.copyOf(words);
	}

	public static PasswordContext of(String poolName, String username, String email) {
		List<String> words = new ArrayList<>();
		add(words, poolName);
		add(words, username);
		if (email != null) {
			add(words, email);
			int at = email.indexOf('@');
			if (at > 0) {
				add(words, email.substring(0, at));
			}
		}
		return new PasswordContext(words);
	}

	public static PasswordContext none() {
		return new PasswordContext(List.of());
	}

	private static void add(List<String> words, String word) {
		if (word != null && !word.isBlank()) {
			words.add(word.strip().toLowerCase(Locale.ROOT));
		}
	}

}
