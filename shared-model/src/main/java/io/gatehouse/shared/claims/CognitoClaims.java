package io.gatehouse.shared.claims;

/**
 * Claim names of Cognito-shaped tokens, as the Amazon Cognito Developer Guide describes them
 * ("Understanding the identity (ID) token", "Understanding the access token"). The user pool writes
 * them; the identity pool and resource servers read them.
 */
public final class CognitoClaims {

	/** {@code id} for ID tokens, {@code access} for access tokens. */
	public static final String TOKEN_USE = "token_use";

	public static final String USERNAME = "cognito:username";

	/** The access token's username claim (no {@code cognito:} prefix there). */
	public static final String ACCESS_TOKEN_USERNAME = "username";

	public static final String GROUPS = "cognito:groups";

	public static final String ROLES = "cognito:roles";

	public static final String PREFERRED_ROLE = "cognito:preferred_role";

	public static final String CLIENT_ID = "client_id";

	public static final String ORIGIN_JTI = "origin_jti";

	public static final String AUTH_TIME = "auth_time";

	public static final String EVENT_ID = "event_id";

	public static final String VERSION = "version";

	public static final String IDENTITIES = "identities";

	public static final String EMAIL = "email";

	public static final String EMAIL_VERIFIED = "email_verified";

	public static final String PHONE_NUMBER = "phone_number";

	public static final String PHONE_NUMBER_VERIFIED = "phone_number_verified";

	/** Prefix of developer-defined attributes, e.g. {@code custom:tenant}. */
	public static final String CUSTOM_PREFIX = "custom:";

	/** The scope that authorizes the self-service user API with an access token. */
	public static final String USER_ADMIN_SCOPE = "aws.cognito.signin.user.admin";

	public static final String TOKEN_USE_ID = "id";

	public static final String TOKEN_USE_ACCESS = "access";

	private CognitoClaims() {
	}

}
