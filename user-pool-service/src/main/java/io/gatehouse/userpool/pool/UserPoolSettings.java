package io.gatehouse.userpool.pool;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.node.ObjectNode;

/**
 * A user pool's settings document: the members of the AWS {@code UserPoolType} that an administrator
 * sets (CreateUserPool, UpdateUserPool), with the names, enums and constraints of the Cognito user pools
 * API reference. Stored as jsonb in {@code user_pool.settings}, so a reader of the database sees AWS
 * shapes. The schema is not part of it: it is fixed at creation and kept beside it
 * ({@link UserPool#schemaAttributes()}).
 */
public record UserPoolSettings(
		@Valid UserPoolPolicyType policies,
		DeletionProtectionType deletionProtection,
		ObjectNode lambdaConfig,
		@Size(max = 2) List<@NotNull VerifiedAttributeType> autoVerifiedAttributes,
		@Size(max = 3) List<@NotNull AliasAttributeType> aliasAttributes,
		@Size(max = 2) List<@NotNull UsernameAttributeType> usernameAttributes,
		@Size(min = 6, max = 140) @Pattern(regexp = SMS_CODE) String smsVerificationMessage,
		@Size(min = 6, max = 20000) @Pattern(regexp = EMAIL_CODE) String emailVerificationMessage,
		@Size(min = 1, max = 140) @Pattern(regexp = SUBJECT) String emailVerificationSubject,
		@Valid VerificationMessageTemplateType verificationMessageTemplate,
		@Size(min = 6, max = 140) @Pattern(regexp = SMS_CODE) String smsAuthenticationMessage,
		@Valid UserAttributeUpdateSettingsType userAttributeUpdateSettings,
		UserPoolMfaType mfaConfiguration,
		@Valid DeviceConfigurationType deviceConfiguration,
		@Valid EmailConfigurationType emailConfiguration,
		@Valid SmsConfigurationType smsConfiguration,
		@Size(max = 50) Map<@Size(min = 1, max = 128) @Pattern(regexp = TAG_KEY) String, @NotNull @Size(max = 256) String> userPoolTags,
		@Valid AdminCreateUserConfigType adminCreateUserConfig,
		@Valid UserPoolAddOnsType userPoolAddOns,
		@Valid UsernameConfigurationType usernameConfiguration,
		@Valid AccountRecoverySettingType accountRecoverySetting,
		UserPoolTierType userPoolTier) {

	static final String SMS_CODE = "(?s).*\\{####\\}.*";

	static final String EMAIL_CODE = "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*\\{####\\}[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*";

	static final String EMAIL_LINK = "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*\\{##[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*##\\}[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*";

	static final String SUBJECT = "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s]+";

	static final String TAG_KEY = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*";

	static final String ARN = "arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?";

	public record UserPoolPolicyType(@Valid PasswordPolicyType passwordPolicy, @Valid SignInPolicyType signInPolicy) {
	}

	public record PasswordPolicyType(@Min(6) @Max(99) Integer minimumLength, Boolean requireUppercase,
			Boolean requireLowercase, Boolean requireNumbers, Boolean requireSymbols,
			@Min(0) @Max(24) Integer passwordHistorySize, @Min(0) @Max(365) Integer temporaryPasswordValidityDays) {
	}

	public record SignInPolicyType(@Size(max = 4) List<@NotNull AuthFactorType> allowedFirstAuthFactors) {
	}

	public enum AuthFactorType {

		PASSWORD, EMAIL_OTP, SMS_OTP, WEB_AUTHN

	}

	public enum DeletionProtectionType {

		ACTIVE, INACTIVE

	}

	public enum VerifiedAttributeType {

		@JsonProperty("phone_number") PHONE_NUMBER, @JsonProperty("email") EMAIL

	}

	public enum AliasAttributeType {

		@JsonProperty("phone_number") PHONE_NUMBER, @JsonProperty("email") EMAIL,
		@JsonProperty("preferred_username") PREFERRED_USERNAME

	}

	public enum UsernameAttributeType {

		@JsonProperty("phone_number") PHONE_NUMBER, @JsonProperty("email") EMAIL

	}

	public record VerificationMessageTemplateType(
			@Size(min = 6, max = 140) @Pattern(regexp = SMS_CODE) String smsMessage,
			@Size(min = 6, max = 20000) @Pattern(regexp = EMAIL_CODE) String emailMessage,
			@Size(min = 1, max = 140) @Pattern(regexp = SUBJECT) String emailSubject,
			@Size(min = 6, max = 20000) @Pattern(regexp = EMAIL_LINK) String emailMessageByLink,
			@Size(min = 1, max = 140) @Pattern(regexp = SUBJECT) String emailSubjectByLink,
			DefaultEmailOptionType defaultEmailOption) {
	}

	public enum DefaultEmailOptionType {

		CONFIRM_WITH_LINK, CONFIRM_WITH_CODE

	}

	public record UserAttributeUpdateSettingsType(
			@Size(max = 2) List<@NotNull VerifiedAttributeType> attributesRequireVerificationBeforeUpdate) {
	}

	public enum UserPoolMfaType {

		OFF, ON, OPTIONAL

	}

	public record DeviceConfigurationType(Boolean challengeRequiredOnNewDevice, Boolean deviceOnlyRememberedOnUserPrompt) {
	}

	public record EmailConfigurationType(@Size(min = 20, max = 2048) @Pattern(regexp = ARN) String sourceArn,
			@Pattern(regexp = "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+@[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+") String replyToEmailAddress,
			EmailSendingAccountType emailSendingAccount, @Size(max = 2048) String from,
			@Size(min = 1, max = 64) @Pattern(regexp = "[a-zA-Z0-9_-]+") String configurationSet) {
	}

	public enum EmailSendingAccountType {

		COGNITO_DEFAULT, DEVELOPER

	}

	public record SmsConfigurationType(@NotNull @Size(min = 20, max = 2048) @Pattern(regexp = ARN) String snsCallerArn,
			@Size(max = 2048) String externalId, @Size(min = 5, max = 32) @Pattern(regexp = "[a-z]+-[a-z]+-[0-9]") String snsRegion) {
	}

	public record AdminCreateUserConfigType(Boolean allowAdminCreateUserOnly,
			@Min(0) @Max(365) Integer unusedAccountValidityDays, @Valid MessageTemplateType inviteMessageTemplate) {
	}

	public record MessageTemplateType(
			@JsonProperty("SMSMessage") @Size(min = 6, max = 140) @Pattern(regexp = SMS_CODE) String smsMessage,
			@Size(min = 6, max = 20000) @Pattern(regexp = EMAIL_CODE) String emailMessage,
			@Size(min = 1, max = 140) @Pattern(regexp = SUBJECT) String emailSubject) {
	}

	public record SchemaAttributeType(
			@Size(min = 1, max = 20) @Pattern(regexp = "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+") String name,
			AttributeDataType attributeDataType, Boolean developerOnlyAttribute, Boolean mutable, Boolean required,
			@Valid NumberAttributeConstraintsType numberAttributeConstraints,
			@Valid StringAttributeConstraintsType stringAttributeConstraints) {
	}

	public enum AttributeDataType {

		@JsonProperty("String") STRING, @JsonProperty("Number") NUMBER, @JsonProperty("DateTime") DATE_TIME,
		@JsonProperty("Boolean") BOOLEAN

	}

	public record NumberAttributeConstraintsType(String minValue, String maxValue) {
	}

	public record StringAttributeConstraintsType(String minLength, String maxLength) {
	}

	public record UserPoolAddOnsType(@NotNull AdvancedSecurityModeType advancedSecurityMode,
			@Valid AdvancedSecurityAdditionalFlowsType advancedSecurityAdditionalFlows) {
	}

	public enum AdvancedSecurityModeType {

		OFF, AUDIT, ENFORCED

	}

	public record AdvancedSecurityAdditionalFlowsType(AdvancedSecurityEnabledModeType customAuthMode) {
	}

	public enum AdvancedSecurityEnabledModeType {

		AUDIT, ENFORCED

	}

	public record UsernameConfigurationType(@NotNull Boolean caseSensitive) {
	}

	public record AccountRecoverySettingType(
			@Size(min = 1, max = 2) List<@NotNull @Valid RecoveryOptionType> recoveryMechanisms) {
	}

	public record RecoveryOptionType(@NotNull @Min(1) @Max(2) Integer priority, @NotNull RecoveryOptionNameType name) {
	}

	public enum RecoveryOptionNameType {

		@JsonProperty("verified_email") VERIFIED_EMAIL, @JsonProperty("verified_phone_number") VERIFIED_PHONE_NUMBER,
		@JsonProperty("admin_only") ADMIN_ONLY

	}

	public enum UserPoolTierType {

		LITE, ESSENTIALS, PLUS

	}

}
