package io.gatehouse.userpool.pool;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.gatehouse.userpool.config.AwsJson;
import io.gatehouse.userpool.config.GatehouseProperties;
import io.gatehouse.userpool.user.UserService;
import io.gatehouse.userpool.pool.UserPoolSettings.AccountRecoverySettingType;
import io.gatehouse.userpool.pool.UserPoolSettings.AdminCreateUserConfigType;
import io.gatehouse.userpool.pool.UserPoolSettings.AuthFactorType;
import io.gatehouse.userpool.pool.UserPoolSettings.DefaultEmailOptionType;
import io.gatehouse.userpool.pool.UserPoolSettings.DeletionProtectionType;
import io.gatehouse.userpool.pool.UserPoolSettings.EmailConfigurationType;
import io.gatehouse.userpool.pool.UserPoolSettings.EmailSendingAccountType;
import io.gatehouse.userpool.pool.UserPoolSettings.PasswordPolicyType;
import io.gatehouse.userpool.pool.UserPoolSettings.RecoveryOptionType;
import io.gatehouse.userpool.pool.UserPoolSettings.SchemaAttributeType;
import io.gatehouse.userpool.pool.UserPoolSettings.SignInPolicyType;
import io.gatehouse.userpool.pool.UserPoolSettings.UserPoolMfaType;
import io.gatehouse.userpool.pool.UserPoolSettings.UserPoolPolicyType;
import io.gatehouse.userpool.pool.UserPoolSettings.UserPoolTierType;
import io.gatehouse.userpool.pool.UserPoolSettings.UsernameConfigurationType;
import io.gatehouse.userpool.pool.UserPoolSettings.VerificationMessageTemplateType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User pools: CreateUserPool, DescribeUserPool, UpdateUserPool, ListUserPools and DeleteUserPool, per
 * the Cognito user pools API reference. Deleting a pool deletes its app clients, users and codes through
 * the database ({@code ON DELETE CASCADE}).
 */
@Service
public class UserPoolService {

	static final JsonMapper json = AwsJson.mapper();

	private static final TypeReference<List<SchemaAttributeType>> SCHEMA = new TypeReference<>() {
	};

	private static final String LISTING = "user-pools";

	private final UserPoolRepository pools;

	private final SettingsValidator validator;

	private final GatehouseProperties gatehouse;

	private final Clock clock;

	private final UserService users;

	private final ApplicationEventPublisher events;

	UserPoolService(UserPoolRepository pools, SettingsValidator validator, GatehouseProperties gatehouse,
			UserService users, ObjectProvider<Clock> clock, ApplicationEventPublisher events) {
		this.events = events;
		this.pools = pools;
		this.users = users;
		this.validator = validator;
		this.gatehouse = gatehouse;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Transactional
	public UserPool create(NewUserPool command) {
		this.validator.validate(command);
		UserPoolSettings settings = withDefaults(command.settings(), null);
		checkConsistency(settings);
		List<SchemaAttributeType> schema = PoolSchema.merge(command.schema());
		String id;
		do {
			id = UserPoolIds.next(this.gatehouse.region());
		}
		while (this.pools.existsById(id));
		UserPoolEntity entity = new UserPoolEntity(id, command.poolName(), json.writeValueAsString(settings),
				json.writeValueAsString(schema), isProtected(settings), now());
		return view(this.pools.save(entity));
	}

	@Transactional(readOnly = true)
	public UserPool describe(String userPoolId) {
		return view(find(userPoolId));
	}

	/**
	 * What the user feature needs to know about a pool: sign-in names, case sensitivity, schema, policy.
	 * @throws UserPoolNotFoundException when the pool does not exist
	 */
	@Transactional(readOnly = true)
	public io.gatehouse.userpool.user.PoolUserSettings userSettings(String userPoolId) {
		return PoolUserSettingsMapping.map(configuration(userPoolId));
	}

	/**
	 * The pool's stored settings and schema, without counting its users ({@code estimatedNumberOfUsers}
	 * is 0): what every operation other than DescribeUserPool needs, at the cost of one primary-key read.
	 * @throws UserPoolNotFoundException when the pool does not exist
	 */
	@Transactional(readOnly = true)
	public UserPool configuration(String userPoolId) {
		return view(find(userPoolId), false);
	}

	/** @throws UserPoolNotFoundException when the pool does not exist */
	@Transactional(readOnly = true)
	public void requireExists(String userPoolId) {
		checkId(userPoolId);
		if (!this.pools.existsById(userPoolId)) {
			throw new UserPoolNotFoundException(userPoolId);
		}
	}

	@Transactional
	public UserPool update(UserPoolChange change) {
		this.validator.validate(change);
		UserPoolEntity entity = find(change.userPoolId());
		UserPoolSettings current = read(entity.settings());
		UserPoolSettings settings = withDefaults(change.settings(), current);
		checkConsistency(settings);
		entity.update((change.poolName() != null) ? change.poolName() : entity.name(), json.writeValueAsString(settings),
				isProtected(settings), now());
		return view(this.pools.saveAndFlush(entity));
	}

	@Transactional(readOnly = true)
	public Page<UserPoolSummary> list(Integer maxResults, String nextToken) {
		this.validator.validate(new PageRequest(maxResults, nextToken));
		Optional<String> after = PageToken.decode(LISTING, nextToken);
		Limit limit = Limit.of(maxResults + 1);
		List<UserPoolEntity> rows = after.isPresent() ? this.pools.findByIdGreaterThanOrderByIdAsc(after.get(), limit)
				: this.pools.findAllByOrderByIdAsc(limit);
		boolean more = rows.size() > maxResults;
		List<UserPoolSummary> items = rows.stream()
			.limit(maxResults)
			.map((row) -> new UserPoolSummary(row.id(), row.name(), row.createdAt(), row.updatedAt()))
			.toList();
		return new Page<>(items, more ? PageToken.encode(LISTING, items.get(items.size() - 1).id()) : null);
	}

	@Transactional
	public void delete(String userPoolId) {
		checkId(userPoolId);
		if (this.pools.deleteUnprotected(userPoolId) == 1) {
			this.events.publishEvent(new UserPoolDeleted(userPoolId));
			return;
		}
		if (this.pools.existsById(userPoolId)) {
			throw new InvalidSettingException("The user pool " + userPoolId
					+ " cannot be deleted because deletion protection is activated. Set DeletionProtection to INACTIVE with UpdateUserPool first.");
		}
		throw new UserPoolNotFoundException(userPoolId);
	}

	private UserPoolEntity find(String userPoolId) {
		checkId(userPoolId);
		return this.pools.findById(userPoolId).orElseThrow(() -> new UserPoolNotFoundException(userPoolId));
	}

	private void checkId(String userPoolId) {
		this.validator.validate(new PoolId(userPoolId));
	}

	private UserPool view(UserPoolEntity entity) {
		return view(entity, true);
	}

	/**
	 * @param countUsers whether to count the pool's users for EstimatedNumberOfUsers: a count over the
	 * pool's rows, which only DescribeUserPool needs; never on a hot path (sign-in, ListUsers...)
	 */
	private UserPool view(UserPoolEntity entity, boolean countUsers) {
		String arn = "arn:aws:cognito-idp:" + this.gatehouse.region() + ":" + this.gatehouse.accountId() + ":userpool/"
				+ entity.id();
		long users = countUsers ? this.users.countUsers(entity.id()) : 0;
		return new UserPool(entity.id(), entity.name(), arn, read(entity.settings()),
				json.readValue(entity.schemaAttributes(), SCHEMA), entity.createdAt(), entity.updatedAt(),
				(int) Math.min(users, Integer.MAX_VALUE));
	}

	private static UserPoolSettings read(String settings) {
		return json.readValue(settings, UserPoolSettings.class);
	}

	private Instant now() {
		// PostgreSQL keeps microseconds; truncating here makes what we return equal what we read back.
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static boolean isProtected(UserPoolSettings settings) {
		return settings.deletionProtection() == DeletionProtectionType.ACTIVE;
	}

	/**
	 * The settings as stored: Cognito's defaults where the request is silent. On update, members fixed at
	 * creation and the kept members (tags, tier) come from {@code current}.
	 */
	private static UserPoolSettings withDefaults(UserPoolSettings given, UserPoolSettings current) {
		UserPoolPolicyType policies = given.policies();
		PasswordPolicyType passwordPolicy = (policies != null && policies.passwordPolicy() != null)
				? explicit(policies.passwordPolicy()) : defaultPasswordPolicy();
		SignInPolicyType signInPolicy = (policies != null && policies.signInPolicy() != null) ? policies.signInPolicy()
				: new SignInPolicyType(List.of(AuthFactorType.PASSWORD));
		VerificationMessageTemplateType template = given.verificationMessageTemplate();
		if (template == null) {
			template = new VerificationMessageTemplateType(null, null, null, null, null,
					DefaultEmailOptionType.CONFIRM_WITH_CODE);
		}
		else if (template.defaultEmailOption() == null) {
			template = new VerificationMessageTemplateType(template.smsMessage(), template.emailMessage(),
					template.emailSubject(), template.emailMessageByLink(), template.emailSubjectByLink(),
					DefaultEmailOptionType.CONFIRM_WITH_CODE);
		}
		AdminCreateUserConfigType adminCreateUser = given.adminCreateUserConfig();
		if (adminCreateUser == null) {
			adminCreateUser = new AdminCreateUserConfigType(false, 7, null);
		}
		else {
			adminCreateUser = new AdminCreateUserConfigType(
					(adminCreateUser.allowAdminCreateUserOnly() != null) ? adminCreateUser.allowAdminCreateUserOnly() : false,
					(adminCreateUser.unusedAccountValidityDays() != null) ? adminCreateUser.unusedAccountValidityDays() : 7,
					adminCreateUser.inviteMessageTemplate());
		}
		EmailConfigurationType email = given.emailConfiguration();
		if (email == null) {
			email = new EmailConfigurationType(null, null, EmailSendingAccountType.COGNITO_DEFAULT, null, null);
		}
		boolean creating = current == null;
		return new UserPoolSettings(new UserPoolPolicyType(passwordPolicy, signInPolicy),
				(given.deletionProtection() != null) ? given.deletionProtection() : DeletionProtectionType.INACTIVE,
				given.lambdaConfig(), given.autoVerifiedAttributes(),
				creating ? given.aliasAttributes() : current.aliasAttributes(),
				creating ? given.usernameAttributes() : current.usernameAttributes(), given.smsVerificationMessage(),
				given.emailVerificationMessage(), given.emailVerificationSubject(), template,
				given.smsAuthenticationMessage(), given.userAttributeUpdateSettings(),
				(given.mfaConfiguration() != null) ? given.mfaConfiguration() : UserPoolMfaType.OFF,
				given.deviceConfiguration(), email, given.smsConfiguration(),
				(given.userPoolTags() != null || creating) ? given.userPoolTags() : current.userPoolTags(), adminCreateUser,
				given.userPoolAddOns(),
				creating ? ((given.usernameConfiguration() != null) ? given.usernameConfiguration()
						: new UsernameConfigurationType(false)) : current.usernameConfiguration(),
				given.accountRecoverySetting(),
				(given.userPoolTier() != null) ? given.userPoolTier()
						: creating ? UserPoolTierType.ESSENTIALS : current.userPoolTier());
	}

	// Gatehouse follows NIST SP 800-63B here rather than Cognito's composition rules: length, not
	// character classes (SECURITY.md). A pool that wants Cognito's rules sets them explicitly.
	private static PasswordPolicyType defaultPasswordPolicy() {
		return new PasswordPolicyType(8, false, false, false, false, null, 7);
	}

	/** A requirement left out of a given policy is off, as in Cognito; shown explicitly. */
	private static PasswordPolicyType explicit(PasswordPolicyType policy) {
		return new PasswordPolicyType((policy.minimumLength() != null) ? policy.minimumLength() : 8,
				Boolean.TRUE.equals(policy.requireUppercase()), Boolean.TRUE.equals(policy.requireLowercase()),
				Boolean.TRUE.equals(policy.requireNumbers()), Boolean.TRUE.equals(policy.requireSymbols()),
				policy.passwordHistorySize(),
				(policy.temporaryPasswordValidityDays() != null) ? policy.temporaryPasswordValidityDays() : 7);
	}

	private static void checkConsistency(UserPoolSettings settings) {
		if (settings.lambdaConfig() != null && !settings.lambdaConfig().isEmpty()) {
			throw new InvalidSettingException("LambdaConfig: Lambda triggers are not supported by Gatehouse.");
		}
		if (notEmpty(settings.usernameAttributes()) && notEmpty(settings.aliasAttributes())) {
			throw new InvalidSettingException("UsernameAttributes and AliasAttributes can't be used together.");
		}
		unique("AutoVerifiedAttributes", settings.autoVerifiedAttributes());
		unique("AliasAttributes", settings.aliasAttributes());
		unique("UsernameAttributes", settings.usernameAttributes());
		if (settings.policies().signInPolicy().allowedFirstAuthFactors() != null) {
			unique("AllowedFirstAuthFactors", settings.policies().signInPolicy().allowedFirstAuthFactors());
			if (!settings.policies().signInPolicy().allowedFirstAuthFactors().contains(AuthFactorType.PASSWORD)) {
				throw new InvalidSettingException("AllowedFirstAuthFactors must include PASSWORD.");
			}
		}
		if (settings.userAttributeUpdateSettings() != null) {
			unique("AttributesRequireVerificationBeforeUpdate",
					settings.userAttributeUpdateSettings().attributesRequireVerificationBeforeUpdate());
		}
		AccountRecoverySettingType recovery = settings.accountRecoverySetting();
		if (recovery != null && recovery.recoveryMechanisms() != null) {
			List<RecoveryOptionType> mechanisms = recovery.recoveryMechanisms();
			unique("RecoveryMechanisms priorities", mechanisms.stream().map(RecoveryOptionType::priority).toList());
			unique("RecoveryMechanisms names", mechanisms.stream().map(RecoveryOptionType::name).toList());
			if (mechanisms.size() > 1 && mechanisms.stream()
				.anyMatch((m) -> m.name() == UserPoolSettings.RecoveryOptionNameType.ADMIN_ONLY)) {
				throw new InvalidSettingException("The admin_only recovery mechanism can't be combined with another.");
			}
		}
	}

	private static boolean notEmpty(Collection<?> values) {
		return values != null && !values.isEmpty();
	}

	private static void unique(String member, Collection<?> values) {
		if (values != null && new HashSet<>(values).size() != values.size()) {
			throw new InvalidSettingException(member + " contains duplicates.");
		}
	}

	record PoolId(@NotNull @Size(min = 1, max = 55) @Pattern(regexp = UserPoolIds.PATTERN) String userPoolId) {
	}

	record PageRequest(@NotNull @Min(1) @Max(60) Integer maxResults,
			@Size(min = 1, max = 131072) @Pattern(regexp = "[\\S]+") String nextToken) {
	}

}
