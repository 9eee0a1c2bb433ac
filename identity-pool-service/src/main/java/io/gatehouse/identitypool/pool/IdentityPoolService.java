package io.gatehouse.identitypool.pool;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.gatehouse.boot.ExpiringCache;
import io.gatehouse.identitypool.Refusal;
import io.gatehouse.identitypool.RefusedException;
import io.gatehouse.identitypool.config.GatehouseProperties;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Identity pools: their providers, roles, role mappings and principal tag maps. */
@Service
public class IdentityPoolService {

	private static final Pattern NAME = Pattern.compile("[\\w ]{1,128}");

	private static final Pattern ROLE_ARN = Pattern.compile("arn:[\\w+=/,.@-]+:iam::\\d{12}:role/[\\w+=/,.@-]+");

	private static final Pattern POOL_ID = Pattern.compile("[\\w-]+:[0-9a-f-]+");

	private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, PrincipalTagMap>> TAG_MAPS = new TypeReference<>() {
	};

	private final IdentityPoolRepository repository;

	private final GatehouseProperties gatehouse;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final ExpiringCache<String, PoolSnapshot> snapshots;

	IdentityPoolService(IdentityPoolRepository repository, GatehouseProperties gatehouse, Clock clock,
			IdentityPoolProperties properties) {
		this.repository = repository;
		this.gatehouse = gatehouse;
		this.clock = clock;
		this.snapshots = new ExpiringCache<>(properties.cacheTtl(), clock);
	}

	@Transactional
	public PoolView create(PoolDefinition definition) {
		validate(definition);
		IdentityPool pool = new IdentityPool(this.gatehouse.region() + ":" + UUID.randomUUID(), this.clock.instant());
		define(pool, definition);
		return view(this.repository.save(pool));
	}

	@Transactional(readOnly = true)
	public PoolView describe(String id) {
		return view(find(id));
	}

	@Transactional
	public PoolView update(String id, PoolDefinition definition) {
		IdentityPool pool = find(id);
		validate(definition);
		define(pool, definition);
		this.snapshots.evict(id);
		return view(pool);
	}

	@Transactional
	public void delete(String id) {
		this.repository.delete(find(id));
		this.snapshots.evict(id);
	}

	/** One page of pools by id; the next token is opaque. */
	@Transactional(readOnly = true)
	public Page list(int maxResults, String nextToken) {
		if (maxResults < 1 || maxResults > 60) {
			throw RefusedException.invalidParameter("MaxResults must be between 1 and 60.");
		}
		String after = (nextToken == null) ? "" : decodeToken(nextToken);
		List<IdentityPool> pools = this.repository.findByIdGreaterThanOrderByIdAsc(after, Limit.of(maxResults + 1));
		List<PoolView> page = pools.stream().limit(maxResults).map(this::view).toList();
		String next = (pools.size() > maxResults) ? encodeToken(page.get(page.size() - 1).id()) : null;
		return new Page(page, next);
	}

	@Transactional
	public void setRoles(String id, PoolRoles roles) {
		IdentityPool pool = find(id);
		for (String arn : new String[] { roles.authenticated(), roles.unauthenticated() }) {
			if (arn != null && !ROLE_ARN.matcher(arn).matches()) {
				throw RefusedException.invalidParameter("Roles must be IAM role ARNs.");
			}
		}
		if (roles.mappings().size() > 10) {
			throw RefusedException.invalidParameter("RoleMappings may hold at most 10 providers.");
		}
		PoolDefinition definition = view(pool).definition();
		roles.mappings().forEach((provider, mapping) -> {
			if (!providerNames(definition).contains(provider)) {
				throw RefusedException.invalidParameter("RoleMappings names a provider the pool does not trust: " + provider);
			}
			if (mapping.type() == null || mapping.ambiguousRoleResolution() == null) {
				throw RefusedException.invalidParameter("A role mapping needs Type and AmbiguousRoleResolution.");
			}
			if (mapping.type() == RoleMapping.Type.RULES && (mapping.rules().isEmpty() || mapping.rules().size() > 25)) {
				throw RefusedException.invalidParameter("A Rules mapping needs 1 to 25 rules.");
			}
			for (RoleMapping.Rule rule : mapping.rules()) {
				if (rule.claim() == null || rule.claim().isEmpty() || rule.claim().length() > 64 || rule.value() == null
						|| rule.value().length() > 128 || rule.matchType() == null || rule.roleArn() == null
						|| !ROLE_ARN.matcher(rule.roleArn()).matches()) {
					throw RefusedException.invalidParameter("A mapping rule needs Claim, MatchType, Value and RoleARN.");
				}
			}
		});
		pool.roles(this.json.writeValueAsString(roles));
		this.snapshots.evict(id);
	}

	@Transactional(readOnly = true)
	public PoolRoles getRoles(String id) {
		return roles(find(id));
	}

	@Transactional
	public PrincipalTagMap setPrincipalTagMap(String id, String providerName, PrincipalTagMap map) {
		IdentityPool pool = find(id);
		if (providerName == null || !providerNames(view(pool).definition()).contains(providerName)) {
			throw RefusedException.invalidParameter("IdentityProviderName is not a provider of this identity pool.");
		}
		if (map.tags().size() > 50) {
			throw RefusedException.invalidParameter("PrincipalTags may hold at most 50 tags.");
		}
		Map<String, PrincipalTagMap> maps = new HashMap<>(tagMaps(pool));
		maps.put(providerName, map);
		pool.principalTags(this.json.writeValueAsString(maps));
		this.snapshots.evict(id);
		return map;
	}

	@Transactional(readOnly = true)
	public PrincipalTagMap getPrincipalTagMap(String id, String providerName) {
		IdentityPool pool = find(id);
		if (providerName == null || !providerNames(view(pool).definition()).contains(providerName)) {
			throw RefusedException.invalidParameter("IdentityProviderName is not a provider of this identity pool.");
		}
		return tagMaps(pool).getOrDefault(providerName, new PrincipalTagMap(false, Map.of()));
	}

	/**
	 * What the credentials path needs of a pool, cached for {@code gatehouse.identity-pools.cache-ttl} (the
	 * pool's own changes through this instance are seen at once).
	 */
	public PoolSnapshot snapshot(String id) {
		if (id == null || id.length() > 55 || !POOL_ID.matcher(id).matches()) {
			throw RefusedException.invalidParameter("IdentityPoolId is not a valid identity pool id.");
		}
		return this.snapshots.get(id, (key) -> {
			IdentityPool pool = find(key);
			return new PoolSnapshot(pool.id(), view(pool).definition(), roles(pool), tagMaps(pool));
		});
	}

	private IdentityPool find(String id) {
		if (id == null || id.length() > 55 || !POOL_ID.matcher(id).matches()) {
			throw RefusedException.invalidParameter("IdentityPoolId is not a valid identity pool id.");
		}
		return this.repository.findById(id)
			.orElseThrow(() -> RefusedException.notFound("IdentityPool '" + id + "' not found."));
	}

	private static List<String> providerNames(PoolDefinition definition) {
		java.util.ArrayList<String> names = new java.util.ArrayList<>();
		definition.userPools().forEach((p) -> names.add(p.providerName()));
		names.addAll(definition.supportedLoginProviders().keySet());
		definition.openIdConnectProviderArns().forEach((arn) -> names.add(arn.substring(arn.indexOf("oidc-provider/") + 14)));
		return names;
	}

	private void validate(PoolDefinition definition) {
		if (definition.name() == null || !NAME.matcher(definition.name()).matches()) {
			throw RefusedException.invalidParameter("IdentityPoolName must be 1 to 128 letters, digits, spaces or underscores.");
		}
		if (definition.userPools().size() > 50 || definition.openIdConnectProviderArns().size() > 50
				|| definition.supportedLoginProviders().size() > 10 || definition.tags().size() > 50) {
			throw RefusedException.invalidParameter("Too many providers or tags.");
		}
		for (UserPoolProvider provider : definition.userPools()) {
			if (provider.providerName() == null || provider.providerName().isEmpty()
					|| provider.providerName().length() > 128 || provider.providerName().contains("://")
					|| provider.clientId() == null || provider.clientId().isEmpty() || provider.clientId().length() > 128) {
				throw RefusedException.invalidParameter("CognitoIdentityProviders need ProviderName (issuer without scheme) and ClientId.");
			}
		}
		for (String arn : definition.openIdConnectProviderArns()) {
			if (arn == null || !arn.startsWith(this.gatehouse.iamArn("oidc-provider/"))) {
				throw RefusedException.invalidParameter("OpenIdConnectProviderARNs must be OIDC provider ARNs of this account.");
			}
		}
		if (!definition.samlProviderArns().isEmpty()) {
			throw new RefusedException(Refusal.INVALID_PARAMETER, "SAML providers are not supported.");
		}
	}

	private void define(IdentityPool pool, PoolDefinition definition) {
		StoredProviders providers = new StoredProviders(definition.userPools(), definition.openIdConnectProviderArns(),
				definition.supportedLoginProviders(), definition.samlProviderArns());
		pool.define(definition.name(), definition.allowUnauthenticated(), definition.allowClassicFlow(),
				definition.developerProviderName(), this.json.writeValueAsString(providers),
				this.json.writeValueAsString(definition.tags()));
	}

	private PoolView view(IdentityPool pool) {
		StoredProviders providers = this.json.readValue(pool.providers(), StoredProviders.class);
		return new PoolView(pool.id(), new PoolDefinition(pool.name(), pool.allowUnauthenticated(),
				pool.allowClassicFlow(), providers.supportedLoginProviders(), pool.developerProviderName(),
				providers.openIdConnectProviderArns(), providers.userPools(), providers.samlProviderArns(),
				this.json.readValue(pool.tags(), STRING_MAP)));
	}

	private PoolRoles roles(IdentityPool pool) {
		return this.json.readValue(pool.roles(), PoolRoles.class);
	}

	private Map<String, PrincipalTagMap> tagMaps(IdentityPool pool) {
		return this.json.readValue(pool.principalTags(), TAG_MAPS);
	}

	private static String encodeToken(String id) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
	}

	private static String decodeToken(String token) {
		try {
			return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw RefusedException.invalidParameter("NextToken is not valid.");
		}
	}

	public record Page(List<PoolView> pools, String nextToken) {
	}

}
