package io.gatehouse.userpool.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import io.gatehouse.userpool.password.InvalidPasswordException;
import io.gatehouse.userpool.password.PasswordContext;
import io.gatehouse.userpool.password.PasswordValidator;
import io.gatehouse.userpool.user.AliasExistsException;
import io.gatehouse.userpool.user.AttributeDefinition;
import io.gatehouse.userpool.user.AttributeWriter;
import io.gatehouse.userpool.user.InvalidUserParameterException;
import io.gatehouse.userpool.user.PoolUserSettings;
import io.gatehouse.userpool.user.StandardAttributes;
import io.gatehouse.userpool.user.User;
import io.gatehouse.userpool.user.UserService;
import io.gatehouse.userpool.user.UserStatus;

import org.springframework.stereotype.Component;

/**
 * {@code NEW_PASSWORD_REQUIRED}: a user signed in with an administrator's temporary password chooses their
 * own, and gives the pool's required attributes they lack. Parameters and responses are Cognito's:
 * {@code USER_ID_FOR_SRP}, {@code requiredAttributes} (a JSON array of {@code userAttributes.<name>}) and
 * {@code userAttributes} (JSON) out; {@code NEW_PASSWORD} and {@code userAttributes.<name>} in.
 * <p>
 * The new password is checked before anything is written, so a refused answer changes nothing and can be
 * corrected with the same session.
 */
@Component
final class NewPasswordRequiredHandler implements ChallengeHandler {

	static final String NEW_PASSWORD = "NEW_PASSWORD";

	static final String ATTRIBUTE_PREFIX = "userAttributes.";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final UserService users;

	private final PasswordValidator passwordValidator;

	NewPasswordRequiredHandler(UserService users, PasswordValidator passwordValidator) {
		this.users = users;
		this.passwordValidator = passwordValidator;
	}

	@Override
	public ChallengeName challenge() {
		return ChallengeName.NEW_PASSWORD_REQUIRED;
	}

	@Override
	public Map<String, String> parameters(PoolUserSettings pool, User user) {
		Map<String, String> shown = new LinkedHashMap<>();
		user.attributes().forEach((name, value) -> {
			if (!StandardAttributes.SUB.equals(name) && !name.startsWith(StandardAttributes.DEVELOPER_PREFIX)) {
				shown.put(name, value);
			}
		});
		return Map.of("USER_ID_FOR_SRP", user.username(), "requiredAttributes",
				json.writeValueAsString(missingRequired(pool, user.attributes()).stream()
					.map((name) -> ATTRIBUTE_PREFIX + name)
					.toList()),
				"userAttributes", json.writeValueAsString(shown));
	}

	@Override
	public Outcome answer(PoolUserSettings pool, User user, Map<String, String> responses) {
		if (user.status() != UserStatus.FORCE_CHANGE_PASSWORD) {
			return new Outcome.Refused(AuthError.SESSION_EXPIRED, null, false);
		}
		String password = responses.get(NEW_PASSWORD);
		if (password == null || password.isEmpty()) {
			return new Outcome.Refused(AuthError.INVALID_PARAMETER, "Missing required parameter NEW_PASSWORD", true);
		}
		Map<String, String> attributes = new LinkedHashMap<>();
		responses.forEach((name, value) -> {
			if (name.startsWith(ATTRIBUTE_PREFIX) && value != null && !value.isEmpty()) {
				attributes.put(name.substring(ATTRIBUTE_PREFIX.length()), value);
			}
		});
		Map<String, String> merged = new LinkedHashMap<>(user.attributes());
		merged.putAll(attributes);
		try {
			this.passwordValidator.validate(password, pool.passwordPolicy(), PasswordContext.of(pool.poolName(),
					user.username(), merged.get(StandardAttributes.EMAIL)));
		}
		catch (InvalidPasswordException ex) {
			return new Outcome.Refused(AuthError.INVALID_PASSWORD, ex.getMessage(), true);
		}
		List<String> missing = missingRequired(pool, merged);
		if (!missing.isEmpty()) {
			return new Outcome.Refused(AuthError.INVALID_PARAMETER,
					"Invalid attributes given, " + String.join(", ", missing) + " is missing", true);
		}
		try {
			if (!attributes.isEmpty()) {
				this.users.updateAttributes(pool, user.sub(), attributes, AttributeWriter.SELF_SERVICE);
			}
			this.users.setPassword(pool, user.sub(), password, false);
		}
		catch (InvalidUserParameterException ex) {
			return new Outcome.Refused(AuthError.INVALID_PARAMETER, ex.getMessage(), true);
		}
		catch (AliasExistsException ex) {
			return new Outcome.Refused(AuthError.ALIAS_EXISTS, ex.getMessage(), true);
		}
		catch (InvalidPasswordException ex) {
			return new Outcome.Refused(AuthError.INVALID_PASSWORD, ex.getMessage(), true);
		}
		return new Outcome.Passed(List.of());
	}

	private static List<String> missingRequired(PoolUserSettings pool, Map<String, String> attributes) {
		List<String> missing = new ArrayList<>();
		for (AttributeDefinition definition : pool.schema().definitions()) {
			if (definition.required() && !definition.developerOnly()
					&& !StandardAttributes.SUB.equals(definition.name()) && !StandardAttributes.IDENTITIES.equals(definition.name())
					&& (attributes.get(definition.name()) == null || attributes.get(definition.name()).isEmpty())) {
				missing.add(definition.name());
			}
		}
		return missing;
	}

}
