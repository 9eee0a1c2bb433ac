package io.gatehouse.userpool.token;

import java.net.URI;
import java.net.URL;
import java.security.Principal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.gatehouse.userpool.auth.PoolUserAuthentication;
import io.gatehouse.userpool.group.GroupMembership;
import io.gatehouse.userpool.group.GroupService;
import io.gatehouse.userpool.user.User;
import io.gatehouse.userpool.user.UserService;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Spring Authorization Server's authorizations on Gatehouse's own tables ({@code oauth2_authorization},
 * {@code oauth2_token}). Unlike the stock JDBC service, a token value is never stored: only its SHA-256, which
 * is the primary key a presented token is looked up by. An authorization is a token family: refreshes add
 * tokens to it, and revoking it ends all of them.
 * <p>
 * Safety rules enforced here, whatever endpoint or door drives the pipeline:
 * <ul>
 * <li>Refresh rotation is claimed with one conditional {@code UPDATE} of the presented refresh token, under a
 * row lock on the authorization, so of several concurrent presentations exactly one succeeds (unless the client
 * has a retry grace period, below).</li>
 * <li>A refresh token that was already rotated is replay: the whole family is revoked and the token is
 * unknown.</li>
 * <li>An authorization code is claimed the same way; a code presented again (or concurrently) revokes what
 * it issued.</li>
 * <li>Lookups only see authorizations of the pool whose issuer is being served.</li>
 * </ul>
 * <h2>Clients that do not rotate</h2>
 * {@code RefreshTokenRotation.Feature=DISABLED} is {@code TokenSettings.reuseRefreshTokens(true)}: Spring
 * Authorization Server issues access and ID tokens only and saves the authorization with the loaded refresh
 * token, which is never marked rotated here. Presenting it again, also concurrently, is ordinary use until it
 * expires or is revoked (RevokeToken, GlobalSignOut, password reset, disabling the user).
 * <h2>Retry grace period</h2>
 * A rotating client may set {@code RetryGracePeriodSeconds} (0 to 60) so that a client whose refresh response
 * was lost can retry with the token it still holds. The rules are chosen so that the grace period never lets
 * two holders keep one family alive side by side:
 * <ul>
 * <li>A rotated refresh token presented again within the grace period after its rotation succeeds (new access,
 * ID and refresh tokens; the family lives on) only while the client has not shown that it holds a newer token.
 * It must be the token most recently used in its family (a retry of that very request) or a token issued for
 * that use (a response that arrived after all). Once any later token has been used, the older one is replay and
 * revokes the family, grace period or not. The family records its last used refresh token
 * ({@code last_refreshed_with}) and each refresh token the one it was issued for ({@code refreshed_from}).</li>
 * <li>A family has at most one current refresh token. The successor issued to a retry supersedes the one
 * issued to the lost response: that one counts as rotated at that moment, so it is accepted for one grace period
 * (the client may have received both responses) and is replay afterwards.</li>
 * <li>Within the grace period, concurrent presentations of one token all succeed, each superseding the
 * previous successor; with no grace period exactly one succeeds.</li>
 * <li>Within its window a rotated token is as good as the current one at the other endpoints too: introspection
 * calls it active, and revoking it revokes the family.</li>
 * </ul>
 * Tokens other than the one presented come back with a placeholder value (their value is not known any
 * more); Spring Authorization Server only needs their metadata and claims.
 */
@Component
public final class HashedTokenAuthorizationService implements OAuth2AuthorizationService {

	/** Token metadata: the value the token had when loaded, to tell loaded tokens from newly issued ones. */
	static final String LOADED_VALUE = "gatehouse.loaded-value";

	/** Token metadata: the stored hash of a loaded token (its value may be a placeholder). */
	static final String LOADED_HASH = "gatehouse.loaded-hash";

	/** Token metadata: whether a loaded token was already invalid when loaded. */
	static final String LOADED_INVALIDATED = "gatehouse.loaded-invalidated";

	/**
	 * Authorization attribute (never stored): the authorization was read from the database. It survives the
	 * copies Spring makes while refreshing, when every token in it may already be a new one.
	 */
	static final String STORED_AUTHORIZATION = "gatehouse.stored-authorization";

	/** Authorization attribute (never stored): the hash of the refresh token a refresh was requested with. */
	static final String PRESENTED_REFRESH_TOKEN = "gatehouse.presented-refresh-token";

	/** Token setting written by the app client feature: {@code RefreshTokenRotation.RetryGracePeriodSeconds}. */
	static final String REFRESH_TOKEN_RETRY_GRACE_PERIOD = "gatehouse.refresh-token-retry-grace-period";

	private static final int MAX_TOKEN_LENGTH = 16_384;

	/**
	 * The current tokens of authorization {@code a} as {@code t}, each looked up by the hash its pointer holds
	 * (see {@link TokenKind#pointer()}). That a token belongs to the family is checked on the rows read
	 * ({@link #ofFamily}), not here: with {@code t.authorization_id = a.id} in the query, PostgreSQL could read
	 * the family index instead, whose entries grow by three with every refresh of the family.
	 */
	private static final String CURRENT_TOKENS = " CROSS JOIN LATERAL unnest(ARRAY[a.current_code, a.current_access,"
			+ " a.current_refresh, a.current_id]) AS current_token (hash)"
			+ " JOIN user_pool.oauth2_token t ON t.token_hash = current_token.hash";

	/** The prefix of the user's columns in {@link #FAMILY_BY_TOKEN}. */
	private static final String SUBJECT = "subject_";

	/**
	 * A presented token, its authorization and the authorization's current tokens, in one round trip (the
	 * presented token's hash is its two parameters). Two arms so that each uses an index: one condition with an
	 * OR across them scanned every token. The presented token's row also carries the family's user and the
	 * user's groups, which minting new tokens needs next (a refresh, a code exchange): reading them here saves a
	 * refresh two of its four round trips. The user is one index lookup whatever the table's size (a plain
	 * join let a small table be hashed whole on every call); other lookups pay that read and an empty aggregate.
	 */
	static final String FAMILY_BY_TOKEN = "SELECT family.*, " + UserService.plainColumns("u", SUBJECT)
			+ ", memberships.* FROM (SELECT a.*, t.*, true AS presented FROM user_pool.oauth2_token t"
			+ " JOIN user_pool.oauth2_authorization a ON a.id = t.authorization_id WHERE t.token_hash = ?"
			+ " UNION ALL SELECT a.*, t.*, false AS presented FROM user_pool.oauth2_token p"
			+ " JOIN user_pool.oauth2_authorization a ON a.id = p.authorization_id"
			+ CURRENT_TOKENS + " WHERE p.token_hash = ? AND t.token_hash <> p.token_hash) family"
			// OFFSET 0 keeps the subquery from being flattened into a join the planner may hash.
			+ " LEFT JOIN LATERAL (SELECT * FROM user_pool.user_account u WHERE family.presented"
			+ " AND u.pool_id = family.pool_id AND u.sub = family.user_sub OFFSET 0) u ON true"
			+ " LEFT JOIN LATERAL " + GroupService.membershipArrays("family.pool_id", "family.user_sub")
			+ " ON family.presented";

	/** Whether an access token (by jti) of a pool is unexpired and not revoked; served by the access-jti index. */
	static final String ACCESS_TOKEN_ACTIVE = "SELECT EXISTS (SELECT 1 FROM user_pool.oauth2_token t"
			+ " JOIN user_pool.oauth2_authorization a ON a.id = t.authorization_id WHERE t.jti = ?"
			+ " AND t.token_type = 'access_token' AND a.pool_id = ? AND NOT t.invalidated AND a.revoked_at IS NULL"
			+ " AND t.expires_at > ?)";

	/** Every token of a family but its ID tokens (see {@link #invalidateTokens}). */
	static final String INVALIDATE_FAMILY = "UPDATE user_pool.oauth2_token SET invalidated = true"
			+ " WHERE authorization_id = ? AND NOT invalidated AND token_type <> 'id_token'";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final RegisteredClientRepository clients;

	private final Clock clock;

	HashedTokenAuthorizationService(JdbcClient jdbc, PlatformTransactionManager transactions,
			RegisteredClientRepository clients, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.clients = clients;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		Assert.notNull(authorization, "authorization cannot be null");
		if (rotatedInOneStatement(authorization)) {
			return;
		}
		Boolean saved = this.transaction.execute((status) -> saveInTransaction(authorization));
		if (!Boolean.TRUE.equals(saved)) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
		}
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		Assert.notNull(authorization, "authorization cannot be null");
		this.jdbc.sql("DELETE FROM user_pool.oauth2_authorization WHERE id = ?").param(authorization.getId()).update();
	}

	@Override
	public OAuth2Authorization findById(String id) {
		if (!StringUtils.hasText(id) || id.length() > 100) {
			return null;
		}
		AuthorizationRow authorization = authorizationRow(id);
		if (authorization == null || !visible(authorization)) {
			return null;
		}
		return build(authorization, currentTokens(id), null, null);
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		if (!StringUtils.hasText(token) || token.length() > MAX_TOKEN_LENGTH) {
			return null;
		}
		TokenKind wanted = (tokenType != null) ? TokenKind.of(tokenType.getValue()) : null;
		if (tokenType != null && wanted == null) {
			return null;
		}
		byte[] hash = TokenHashes.sha256(token);
		// One round trip: the presented token, its authorization and the authorization's current tokens.
		List<FamilyRow> family = this.jdbc
			.sql(FAMILY_BY_TOKEN)
			.param(hash)
			.param(hash)
			.query((rs, n) -> {
				boolean presented = rs.getBoolean("presented");
				return new FamilyRow(authorizationRow(rs, n), tokenRow(rs, n), presented,
						presented ? new Subject(UserService.plainUser(rs, SUBJECT), GroupService.memberships(rs)) : null);
			})
			.list();
		FamilyRow presented = family.stream().filter(FamilyRow::presented).findFirst().orElse(null);
		if (presented == null || (wanted != null && presented.token().kind() != wanted)) {
			return null;
		}
		AuthorizationRow authorization = presented.authorization();
		if (!visible(authorization)) {
			return null;
		}
		TokenRow row = presented.token();
		if (row.kind() == TokenKind.REFRESH && row.rotatedAt() != null && !isRetryWithinGracePeriod(authorization, row)) {
			// Replay of a rotated refresh token: whoever holds the family now may be an attacker.
			revokeFamily(authorization.id());
			return null;
		}
		List<TokenRow> current = ofFamily(authorization.id(),
				family.stream().filter((member) -> !member.presented()).map(FamilyRow::token).toList());
		if (authorization.userSub() != null && !TransactionSynchronizationManager.isActualTransactionActive()) {
			// Read outside a transaction, as the token customizer's own reads would be: it uses these instead.
			Subject subject = presented.subject();
			CognitoTokenCustomizer.prefetched(authorization.poolId(), authorization.userSub(),
					Optional.ofNullable(subject.user()), subject.groups());
		}
		return build(authorization, current, row, token);
	}

	/** Revokes one authorization and every token issued from it (its ID tokens stay usable as id_token_hint). */
	public void revokeFamily(String authorizationId) {
		this.transaction.executeWithoutResult((status) -> revokeFamilyInTransaction(authorizationId));
	}

	/** Revokes every authorization of a user at a pool; returns how many were active. */
	int revokeAll(String poolId, UUID sub) {
		Integer revoked = this.transaction.execute((status) -> {
			List<String> ids = this.jdbc
				.sql("UPDATE user_pool.oauth2_authorization SET revoked_at = ? WHERE pool_id = ? AND user_sub = ?"
						+ " AND revoked_at IS NULL RETURNING id")
				.params(Timestamp.from(now()), poolId, sub)
				.query(String.class)
				.list();
			for (String id : ids) {
				invalidateTokens(id);
			}
			return ids.size();
		});
		return (revoked != null) ? revoked : 0;
	}

	/** Whether an access token (by {@code jti}) of the pool is known, unexpired, not revoked. */
	boolean isAccessTokenActive(String poolId, String jti) {
		if (!StringUtils.hasText(jti) || jti.length() > 64) {
			return false;
		}
		return this.jdbc.sql(ACCESS_TOKEN_ACTIVE)
			.params(jti, poolId, Timestamp.from(now()))
			.query(Boolean.class)
			.single();
	}

	/**
	 * Whether a sign-in (an authorization, by id: a token's {@code origin_jti}) of the pool is still active for
	 * this user and client: not revoked, and its user still there and enabled. One statement, on primary keys;
	 * a deleted user's authorizations are gone with them.
	 */
	boolean isSignInActive(String poolId, String authorizationId, UUID sub, String clientId) {
		if (!StringUtils.hasText(authorizationId) || authorizationId.length() > 100 || clientId.length() > 128) {
			return false;
		}
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM user_pool.oauth2_authorization a JOIN user_pool.user_account u"
					+ " ON u.sub = a.user_sub WHERE a.id = ? AND a.pool_id = ? AND a.user_sub = ? AND a.client_id = ?"
					+ " AND a.revoked_at IS NULL AND u.pool_id = a.pool_id AND u.enabled)")
			.params(authorizationId, poolId, sub, clientId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * The usual refresh in one statement and one round trip, with no transaction around it: under the
	 * authorization's row lock, claim the presented refresh token and, only if that succeeded, insert the new
	 * tokens and point the family at them. Anything else (a revoked family, a token already rotated, which may be
	 * a retry within the grace period, tokens invalidated by this save) is left to {@link #saveInTransaction},
	 * and nothing has changed when this returns false.
	 */
	private boolean rotatedInOneStatement(OAuth2Authorization authorization) {
		String presented = authorization.getAttribute(PRESENTED_REFRESH_TOKEN);
		OAuth2Authorization.Token<OAuth2RefreshToken> refresh = authorization.getRefreshToken();
		if (presented == null || refresh == null || loaded(refresh)
				|| authorization.getAttribute(STORED_AUTHORIZATION) == null) {
			return false;
		}
		for (TokenKind kind : TokenKind.values()) {
			OAuth2Authorization.Token<?> token = authorization.getToken(kind.type());
			if (token != null && loaded(token) && invalidatedNow(token)) {
				return false;
			}
		}
		requirePool(authorization);
		byte[] refreshedFrom = TokenHashes.fromBase64(presented);
		NewTokens tokens = newTokens(authorization, newlyIssued(authorization), refreshedFrom);
		List<Object> params = new ArrayList<>(List.of(authorization.getId(), Timestamp.from(now()), refreshedFrom,
				authorization.getId()));
		params.addAll(tokens.rowParams());
		params.addAll(tokens.pointerParams());
		// Each later part runs only if the claim did; the lock comes first because the claim reads it.
		Boolean rotated = this.jdbc
			.sql("WITH lock AS (SELECT revoked_at FROM user_pool.oauth2_authorization WHERE id = ? FOR UPDATE),"
					+ " claim AS (UPDATE user_pool.oauth2_token SET rotated_at = ? WHERE token_hash = ?"
					+ " AND authorization_id = ? AND token_type = 'refresh_token' AND rotated_at IS NULL"
					+ " AND NOT invalidated AND EXISTS (SELECT 1 FROM lock WHERE revoked_at IS NULL) RETURNING 1),"
					+ " inserted AS (INSERT INTO user_pool.oauth2_token (" + NewTokens.COLUMNS + ")"
					+ " SELECT * FROM (VALUES " + tokens.rows() + ") AS v WHERE EXISTS (SELECT 1 FROM claim)),"
					+ " moved AS (UPDATE user_pool.oauth2_authorization SET " + tokens.pointers()
					+ " WHERE id = ? AND EXISTS (SELECT 1 FROM claim))"
					+ " SELECT EXISTS (SELECT 1 FROM claim)")
			.params(params)
			.query(Boolean.class)
			.single();
		return Boolean.TRUE.equals(rotated);
	}

	/** The pool of the authorization's client, which must be the pool being served (if any). */
	private String requirePool(OAuth2Authorization authorization) {
		RegisteredClient client = this.clients.findByClientId(authorization.getRegisteredClientId());
		String poolId = (client != null) ? client.getClientSettings().getSetting(CognitoTokenCustomizer.USER_POOL_ID)
				: null;
		if (poolId == null) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
		}
		String contextPool = PoolAuthorizationServerContext.currentPoolId();
		if (contextPool != null && !contextPool.equals(poolId)) {
			throw new IllegalStateException("an authorization of another pool's client");
		}
		return poolId;
	}

	private boolean saveInTransaction(OAuth2Authorization authorization) {
		String poolId = requirePool(authorization);
		if (authorization.getAttribute(STORED_AUTHORIZATION) == null && !anyLoaded(authorization)) {
			insertIfAbsent(authorization, poolId);
		}
		// Serializes every change to one family: the checks below see the committed result of the previous one.
		// A family deleted meanwhile (its user was) counts as revoked.
		boolean revoked = this.jdbc
			.sql("SELECT revoked_at IS NOT NULL FROM user_pool.oauth2_authorization WHERE id = ? FOR UPDATE")
			.param(authorization.getId())
			.query(Boolean.class)
			.optional()
			.orElse(true);

		List<TokenKind> issued = newlyIssued(authorization);
		if (!issued.isEmpty() && revoked) {
			return false;
		}

		OAuth2Authorization.Token<OAuth2AuthorizationCode> code = authorization.getToken(OAuth2AuthorizationCode.class);
		if (code != null && loaded(code) && invalidatedNow(code)) {
			int claimed = invalidate(code);
			if (claimed == 0 && !issued.isEmpty()) {
				// The code was used before (or concurrently): revoke what it issued, issue nothing.
				revokeFamilyInTransaction(authorization.getId());
				return false;
			}
		}

		OAuth2Authorization.Token<OAuth2RefreshToken> refresh = authorization.getRefreshToken();
		String presented = authorization.getAttribute(PRESENTED_REFRESH_TOKEN);
		byte[] refreshedFrom = null;
		if (refresh != null && !loaded(refresh) && presented != null) {
			refreshedFrom = TokenHashes.fromBase64(presented);
			if (!claimForRotation(authorization.getId(), refreshedFrom)) {
				// Another presentation of the same refresh token won, and this one is no retry within a grace period.
				return false;
			}
		}

		for (TokenKind kind : List.of(TokenKind.ACCESS, TokenKind.REFRESH, TokenKind.ID)) {
			OAuth2Authorization.Token<?> token = authorization.getToken(kind.type());
			if (token != null && loaded(token) && invalidatedNow(token)) {
				int changed = invalidate(token);
				if (kind == TokenKind.REFRESH && changed > 0) {
					// Revocation of a refresh token (RFC 7009 §2.1) or a reused code: the family ends.
					revokeFamilyInTransaction(authorization.getId());
				}
			}
		}

		insertTokens(authorization, issued, refreshedFrom);
		return true;
	}

	/** The kinds of token this save adds to the family (those not loaded from the database). */
	private static List<TokenKind> newlyIssued(OAuth2Authorization authorization) {
		List<TokenKind> issued = new ArrayList<>();
		for (TokenKind kind : TokenKind.values()) {
			OAuth2Authorization.Token<?> token = authorization.getToken(kind.type());
			if (token != null && !loaded(token)) {
				issued.add(kind);
			}
		}
		return issued;
	}

	/** Whether the authorization was read from the database (it has a token loaded from there). */
	private static boolean anyLoaded(OAuth2Authorization authorization) {
		for (TokenKind kind : TokenKind.values()) {
			OAuth2Authorization.Token<?> token = authorization.getToken(kind.type());
			if (token != null && loaded(token)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Marks the presented (current) refresh token rotated, or accepts an already rotated one again as a retry
	 * within the client's grace period, superseding the family's current refresh token. Either way the presented
	 * token becomes the family's last used one when the new tokens are inserted ({@link #insertTokens}). Runs
	 * under the authorization's row lock.
	 */
	private boolean claimForRotation(String authorizationId, byte[] presented) {
		Timestamp now = Timestamp.from(now());
		// The usual case: the presented token is current, and becomes rotated.
		int rotated = this.jdbc
			.sql("UPDATE user_pool.oauth2_token SET rotated_at = ? WHERE token_hash = ? AND authorization_id = ?"
					+ " AND token_type = 'refresh_token' AND rotated_at IS NULL AND NOT invalidated")
			.params(now, presented, authorizationId)
			.update();
		if (rotated == 0) {
			AuthorizationRow authorization = authorizationRow(authorizationId);
			TokenRow token = this.jdbc.sql("SELECT * FROM user_pool.oauth2_token WHERE token_hash = ?")
				.param(presented)
				.query(HashedTokenAuthorizationService::tokenRow)
				.optional()
				.orElse(null);
			if (authorization == null || token == null || token.kind() != TokenKind.REFRESH
					|| !token.authorizationId().equals(authorizationId) || token.rotatedAt() == null
					|| !isRetryWithinGracePeriod(authorization, token)) {
				return false;
			}
			// The successor issued to the earlier (lost) response is current no more: it counts as rotated now.
			this.jdbc
				.sql("UPDATE user_pool.oauth2_token SET rotated_at = ? WHERE token_hash = (SELECT current_refresh"
						+ " FROM user_pool.oauth2_authorization WHERE id = ?) AND authorization_id = ?"
						+ " AND token_type = 'refresh_token' AND rotated_at IS NULL")
				.params(now, authorizationId, authorizationId)
				.update();
		}
		return true;
	}

	/**
	 * Whether a rotated refresh token presented again is a client's retry rather than replay: its client rotates
	 * with a retry grace period that has not run out since the token was rotated (or superseded), the family is
	 * alive, and the client has not used a newer token since (see the class comment).
	 */
	private boolean isRetryWithinGracePeriod(AuthorizationRow authorization, TokenRow token) {
		byte[] lastUsed = authorization.lastRefreshedWith();
		if (token.invalidated() || authorization.revokedAt() != null || lastUsed == null
				|| !(Arrays.equals(lastUsed, token.hash()) || Arrays.equals(lastUsed, token.refreshedFrom()))) {
			return false;
		}
		Duration grace = retryGracePeriod(authorization.clientId());
		return !grace.isZero() && !now().isAfter(token.rotatedAt().plus(grace));
	}

	private Duration retryGracePeriod(String clientId) {
		RegisteredClient client = this.clients.findByClientId(clientId);
		Duration grace = (client != null) ? client.getTokenSettings().getSetting(REFRESH_TOKEN_RETRY_GRACE_PERIOD) : null;
		return (grace != null && !grace.isNegative()) ? grace : Duration.ZERO;
	}

	private void insertIfAbsent(OAuth2Authorization authorization, String poolId) {
		Object principal = authorization.getAttribute(Principal.class.getName());
		PoolUserAuthentication user = (principal instanceof PoolUserAuthentication poolUser) ? poolUser : null;
		if (user != null && !user.poolId().equals(poolId)) {
			throw new IllegalStateException("a user of another pool");
		}
		OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
		this.jdbc
			.sql("INSERT INTO user_pool.oauth2_authorization (id, pool_id, client_id, principal_name, user_sub, username,"
					+ " auth_time, amr, grant_type, authorized_scopes, authorization_request, created_at)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")
			.params(authorization.getId(), poolId, authorization.getRegisteredClientId(),
					authorization.getPrincipalName(), (user != null) ? user.sub() : null,
					(user != null) ? user.username() : null,
					(user != null) ? Timestamp.from(user.authTime()) : null,
					(user != null) ? String.join(" ", user.authenticationMethods()) : null,
					authorization.getAuthorizationGrantType().getValue(),
					String.join(" ", authorization.getAuthorizedScopes()),
					(request != null) ? json.writeValueAsString(StoredAuthorizationRequest.of(request)) : null,
					Timestamp.from(now()))
			.update();
	}

	/**
	 * The newly issued tokens become the family's current ones: one statement whatever their number, which
	 * inserts them and points the authorization at them.
	 *
	 * @param refreshedFrom the hash of the refresh token a new refresh token replaces (it becomes the family's
	 * last used one), or null
	 */
	private void insertTokens(OAuth2Authorization authorization, List<TokenKind> kinds, byte[] refreshedFrom) {
		if (kinds.isEmpty()) {
			return;
		}
		NewTokens tokens = newTokens(authorization, kinds, refreshedFrom);
		List<Object> params = new ArrayList<>(tokens.rowParams());
		params.addAll(tokens.pointerParams());
		this.jdbc
			.sql("WITH inserted AS (INSERT INTO user_pool.oauth2_token (" + NewTokens.COLUMNS + ") VALUES "
					+ tokens.rows() + ") UPDATE user_pool.oauth2_authorization SET " + tokens.pointers()
					+ " WHERE id = ?")
			.params(params)
			.update();
	}

	private NewTokens newTokens(OAuth2Authorization authorization, List<TokenKind> kinds, byte[] refreshedFrom) {
		List<Object> values = new ArrayList<>();
		List<Object> pointed = new ArrayList<>();
		StringBuilder pointers = new StringBuilder();
		for (TokenKind kind : kinds) {
			OAuth2Authorization.Token<?> token = authorization.getToken(kind.type());
			OAuth2Token value = token.getToken();
			Map<String, Object> claims = token.getClaims();
			String scopes = (value instanceof OAuth2AccessToken access) ? String.join(" ", access.getScopes()) : null;
			Object jti = (claims != null) ? claims.get("jti") : null;
			byte[] hash = TokenHashes.sha256(value.getTokenValue());
			pointers.append(kind.pointer()).append(" = ?, ");
			pointed.add(hash);
			values.addAll(Arrays.asList(hash, authorization.getId(),
					kind.column(), (jti != null) ? jti.toString() : null,
					Timestamp.from((value.getIssuedAt() != null) ? value.getIssuedAt() : now()),
					(value.getExpiresAt() != null) ? Timestamp.from(value.getExpiresAt()) : null, scopes,
					(claims != null && !claims.isEmpty()) ? json.writeValueAsString(ClaimsJson.toJson(claims)) : null,
					(kind == TokenKind.REFRESH) ? refreshedFrom : null));
		}
		pointers.append("last_refreshed_with = COALESCE(?, last_refreshed_with)");
		pointed.add(refreshedFrom);
		pointed.add(authorization.getId());
		return new NewTokens(String.join(", ", Collections.nCopies(kinds.size(), NewTokens.ROW)), values,
				pointers.toString(), pointed);
	}

	// Only for loaded tokens: their value may be a placeholder, their stored hash is in the metadata.
	private int invalidate(OAuth2Authorization.Token<?> token) {
		return this.jdbc
			.sql("UPDATE user_pool.oauth2_token SET invalidated = true WHERE token_hash = ? AND NOT invalidated")
			.param(TokenHashes.fromBase64((String) token.getMetadata().get(LOADED_HASH)))
			.update();
	}

	private void revokeFamilyInTransaction(String authorizationId) {
		this.jdbc
			.sql("UPDATE user_pool.oauth2_authorization SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?")
			.params(Timestamp.from(now()), authorizationId)
			.update();
		invalidateTokens(authorizationId);
	}

	// ID tokens are not credentials for any API; they stay valid as id_token_hint so that a user whose tokens
	// were revoked can still sign out.
	private void invalidateTokens(String authorizationId) {
		this.jdbc.sql(INVALIDATE_FAMILY)
			.param(authorizationId)
			.update();
	}

	private boolean visible(AuthorizationRow authorization) {
		String contextPool = PoolAuthorizationServerContext.currentPoolId();
		return contextPool == null || contextPool.equals(authorization.poolId());
	}

	private AuthorizationRow authorizationRow(String id) {
		return this.jdbc.sql("SELECT * FROM user_pool.oauth2_authorization WHERE id = ?")
			.param(id)
			.query(HashedTokenAuthorizationService::authorizationRow)
			.optional()
			.orElse(null);
	}

	private List<TokenRow> currentTokens(String authorizationId) {
		return ofFamily(authorizationId,
				this.jdbc.sql("SELECT t.* FROM user_pool.oauth2_authorization a" + CURRENT_TOKENS + " WHERE a.id = ?")
					.param(authorizationId)
					.query(HashedTokenAuthorizationService::tokenRow)
					.list());
	}

	/** The tokens of {@code tokens} that belong to the authorization: a pointer never names another's. */
	private static List<TokenRow> ofFamily(String authorizationId, List<TokenRow> tokens) {
		return tokens.stream().filter((token) -> authorizationId.equals(token.authorizationId())).toList();
	}

	private OAuth2Authorization build(AuthorizationRow row, List<TokenRow> current, TokenRow presented,
			String presentedValue) {
		RegisteredClient client = RegisteredClient.withId(row.clientId())
			.clientId(row.clientId())
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.build();
		OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
			.id(row.id())
			.principalName(row.principalName())
			.authorizationGrantType(new AuthorizationGrantType(row.grantType()))
			.authorizedScopes(scopes(row.authorizedScopes()))
			.attribute(STORED_AUTHORIZATION, Boolean.TRUE);
		if (row.userSub() != null) {
			builder.attribute(Principal.class.getName(), new PoolUserAuthentication(row.poolId(), row.userSub(),
					row.username(), row.authTime(), List.copyOf(scopes(row.amr()))));
		}
		if (row.authorizationRequest() != null) {
			builder.attribute(OAuth2AuthorizationRequest.class.getName(),
					json.readValue(row.authorizationRequest(), StoredAuthorizationRequest.class).toRequest());
		}
		for (TokenRow token : current) {
			if (presented == null || token.kind() != presented.kind()) {
				addToken(builder, row, token, "unavailable:" + TokenHashes.base64(token.hash()));
			}
		}
		if (presented != null) {
			addToken(builder, row, presented, presentedValue);
			if (presented.kind() == TokenKind.REFRESH) {
				builder.attribute(PRESENTED_REFRESH_TOKEN, TokenHashes.base64(presented.hash()));
			}
		}
		return builder.build();
	}

	private static void addToken(OAuth2Authorization.Builder builder, AuthorizationRow authorization, TokenRow row,
			String value) {
		Map<String, Object> claims = (row.claims() != null) ? ClaimsJson.fromJson(
				json.readValue(row.claims(), new TypeReference<Map<String, Object>>() {
				}), row.kind() == TokenKind.ID) : null;
		OAuth2Token token = switch (row.kind()) {
			case CODE -> new OAuth2AuthorizationCode(value, row.issuedAt(), row.expiresAt());
			case ACCESS -> new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, value, row.issuedAt(),
					row.expiresAt(), scopes(row.scopes()));
			case REFRESH -> new OAuth2RefreshToken(value, row.issuedAt(), row.expiresAt());
			case ID -> new OidcIdToken(value, row.issuedAt(), row.expiresAt(), claims);
		};
		boolean invalidated = row.invalidated() || (authorization.revokedAt() != null && row.kind() != TokenKind.ID);
		builder.token(token, (metadata) -> {
			metadata.clear();
			metadata.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, invalidated);
			metadata.put(LOADED_VALUE, value);
			metadata.put(LOADED_HASH, TokenHashes.base64(row.hash()));
			metadata.put(LOADED_INVALIDATED, invalidated);
			if (claims != null) {
				metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, claims);
			}
		});
	}

	/** Invalidated by this save, not already when it was loaded. */
	private static boolean invalidatedNow(OAuth2Authorization.Token<?> token) {
		return token.isInvalidated() && !Boolean.TRUE.equals(token.getMetadata().get(LOADED_INVALIDATED));
	}

	private static boolean loaded(OAuth2Authorization.Token<?> token) {
		return token.getToken().getTokenValue().equals(token.getMetadata().get(LOADED_VALUE));
	}

	private static Set<String> scopes(String joined) {
		if (!StringUtils.hasText(joined)) {
			return Set.of();
		}
		return new LinkedHashSet<>(Arrays.asList(joined.trim().split(" +")));
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static AuthorizationRow authorizationRow(ResultSet rs, int n) throws SQLException {
		return new AuthorizationRow(rs.getString("id"), rs.getString("pool_id"), rs.getString("client_id"),
				rs.getString("principal_name"), rs.getObject("user_sub", UUID.class), rs.getString("username"),
				instant(rs, "auth_time"), rs.getString("amr"), rs.getString("grant_type"),
				rs.getString("authorized_scopes"), rs.getString("authorization_request"), instant(rs, "revoked_at"),
				rs.getBytes("last_refreshed_with"));
	}

	private static TokenRow tokenRow(ResultSet rs, int n) throws SQLException {
		return new TokenRow(rs.getBytes("token_hash"), rs.getString("authorization_id"),
				TokenKind.ofColumn(rs.getString("token_type")), instant(rs, "issued_at"), instant(rs, "expires_at"),
				rs.getString("scopes"), rs.getString("claims"), rs.getBoolean("invalidated"), instant(rs, "rotated_at"),
				rs.getBytes("refreshed_from"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	enum TokenKind {

		CODE("authorization_code", OAuth2ParameterNames.CODE, OAuth2AuthorizationCode.class),
		ACCESS("access_token", OAuth2TokenType.ACCESS_TOKEN.getValue(), OAuth2AccessToken.class),
		REFRESH("refresh_token", OAuth2TokenType.REFRESH_TOKEN.getValue(), OAuth2RefreshToken.class),
		ID("id_token", OidcParameterNames.ID_TOKEN, OidcIdToken.class);

		private final String column;

		private final String tokenType;

		private final Class<? extends OAuth2Token> type;

		TokenKind(String column, String tokenType, Class<? extends OAuth2Token> type) {
			this.column = column;
			this.tokenType = tokenType;
			this.type = type;
		}

		String column() {
			return this.column;
		}

		/** The authorization's column naming the family's current token of this kind. */
		String pointer() {
			return switch (this) {
				case CODE -> "current_code";
				case ACCESS -> "current_access";
				case REFRESH -> "current_refresh";
				case ID -> "current_id";
			};
		}

		Class<? extends OAuth2Token> type() {
			return this.type;
		}

		static TokenKind of(String tokenType) {
			for (TokenKind kind : values()) {
				if (kind.tokenType.equals(tokenType)) {
					return kind;
				}
			}
			return null;
		}

		static TokenKind ofColumn(String column) {
			for (TokenKind kind : values()) {
				if (kind.column.equals(column)) {
					return kind;
				}
			}
			throw new IllegalStateException("unknown token type " + column);
		}

	}

	private record AuthorizationRow(String id, String poolId, String clientId, String principalName, UUID userSub,
			String username, Instant authTime, String amr, String grantType, String authorizedScopes,
			String authorizationRequest, Instant revokedAt, byte[] lastRefreshedWith) {
	}

	/**
	 * New token rows ({@code rows}, typed so that they can also be selected from a {@code VALUES} list) and the
	 * authorization's pointers to them ({@code pointers}, whose parameters end with the authorization's id).
	 */
	private record NewTokens(String rows, List<Object> rowParams, String pointers, List<Object> pointerParams) {

		static final String COLUMNS = "token_hash, authorization_id, token_type, jti, issued_at, expires_at, scopes,"
				+ " claims, invalidated, refreshed_from";

		static final String ROW = "(?::bytea, ?::varchar, ?::varchar, ?::varchar, ?::timestamptz, ?::timestamptz,"
				+ " ?::text, ?::text, false, ?::bytea)";

	}

	/**
	 * A row of {@link #FAMILY_BY_TOKEN}: the presented token, or one of the family's current others. Only the
	 * presented token's row has the family's {@code subject}.
	 */
	private record FamilyRow(AuthorizationRow authorization, TokenRow token, boolean presented, Subject subject) {
	}

	/** The family's user (null when deleted) and the user's groups, as of the family's read. */
	private record Subject(User user, List<GroupMembership> groups) {
	}

	private record TokenRow(byte[] hash, String authorizationId, TokenKind kind, Instant issuedAt, Instant expiresAt,
			String scopes, String claims, boolean invalidated, Instant rotatedAt, byte[] refreshedFrom) {
	}

	/** The parts of an authorization request the token endpoint needs later: redirect URI, PKCE, nonce. */
	record StoredAuthorizationRequest(String authorizationUri, String clientId, String redirectUri,
			List<String> scopes, String state, Map<String, Object> additionalParameters) {

		static StoredAuthorizationRequest of(OAuth2AuthorizationRequest request) {
			Map<String, Object> parameters = new LinkedHashMap<>();
			request.getAdditionalParameters().forEach((name, value) -> {
				if (value instanceof String[] values) {
					parameters.put(name, List.of(values));
				}
				else if (value != null) {
					parameters.put(name, value.toString());
				}
			});
			return new StoredAuthorizationRequest(request.getAuthorizationUri(), request.getClientId(),
					request.getRedirectUri(), List.copyOf(request.getScopes()), request.getState(), parameters);
		}

		OAuth2AuthorizationRequest toRequest() {
			Map<String, Object> parameters = new LinkedHashMap<>();
			if (this.additionalParameters != null) {
				this.additionalParameters.forEach((name, value) -> parameters.put(name,
						(value instanceof Collection<?> values) ? values.stream().map(String::valueOf).toArray(String[]::new)
								: value));
			}
			return OAuth2AuthorizationRequest.authorizationCode()
				.authorizationUri(this.authorizationUri)
				.clientId(this.clientId)
				.redirectUri(this.redirectUri)
				.scopes(new LinkedHashSet<>(this.scopes))
				.state(this.state)
				.additionalParameters(parameters)
				.build();
		}

	}

	/** Claims as JSON: instants as NumericDate seconds, URLs as strings; read back as Spring expects them. */
	static final class ClaimsJson {

		private ClaimsJson() {
		}

		static Map<String, Object> toJson(Map<String, Object> claims) {
			Map<String, Object> out = new LinkedHashMap<>();
			claims.forEach((name, value) -> out.put(name, value(value)));
			return out;
		}

		private static Object value(Object value) {
			if (value instanceof Instant instant) {
				return instant.getEpochSecond();
			}
			if (value instanceof Date date) {
				return date.toInstant().getEpochSecond();
			}
			if (value instanceof URL || value instanceof URI) {
				return value.toString();
			}
			if (value instanceof Collection<?> collection) {
				return collection.stream().map(ClaimsJson::value).toList();
			}
			if (value instanceof Map<?, ?> map) {
				Map<String, Object> out = new LinkedHashMap<>();
				map.forEach((key, inner) -> out.put(String.valueOf(key), value(inner)));
				return out;
			}
			return value;
		}

		static Map<String, Object> fromJson(Map<String, Object> stored, boolean idToken) {
			Map<String, Object> claims = new LinkedHashMap<>(stored);
			for (String name : List.of("iat", "exp", "nbf")) {
				if (claims.get(name) instanceof Number seconds) {
					claims.put(name, Instant.ofEpochSecond(seconds.longValue()));
				}
			}
			// Spring Authorization Server reads an ID token's auth_time as a Date when it refreshes.
			if (idToken && claims.get("auth_time") instanceof Number seconds) {
				claims.put("auth_time", Date.from(Instant.ofEpochSecond(seconds.longValue())));
			}
			return claims;
		}

	}

}
