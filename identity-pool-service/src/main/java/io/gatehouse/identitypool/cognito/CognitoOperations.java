package io.gatehouse.identitypool.cognito;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.gatehouse.identitypool.RefusedException;
import io.gatehouse.identitypool.cognito.CognitoShapes.CognitoIdentityProvider;
import io.gatehouse.identitypool.cognito.CognitoShapes.Credentials;
import io.gatehouse.identitypool.cognito.CognitoShapes.DeleteIdentitiesRequest;
import io.gatehouse.identitypool.cognito.CognitoShapes.DeleteIdentitiesResponse;
import io.gatehouse.identitypool.cognito.CognitoShapes.GetCredentialsForIdentityRequest;
import io.gatehouse.identitypool.cognito.CognitoShapes.GetCredentialsForIdentityResponse;
import io.gatehouse.identitypool.cognito.CognitoShapes.GetIdRequest;
import io.gatehouse.identitypool.cognito.CognitoShapes.GetIdResponse;
import io.gatehouse.identitypool.cognito.CognitoShapes.GetOpenIdTokenRequest;
import io.gatehouse.identitypool.cognito.CognitoShapes.GetOpenIdTokenResponse;
import io.gatehouse.identitypool.cognito.CognitoShapes.IdentityDescription;
import io.gatehouse.identitypool.cognito.CognitoShapes.IdentityIdRequest;
import io.gatehouse.identitypool.cognito.CognitoShapes.IdentityPool;
import io.gatehouse.identitypool.cognito.CognitoShapes.IdentityPoolIdRequest;
import io.gatehouse.identitypool.cognito.CognitoShapes.IdentityPoolRoles;
import io.gatehouse.identitypool.cognito.CognitoShapes.IdentityPoolShortDescription;
import io.gatehouse.identitypool.cognito.CognitoShapes.ListIdentitiesRequest;
import io.gatehouse.identitypool.cognito.CognitoShapes.ListIdentitiesResponse;
import io.gatehouse.identitypool.cognito.CognitoShapes.ListIdentityPoolsRequest;
import io.gatehouse.identitypool.cognito.CognitoShapes.ListIdentityPoolsResponse;
import io.gatehouse.identitypool.cognito.CognitoShapes.MappingRule;
import io.gatehouse.identitypool.cognito.CognitoShapes.PrincipalTagAttributeMap;
import io.gatehouse.identitypool.cognito.CognitoShapes.RulesConfiguration;
import io.gatehouse.identitypool.cognito.CognitoShapes.UnlinkIdentityRequest;
import io.gatehouse.identitypool.cognito.CognitoShapes.UnprocessedIdentityId;
import io.gatehouse.identitypool.identity.IdentityService;
import io.gatehouse.identitypool.identity.IdentityView;
import io.gatehouse.identitypool.identity.IssuedCredentials;
import io.gatehouse.identitypool.identity.IssuedOpenIdToken;
import io.gatehouse.identitypool.pool.IdentityPoolService;
import io.gatehouse.identitypool.pool.MatchType;
import io.gatehouse.identitypool.pool.PoolDefinition;
import io.gatehouse.identitypool.pool.PoolRoles;
import io.gatehouse.identitypool.pool.PoolView;
import io.gatehouse.identitypool.pool.PrincipalTagMap;
import io.gatehouse.identitypool.pool.RoleMapping;
import io.gatehouse.identitypool.pool.UserPoolProvider;

import org.springframework.stereotype.Component;

/** Translates each operation's wire shape to a call on the feature services and back; no rules live here. */
@Component
final class CognitoOperations {

	private static final Set<String> UNSIGNED = Set.of("GetId", "GetCredentialsForIdentity", "GetOpenIdToken",
			"UnlinkIdentity");

	/** The unsigned operations that anyone can call in a loop; each is rate-limited per source address. */
	private static final Set<String> RATE_LIMITED = Set.of("GetId", "GetCredentialsForIdentity", "GetOpenIdToken");

	private final IdentityPoolService pools;

	private final IdentityService identities;

	private final Map<String, Function<CognitoController.Body, Object>> operations = new LinkedHashMap<>();

	CognitoOperations(IdentityPoolService pools, IdentityService identities) {
		this.pools = pools;
		this.identities = identities;
		this.operations.put("CreateIdentityPool", (body) -> pool(this.pools.create(definition(body.as(IdentityPool.class)))));
		this.operations.put("DescribeIdentityPool",
				(body) -> pool(this.pools.describe(body.as(IdentityPoolIdRequest.class).identityPoolId())));
		this.operations.put("UpdateIdentityPool", (body) -> {
			IdentityPool request = body.as(IdentityPool.class);
			return pool(this.pools.update(request.identityPoolId(), definition(request)));
		});
		this.operations.put("DeleteIdentityPool", (body) -> {
			this.pools.delete(body.as(IdentityPoolIdRequest.class).identityPoolId());
			return Map.of();
		});
		this.operations.put("ListIdentityPools", this::listIdentityPools);
		this.operations.put("SetIdentityPoolRoles", (body) -> {
			IdentityPoolRoles request = body.as(IdentityPoolRoles.class);
			this.pools.setRoles(request.identityPoolId(), roles(request));
			return Map.of();
		});
		this.operations.put("GetIdentityPoolRoles", (body) -> {
			String id = body.as(IdentityPoolIdRequest.class).identityPoolId();
			return roles(id, this.pools.getRoles(id));
		});
		this.operations.put("ListIdentities", this::listIdentities);
		this.operations.put("DescribeIdentity",
				(body) -> identity(this.identities.describe(body.as(IdentityIdRequest.class).identityId())));
		this.operations.put("DeleteIdentities", (body) -> {
			List<String> ids = body.as(DeleteIdentitiesRequest.class).identityIdsToDelete();
			List<String> unprocessed = this.identities.delete((ids == null) ? List.of() : ids);
			return new DeleteIdentitiesResponse(
					unprocessed.stream().map((id) -> new UnprocessedIdentityId(id, "IdentityNotFound")).toList());
		});
		this.operations.put("SetPrincipalTagAttributeMap", (body) -> {
			PrincipalTagAttributeMap request = body.as(PrincipalTagAttributeMap.class);
			PrincipalTagMap map = this.pools.setPrincipalTagMap(request.identityPoolId(), request.identityProviderName(),
					new PrincipalTagMap(Boolean.TRUE.equals(request.useDefaults()), request.principalTags()));
			return new PrincipalTagAttributeMap(request.identityPoolId(), request.identityProviderName(),
					map.useDefaults(), map.tags());
		});
		this.operations.put("GetPrincipalTagAttributeMap", (body) -> {
			PrincipalTagAttributeMap request = body.as(PrincipalTagAttributeMap.class);
			PrincipalTagMap map = this.pools.getPrincipalTagMap(request.identityPoolId(), request.identityProviderName());
			return new PrincipalTagAttributeMap(request.identityPoolId(), request.identityProviderName(),
					map.useDefaults(), map.tags());
		});
		this.operations.put("GetId", (body) -> {
			GetIdRequest request = body.as(GetIdRequest.class);
			return new GetIdResponse(this.identities.getId(request.identityPoolId(), logins(request.logins())));
		});
		this.operations.put("GetCredentialsForIdentity", (body) -> {
			GetCredentialsForIdentityRequest request = body.as(GetCredentialsForIdentityRequest.class);
			IssuedCredentials issued = this.identities.getCredentialsForIdentity(request.identityId(),
					logins(request.logins()), request.customRoleArn());
			return new GetCredentialsForIdentityResponse(issued.identityId(),
					new Credentials(issued.credentials().accessKeyId(), issued.credentials().secretAccessKey(),
							issued.credentials().sessionToken(), seconds(issued.credentials().expiration())));
		});
		this.operations.put("GetOpenIdToken", (body) -> {
			GetOpenIdTokenRequest request = body.as(GetOpenIdTokenRequest.class);
			IssuedOpenIdToken issued = this.identities.getOpenIdToken(request.identityId(), logins(request.logins()));
			return new GetOpenIdTokenResponse(issued.identityId(), issued.token());
		});
		this.operations.put("UnlinkIdentity", (body) -> {
			UnlinkIdentityRequest request = body.as(UnlinkIdentityRequest.class);
			this.identities.unlinkIdentity(request.identityId(), logins(request.logins()),
					(request.loginsToRemove() == null) ? List.of() : request.loginsToRemove());
			return Map.of();
		});
	}

	boolean knows(String operation) {
		return this.operations.containsKey(operation);
	}

	boolean unsigned(String operation) {
		return UNSIGNED.contains(operation);
	}

	boolean rateLimited(String operation) {
		return RATE_LIMITED.contains(operation);
	}

	Object invoke(String operation, CognitoController.Body body) {
		return this.operations.get(operation).apply(body);
	}

	/** What a management operation acted on, for the audit trail: the pool or identity ids it names. */
	String auditTarget(CognitoController.Body body, Object response) {
		if (response instanceof IdentityPool created && created.identityPoolId() != null) {
			return created.identityPoolId();
		}
		try {
			AuditTarget target = body.as(AuditTarget.class);
			if (target.identityPoolId() != null) {
				return target.identityPoolId();
			}
			if (target.identityId() != null) {
				return target.identityId();
			}
			if (target.identityIdsToDelete() != null) {
				return String.join(",", target.identityIdsToDelete().stream().map(String::valueOf).toList());
			}
		}
		catch (CognitoException ex) {
			// A body that is not JSON names no target.
		}
		return null;
	}

	private record AuditTarget(String identityPoolId, String identityId, List<String> identityIdsToDelete) {
	}

	private Object listIdentityPools(CognitoController.Body body) {
		ListIdentityPoolsRequest request = body.as(ListIdentityPoolsRequest.class);
		if (request.maxResults() == null) {
			throw RefusedException.invalidParameter("MaxResults is required.");
		}
		IdentityPoolService.Page page = this.pools.list(request.maxResults(), request.nextToken());
		return new ListIdentityPoolsResponse(page.pools()
			.stream()
			.map((pool) -> new IdentityPoolShortDescription(pool.id(), pool.definition().name()))
			.toList(), page.nextToken());
	}

	private Object listIdentities(CognitoController.Body body) {
		ListIdentitiesRequest request = body.as(ListIdentitiesRequest.class);
		if (request.maxResults() == null) {
			throw RefusedException.invalidParameter("MaxResults is required.");
		}
		IdentityService.Page page = this.identities.list(request.identityPoolId(), request.maxResults(),
				request.nextToken());
		return new ListIdentitiesResponse(request.identityPoolId(),
				page.identities().stream().map(CognitoOperations::identity).toList(), page.nextToken());
	}

	private static Map<String, String> logins(Map<String, String> logins) {
		if (logins == null) {
			return Map.of();
		}
		if (logins.values().stream().anyMatch((token) -> token == null)) {
			throw RefusedException.invalidParameter("Logins values must be tokens.");
		}
		return logins;
	}

	private static PoolDefinition definition(IdentityPool request) {
		if (request.allowUnauthenticatedIdentities() == null) {
			throw RefusedException.invalidParameter("AllowUnauthenticatedIdentities is required.");
		}
		List<UserPoolProvider> userPools = new ArrayList<>();
		if (request.cognitoIdentityProviders() != null) {
			for (CognitoIdentityProvider provider : request.cognitoIdentityProviders()) {
				if (provider == null) {
					throw RefusedException.invalidParameter("CognitoIdentityProviders holds an empty entry.");
				}
				userPools.add(new UserPoolProvider(provider.providerName(), provider.clientId(),
						Boolean.TRUE.equals(provider.serverSideTokenCheck())));
			}
		}
		return new PoolDefinition(request.identityPoolName(), request.allowUnauthenticatedIdentities(),
				Boolean.TRUE.equals(request.allowClassicFlow()), request.supportedLoginProviders(),
				request.developerProviderName(), request.openIdConnectProviderARNs(), userPools,
				request.samlProviderARNs(), request.identityPoolTags());
	}

	private static IdentityPool pool(PoolView pool) {
		PoolDefinition definition = pool.definition();
		return new IdentityPool(pool.id(), definition.name(), definition.allowUnauthenticated(),
				definition.allowClassicFlow(), definition.supportedLoginProviders(), definition.developerProviderName(),
				definition.openIdConnectProviderArns(),
				definition.userPools()
					.stream()
					.map((p) -> new CognitoIdentityProvider(p.providerName(), p.clientId(), p.serverSideTokenCheck()))
					.toList(),
				definition.samlProviderArns(), definition.tags());
	}

	private static PoolRoles roles(IdentityPoolRoles request) {
		Map<String, String> roles = (request.roles() == null) ? Map.of() : request.roles();
		for (String key : roles.keySet()) {
			if (!key.equals("authenticated") && !key.equals("unauthenticated")) {
				throw RefusedException.invalidParameter("Roles keys must be authenticated or unauthenticated.");
			}
		}
		Map<String, RoleMapping> mappings = new LinkedHashMap<>();
		if (request.roleMappings() != null) {
			request.roleMappings().forEach((provider, mapping) -> {
				if (mapping == null) {
					throw RefusedException.invalidParameter("A role mapping is empty.");
				}
				List<RoleMapping.Rule> rules = new ArrayList<>();
				if (mapping.rulesConfiguration() != null && mapping.rulesConfiguration().rules() != null) {
					for (MappingRule rule : mapping.rulesConfiguration().rules()) {
						if (rule == null) {
							throw RefusedException.invalidParameter("A mapping rule is empty.");
						}
						rules.add(new RoleMapping.Rule(rule.claim(), matchType(rule.matchType()), rule.value(),
								rule.roleARN()));
					}
				}
				mappings.put(provider, new RoleMapping(mappingType(mapping.type()),
						ambiguous(mapping.ambiguousRoleResolution()), rules));
			});
		}
		return new PoolRoles(roles.get("authenticated"), roles.get("unauthenticated"), mappings);
	}

	private static IdentityPoolRoles roles(String id, PoolRoles roles) {
		Map<String, String> defaults = new LinkedHashMap<>();
		if (roles.authenticated() != null) {
			defaults.put("authenticated", roles.authenticated());
		}
		if (roles.unauthenticated() != null) {
			defaults.put("unauthenticated", roles.unauthenticated());
		}
		Map<String, CognitoShapes.RoleMapping> mappings = new LinkedHashMap<>();
		roles.mappings().forEach((provider, mapping) -> mappings.put(provider, new CognitoShapes.RoleMapping(
				(mapping.type() == RoleMapping.Type.TOKEN) ? "Token" : "Rules",
				(mapping.ambiguousRoleResolution() == RoleMapping.AmbiguousRoleResolution.DENY) ? "Deny"
						: "AuthenticatedRole",
				(mapping.type() == RoleMapping.Type.RULES) ? new RulesConfiguration(mapping.rules()
					.stream()
					.map((rule) -> new MappingRule(rule.claim(), wire(rule.matchType()), rule.value(), rule.roleArn()))
					.toList()) : null)));
		return new IdentityPoolRoles(id, defaults, mappings.isEmpty() ? null : mappings);
	}

	private static RoleMapping.Type mappingType(String type) {
		if ("Token".equals(type)) {
			return RoleMapping.Type.TOKEN;
		}
		if ("Rules".equals(type)) {
			return RoleMapping.Type.RULES;
		}
		throw RefusedException.invalidParameter("RoleMapping Type must be Token or Rules.");
	}

	private static RoleMapping.AmbiguousRoleResolution ambiguous(String value) {
		if ("AuthenticatedRole".equals(value)) {
			return RoleMapping.AmbiguousRoleResolution.AUTHENTICATED_ROLE;
		}
		if ("Deny".equals(value)) {
			return RoleMapping.AmbiguousRoleResolution.DENY;
		}
		throw RefusedException.invalidParameter("AmbiguousRoleResolution must be AuthenticatedRole or Deny.");
	}

	private static MatchType matchType(String value) {
		if (value == null) {
			throw RefusedException.invalidParameter("MatchType is required.");
		}
		return switch (value) {
			case "Equals" -> MatchType.EQUALS;
			case "Contains" -> MatchType.CONTAINS;
			case "StartsWith" -> MatchType.STARTS_WITH;
			case "NotEqual" -> MatchType.NOT_EQUAL;
			default -> throw RefusedException.invalidParameter("MatchType must be Equals, Contains, StartsWith or NotEqual.");
		};
	}

	private static String wire(MatchType type) {
		return switch (type) {
			case EQUALS -> "Equals";
			case CONTAINS -> "Contains";
			case STARTS_WITH -> "StartsWith";
			case NOT_EQUAL -> "NotEqual";
		};
	}

	private static IdentityDescription identity(IdentityView identity) {
		return new IdentityDescription(identity.identityId(), identity.logins(), seconds(identity.creationDate()),
				seconds(identity.lastModifiedDate()));
	}

	private static Double seconds(Instant instant) {
		return instant.toEpochMilli() / 1000.0;
	}

}
