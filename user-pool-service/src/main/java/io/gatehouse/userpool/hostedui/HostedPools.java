package io.gatehouse.userpool.hostedui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.gatehouse.userpool.pool.UserPool;
import io.gatehouse.userpool.pool.UserPoolNotFoundException;
import io.gatehouse.userpool.pool.UserPoolService;
import io.gatehouse.userpool.pool.UserPoolSettings.VerifiedAttributeType;
import io.gatehouse.userpool.user.AttributeDataType;
import io.gatehouse.userpool.user.AttributeDefinition;
import io.gatehouse.userpool.user.PoolUserSettings;
import io.gatehouse.userpool.user.SignInAttribute;
import io.gatehouse.userpool.user.StandardAttributes;

import org.springframework.stereotype.Component;

/** Finds the pool a page is for, or answers 404; works out what its pages ask for. */
@Component
final class HostedPools {

	private static final Pattern POOL_ID = Pattern.compile("[\\w-]+_[0-9a-zA-Z]+");

	/** Attributes sign-up asks with a field of their own type; everything else required is a text field. */
	private static final Set<String> SYSTEM = Set.of(StandardAttributes.SUB, StandardAttributes.IDENTITIES,
			StandardAttributes.EMAIL_VERIFIED, StandardAttributes.PHONE_NUMBER_VERIFIED, StandardAttributes.UPDATED_AT);

	private final UserPoolService pools;

	HostedPools(UserPoolService pools) {
		this.pools = pools;
	}

	HostedPool find(String poolId) {
		if (poolId == null || poolId.length() > 55 || !POOL_ID.matcher(poolId).matches()) {
			throw new HostedPageNotFoundException();
		}
		UserPool pool;
		PoolUserSettings settings;
		try {
			pool = this.pools.configuration(poolId);
			settings = this.pools.userSettings(poolId);
		}
		catch (UserPoolNotFoundException ex) {
			throw new HostedPageNotFoundException();
		}
		boolean signUp = !Boolean.TRUE.equals(pool.settings().adminCreateUserConfig().allowAdminCreateUserOnly());
		boolean emailUsername = settings.usernameAttributes().contains(SignInAttribute.EMAIL);
		String label;
		if (emailUsername && settings.usernameAttributes().contains(SignInAttribute.PHONE_NUMBER)) {
			label = "Email or phone number";
		}
		else if (emailUsername) {
			label = "Email";
		}
		else if (settings.usernameAttributes().contains(SignInAttribute.PHONE_NUMBER)) {
			label = "Phone number";
		}
		else if (settings.aliasAttributes().contains(SignInAttribute.EMAIL)) {
			label = "Username or email";
		}
		else {
			label = "Username";
		}
		return new HostedPool(pool.id(), pool.name(), settings, signUp, label, emailUsername,
				signUpFields(pool, settings, emailUsername));
	}

	private static List<HostedPool.Field> signUpFields(UserPool pool, PoolUserSettings settings, boolean emailUsername) {
		List<HostedPool.Field> fields = new ArrayList<>();
		List<VerifiedAttributeType> verified = (pool.settings().autoVerifiedAttributes() != null)
				? pool.settings().autoVerifiedAttributes() : List.of();
		if (!emailUsername) {
			boolean required = verified.contains(VerifiedAttributeType.EMAIL) || isRequired(settings, StandardAttributes.EMAIL);
			fields.add(new HostedPool.Field(StandardAttributes.EMAIL, "Email", "email", "email", required));
		}
		if (isRequired(settings, StandardAttributes.PHONE_NUMBER)
				&& !settings.usernameAttributes().contains(SignInAttribute.PHONE_NUMBER)) {
			fields.add(new HostedPool.Field(StandardAttributes.PHONE_NUMBER, "Phone number (+ and country code)", "tel",
					"tel", true));
		}
		for (AttributeDefinition definition : settings.schema().definitions()) {
			String name = definition.name();
			if (definition.required() && !definition.developerOnly() && !SYSTEM.contains(name)
					&& !StandardAttributes.EMAIL.equals(name) && !StandardAttributes.PHONE_NUMBER.equals(name)) {
				String type = (definition.dataType() == AttributeDataType.NUMBER) ? "number" : "text";
				fields.add(new HostedPool.Field(name, label(name), type, autocomplete(name), true));
			}
		}
		return fields;
	}

	private static boolean isRequired(PoolUserSettings settings, String name) {
		return settings.schema().find(name).map(AttributeDefinition::required).orElse(false);
	}

	private static String label(String name) {
		String plain = name.startsWith(StandardAttributes.CUSTOM_PREFIX)
				? name.substring(StandardAttributes.CUSTOM_PREFIX.length()) : name;
		plain = plain.replace('_', ' ');
		return plain.isEmpty() ? name : Character.toUpperCase(plain.charAt(0)) + plain.substring(1);
	}

	private static String autocomplete(String name) {
		return switch (name) {
			case "given_name" -> "given-name";
			case "family_name" -> "family-name";
			case "name" -> "name";
			case "nickname" -> "nickname";
			case "birthdate" -> "bday";
			case "address" -> "street-address";
			case "locale" -> "language";
			default -> "off";
		};
	}

}
