package io.gatehouse.identitypool.cognito;

import java.util.List;
import java.util.Map;

/**
 * Request and response shapes of the Cognito Identity API ({@code AWSCognitoIdentityService}), named as in
 * the AWS API reference; the JSON mapper writes the components in UpperCamelCase. Timestamps are epoch
 * seconds, as the AWS JSON 1.1 protocol serializes them.
 */
final class CognitoShapes {

	private CognitoShapes() {
	}

	record CognitoIdentityProvider(String providerName, String clientId, Boolean serverSideTokenCheck) {
	}

	record IdentityPool(String identityPoolId, String identityPoolName, Boolean allowUnauthenticatedIdentities,
			Boolean allowClassicFlow, Map<String, String> supportedLoginProviders, String developerProviderName,
			List<String> openIdConnectProviderARNs, List<CognitoIdentityProvider> cognitoIdentityProviders,
			List<String> samlProviderARNs, Map<String, String> identityPoolTags) {
	}

	record IdentityPoolIdRequest(String identityPoolId) {
	}

	record ListIdentityPoolsRequest(Integer maxResults, String nextToken) {
	}

	record IdentityPoolShortDescription(String identityPoolId, String identityPoolName) {
	}

	record ListIdentityPoolsResponse(List<IdentityPoolShortDescription> identityPools, String nextToken) {
	}

	record MappingRule(String claim, String matchType, String value, String roleARN) {
	}

	record RulesConfiguration(List<MappingRule> rules) {
	}

	record RoleMapping(String type, String ambiguousRoleResolution, RulesConfiguration rulesConfiguration) {
	}

	record IdentityPoolRoles(String identityPoolId, Map<String, String> roles, Map<String, RoleMapping> roleMappings) {
	}

	record ListIdentitiesRequest(String identityPoolId, Integer maxResults, String nextToken, Boolean hideDisabled) {
	}

	record IdentityDescription(String identityId, List<String> logins, Double creationDate, Double lastModifiedDate) {
	}

	record ListIdentitiesResponse(String identityPoolId, List<IdentityDescription> identities, String nextToken) {
	}

	record IdentityIdRequest(String identityId) {
	}

	record DeleteIdentitiesRequest(List<String> identityIdsToDelete) {
	}

	record UnprocessedIdentityId(String identityId, String errorCode) {
	}

	record DeleteIdentitiesResponse(List<UnprocessedIdentityId> unprocessedIdentityIds) {
	}

	record PrincipalTagAttributeMap(String identityPoolId, String identityProviderName, Boolean useDefaults,
			Map<String, String> principalTags) {
	}

	record GetIdRequest(String accountId, String identityPoolId, Map<String, String> logins) {
	}

	record GetIdResponse(String identityId) {
	}

	record GetCredentialsForIdentityRequest(String identityId, Map<String, String> logins, String customRoleArn) {
	}

	record Credentials(String accessKeyId, String secretKey, String sessionToken, Double expiration) {
	}

	record GetCredentialsForIdentityResponse(String identityId, Credentials credentials) {
	}

	record GetOpenIdTokenRequest(String identityId, Map<String, String> logins) {
	}

	record GetOpenIdTokenResponse(String identityId, String token) {
	}

	record UnlinkIdentityRequest(String identityId, Map<String, String> logins, List<String> loginsToRemove) {
	}

	record Empty() {
	}

}
