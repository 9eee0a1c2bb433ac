package io.gatehouse.identitypool.identity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.gatehouse.identitypool.Refusal;
import io.gatehouse.identitypool.RefusedException;
import io.gatehouse.identitypool.config.GatehouseProperties;
import io.gatehouse.identitypool.credentials.CredentialsIssuer;
import io.gatehouse.identitypool.credentials.TemporaryCredentials;
import io.gatehouse.identitypool.openid.OpenIdTokens;
import io.gatehouse.identitypool.pool.IdentityPoolService;
import io.gatehouse.identitypool.pool.PoolSnapshot;
import io.gatehouse.identitypool.provider.LoginVerifier;
import io.gatehouse.identitypool.provider.VerifiedLogin;
import io.gatehouse.identitypool.role.RolePolicies;
import io.gatehouse.identitypool.role.RoleService;
import io.gatehouse.shared.policy.Principal;
import io.gatehouse.shared.policy.RequestContext;

import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Identities of identity pools, and the enhanced (simplified) authflow: {@code GetId}, then
 * {@code GetCredentialsForIdentity}. Tokens are verified outside any database transaction (verification
 * may fetch a provider's keys); only the short reads and writes around it are transactional.
 */
@Service
public final class IdentityService {

	public static final String COGNITO_IDENTITY = "cognito-identity.amazonaws.com";

	private static final Pattern IDENTITY_ID = Pattern.compile("[\\w-]+:[0-9a-f-]+");

	private final IdentityRepository identities;

	private final IdentityLoginRepository logins;

	private final IdentityPoolService pools;

	private final LoginVerifier verifier;

	private final RoleService roles;

	private final CredentialsIssuer issuer;

	private final GatehouseProperties gatehouse;

	private final Clock clock;

	private final OpenIdTokens openIdTokens;

	private final TransactionTemplate transaction;

	private final TransactionTemplate readOnly;

	private final JdbcClient jdbc;

	IdentityService(IdentityRepository identities, IdentityLoginRepository logins, IdentityPoolService pools,
			LoginVerifier verifier, RoleService roles, CredentialsIssuer issuer, GatehouseProperties gatehouse,
			OpenIdTokens openIdTokens, Clock clock, PlatformTransactionManager transactionManager, JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.identities = identities;
		this.logins = logins;
		this.pools = pools;
		this.verifier = verifier;
		this.roles = roles;
		this.issuer = issuer;
		this.gatehouse = gatehouse;
		this.clock = clock;
		this.openIdTokens = openIdTokens;
		this.transaction = new TransactionTemplate(transactionManager);
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * The identity for these logins, created on first use; without logins a new guest identity, only where
	 * the pool allows guests.
	 */
	public String getId(String poolId, Map<String, String> loginTokens) {
		PoolSnapshot pool = this.pools.snapshot(poolId);
		if (loginTokens.isEmpty()) {
			pool.requireGuestsAllowed();
			return this.transaction.execute((status) -> create(pool.id()).id());
		}
		List<VerifiedLogin> verified = this.verifier.verify(loginTokens, pool.trustedProviders());
		return this.transaction.execute((status) -> {
			String owner = singleOwner(pool.id(), verified);
			if (owner != null) {
				linkAll(pool.id(), verified, owner);
				return owner;
			}
			Identity created = create(pool.id());
			String winner = linkAll(pool.id(), verified, created.id());
			if (!winner.equals(created.id())) {
				// A concurrent GetId linked the same login first: use its identity, drop ours.
				this.identities.delete(created);
			}
			return winner;
		});
	}

	/**
	 * Credentials for an identity. A guest identity presented with logins becomes the authenticated
	 * identity of those logins, keeping its id; if the logins already belong to another identity, the guest
	 * is merged into that one.
	 */
	public IssuedCredentials getCredentialsForIdentity(String identityId, Map<String, String> loginTokens,
			String customRoleArn) {
		Authenticated authenticated = authenticate(identityId, loginTokens);
		PoolSnapshot pool = authenticated.pool();
		String role = authenticated.verified().isEmpty() ? pool.unauthenticatedRole()
				: pool.authenticatedRole(authenticated.verified(), customRoleArn);
		requireTrust(role, pool.id(), authenticated.identityId(), authenticated.amr());
		TemporaryCredentials credentials = this.issuer.issue(authenticated.identityId(), pool.id(), role,
				authenticated.amr(), authenticated.principalTags());
		return new IssuedCredentials(authenticated.identityId(), credentials);
	}

	/**
	 * An OpenID token of this service's issuer for an identity (the basic flow's {@code GetOpenIdToken}),
	 * with the same proof as {@link #getCredentialsForIdentity}: logins of the identity, or none for a guest
	 * of a pool that allows guests. No role is chosen here; whoever trusts the token (STS
	 * AssumeRoleWithWebIdentity, any OIDC relying party) decides with its {@code aud}, {@code sub} and
	 * {@code amr}.
	 */
	public IssuedOpenIdToken getOpenIdToken(String identityId, Map<String, String> loginTokens) {
		Authenticated authenticated = authenticate(identityId, loginTokens);
		OpenIdTokens.OpenIdToken token = this.openIdTokens.issue(authenticated.identityId(),
				authenticated.pool().id(), authenticated.amr(), authenticated.principalTags());
		return new IssuedOpenIdToken(authenticated.identityId(), token.token());
	}

	/**
	 * Checks the logins presented for an identity (none for a guest) and links them to it. The common case,
	 * logins that are already the identity's own, costs one indexed read and writes nothing; anything else
	 * (a guest becoming authenticated, a new login linked, a merge) goes through {@link #attach}.
	 */
	private Authenticated authenticate(String identityId, Map<String, String> loginTokens) {
		KnownIdentity identity = lookup(identityId);
		PoolSnapshot pool = this.pools.snapshot(identity.poolId());
		if (loginTokens.isEmpty()) {
			if (!identity.logins().isEmpty()) {
				throw RefusedException.notAuthorized("Access to Identity '" + identityId + "' is forbidden.");
			}
			pool.requireGuestsAllowed();
			return new Authenticated(identityId, pool, List.of(), List.of("unauthenticated"), Map.of());
		}
		List<VerifiedLogin> verified = this.verifier.verify(loginTokens, pool.trustedProviders());
		String owner = identity.owns(verified) ? identityId
				: this.transaction.execute((status) -> attach(pool.id(), identityId, verified));
		return new Authenticated(owner, pool, verified, amr(verified), pool.principalTags(verified));
	}

	/** The identity's pool and linked logins, in one read outside any transaction. */
	private KnownIdentity lookup(String identityId) {
		requireIdentityId(identityId);
		List<String[]> rows = this.jdbc
			.sql("SELECT i.pool_id, l.provider, l.subject FROM identity_pool.identity i"
					+ " LEFT JOIN identity_pool.identity_login l ON l.identity_id = i.id WHERE i.id = ?")
			.param(identityId)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.list();
		if (rows.isEmpty()) {
			throw RefusedException.notFound("Identity '" + identityId + "' not found.");
		}
		Set<List<String>> logins = new HashSet<>();
		for (String[] row : rows) {
			if (row[1] != null) {
				logins.add(List.of(row[1], row[2]));
			}
		}
		return new KnownIdentity(rows.get(0)[0], logins);
	}

	/** @param logins (provider, subject) pairs linked to the identity */
	private record KnownIdentity(String poolId, Set<List<String>> logins) {

		boolean owns(List<VerifiedLogin> verified) {
			for (VerifiedLogin login : verified) {
				if (!this.logins.contains(List.of(login.provider(), login.subject()))) {
					return false;
				}
			}
			return true;
		}

	}

	private record Authenticated(String identityId, PoolSnapshot pool, List<VerifiedLogin> verified,
			List<String> amr, Map<String, String> principalTags) {
	}

	/** Removes logins from an identity; the caller proves ownership with a login of that identity. */
	public void unlinkIdentity(String identityId, Map<String, String> loginTokens, List<String> loginsToRemove) {
		Identity identity = this.readOnly.execute((status) -> find(identityId));
		PoolSnapshot pool = this.pools.snapshot(identity.poolId());
		if (loginTokens.isEmpty()) {
			throw RefusedException.notAuthorized("Unlinking requires a login of the identity.");
		}
		List<VerifiedLogin> verified = this.verifier.verify(loginTokens, pool.trustedProviders());
		this.transaction.executeWithoutResult((status) -> {
			for (VerifiedLogin login : verified) {
				String owner = this.logins.findByPoolIdAndProviderAndSubject(pool.id(), login.provider(), login.subject())
					.map(IdentityLogin::identityId)
					.orElse(null);
				if (!identityId.equals(owner)) {
					throw RefusedException.notAuthorized("The logins do not belong to identity '" + identityId + "'.");
				}
			}
			this.logins.unlink(identityId, loginsToRemove);
			find(identityId).modified(this.clock.instant());
		});
	}

	public IdentityView describe(String identityId) {
		return this.readOnly.execute((status) -> view(find(identityId)));
	}

	public Page list(String poolId, int maxResults, String nextToken) {
		if (maxResults < 1 || maxResults > 60) {
			throw RefusedException.invalidParameter("MaxResults must be between 1 and 60.");
		}
		this.pools.describe(poolId);
		String after = (nextToken == null) ? "" : decode(nextToken);
		return this.readOnly.execute((status) -> {
			List<Identity> found = this.identities.findByPoolIdAndIdGreaterThanOrderByIdAsc(poolId, after,
					Limit.of(maxResults + 1));
			List<IdentityView> page = found.stream().limit(maxResults).map(this::view).toList();
			String next = (found.size() > maxResults) ? encode(page.get(page.size() - 1).identityId()) : null;
			return new Page(page, next);
		});
	}

	/** Deletes identities; answers the ids that could not be deleted. */
	public List<String> delete(List<String> identityIds) {
		if (identityIds.isEmpty() || identityIds.size() > 60) {
			throw RefusedException.invalidParameter("IdentityIdsToDelete must hold 1 to 60 ids.");
		}
		List<String> unprocessed = new ArrayList<>();
		this.transaction.executeWithoutResult((status) -> {
			for (String id : identityIds) {
				Optional<Identity> identity = (id != null && IDENTITY_ID.matcher(id).matches())
						? this.identities.findById(id) : Optional.empty();
				if (identity.isPresent()) {
					this.identities.delete(identity.get());
				}
				else {
					unprocessed.add(id);
				}
			}
		});
		return unprocessed;
	}

	private String attach(String poolId, String identityId, List<VerifiedLogin> verified) {
		Identity identity = find(identityId);
		List<IdentityLogin> own = this.logins.findByIdentityIdOrderByProviderAsc(identityId);
		String owner = singleOwner(poolId, verified);
		if (owner != null && !owner.equals(identityId)) {
			if (!own.isEmpty()) {
				throw new RefusedException(Refusal.CONFLICT, "The logins are linked to another identity.");
			}
			// A guest presenting logins that already have an identity is merged into that identity.
			this.identities.delete(identity);
			linkAll(poolId, verified, owner);
			return owner;
		}
		if (owner == null && !own.isEmpty()) {
			throw RefusedException.notAuthorized("The logins do not belong to identity '" + identityId + "'.");
		}
		String winner = linkAll(poolId, verified, identityId);
		if (!winner.equals(identityId)) {
			throw new RefusedException(Refusal.CONFLICT, "The logins are linked to another identity.");
		}
		identity.modified(this.clock.instant());
		return identityId;
	}

	/** The one identity these logins already belong to, or null; two different ones conflict. */
	private String singleOwner(String poolId, List<VerifiedLogin> verified) {
		Set<String> owners = new LinkedHashSet<>();
		for (VerifiedLogin login : verified) {
			this.logins.findByPoolIdAndProviderAndSubject(poolId, login.provider(), login.subject())
				.ifPresent((found) -> owners.add(found.identityId()));
		}
		if (owners.size() > 1) {
			throw new RefusedException(Refusal.CONFLICT, "The logins belong to different identities.");
		}
		return owners.isEmpty() ? null : owners.iterator().next();
	}

	/** Links every login to the identity; answers the identity that owns them afterwards. */
	private String linkAll(String poolId, List<VerifiedLogin> verified, String identityId) {
		Instant now = this.clock.instant();
		String winner = identityId;
		for (VerifiedLogin login : verified) {
			if (this.logins.link(poolId, login.provider(), login.subject(), identityId, now) == 0) {
				String owner = this.logins.findByPoolIdAndProviderAndSubject(poolId, login.provider(), login.subject())
					.map(IdentityLogin::identityId)
					.orElse(identityId);
				if (!owner.equals(identityId)) {
					winner = owner;
				}
			}
		}
		return winner;
	}

	private void requireTrust(String roleArn, String poolId, String identityId, List<String> amr) {
		RolePolicies role = this.roles.policiesOf(roleArn)
			.orElseThrow(() -> new RefusedException(Refusal.INVALID_POOL_CONFIGURATION,
					"Invalid identity pool configuration. Check assigned IAM roles for this pool."));
		RequestContext context = RequestContext.builder("sts:AssumeRoleWithWebIdentity")
			.principal(Principal.federated(COGNITO_IDENTITY))
			.key(COGNITO_IDENTITY + ":aud", poolId)
			.key(COGNITO_IDENTITY + ":sub", identityId)
			.key(COGNITO_IDENTITY + ":amr", amr)
			.currentTime(this.clock.instant())
			.build();
		if (!role.trustPolicy().evaluate(context).isAllowed()) {
			throw new RefusedException(Refusal.INVALID_POOL_CONFIGURATION,
					"Invalid identity pool configuration. Check assigned IAM roles for this pool.");
		}
	}

	private static List<String> amr(List<VerifiedLogin> verified) {
		List<String> amr = new ArrayList<>();
		amr.add("authenticated");
		for (VerifiedLogin login : verified) {
			amr.add(login.provider());
			if (login.userPool()) {
				amr.add(login.provider() + ":CognitoSignIn:" + login.subject());
			}
		}
		return amr;
	}

	private Identity create(String poolId) {
		return this.identities.save(new Identity(this.gatehouse.region() + ":" + UUID.randomUUID(), poolId,
				this.clock.instant()));
	}

	private static void requireIdentityId(String identityId) {
		if (identityId == null || identityId.length() > 55 || !IDENTITY_ID.matcher(identityId).matches()) {
			throw RefusedException.invalidParameter("IdentityId is not a valid identity id.");
		}
	}

	private Identity find(String identityId) {
		requireIdentityId(identityId);
		return this.identities.findById(identityId)
			.orElseThrow(() -> RefusedException.notFound("Identity '" + identityId + "' not found."));
	}

	private IdentityView view(Identity identity) {
		List<String> providers = this.logins.findByIdentityIdOrderByProviderAsc(identity.id())
			.stream()
			.map(IdentityLogin::provider)
			.distinct()
			.toList();
		return new IdentityView(identity.id(), providers, identity.createdAt(), identity.lastModifiedAt());
	}

	private static String encode(String id) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
	}

	private static String decode(String token) {
		try {
			return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw RefusedException.invalidParameter("NextToken is not valid.");
		}
	}

	public record Page(List<IdentityView> identities, String nextToken) {
	}

}
