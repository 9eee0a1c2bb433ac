package io.gatehouse.userpool.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.gatehouse.shared.claims.CognitoClaims;
import io.gatehouse.userpool.auth.PoolUserAuthentication;
import io.gatehouse.userpool.group.GroupMembership;
import io.gatehouse.userpool.group.UserGroups;
import io.gatehouse.userpool.user.User;
import io.gatehouse.userpool.user.UserService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Gives ID and access tokens Cognito's claim sets (Amazon Cognito Developer Guide, "Understanding the ID
 * token" and "Understanding the access token"; {@link PoolJwtEncoder} signs them with the pool's current key),
 * and refuses to mint anything for a user who is deleted or disabled, which is what makes such a user's
 * refresh tokens useless.
 * <p>
 * {@code origin_jti} is the authorization id: it is the same for every token of one sign-in, through any
 * number of refreshes, as Cognito's is.
 */
@Component
public final class CognitoTokenCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

	/** Client setting with the pool a registered client belongs to (see AppClientRegisteredClientRepository). */
	static final String USER_POOL_ID = "gatehouse.user-pool-id";

	/** Client setting with the attributes the client may read (see AppClientRegisteredClientRepository). */
	static final String READ_ATTRIBUTES = "gatehouse.read-attributes";

	/** Token setting with the ID token lifetime. */
	static final String ID_TOKEN_TIME_TO_LIVE = "gatehouse.id-token-time-to-live";

	private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

	private final UserService users;

	private final SingletonSupplier<UserGroups> userGroups;

	CognitoTokenCustomizer(UserService users, ObjectProvider<UserGroups> userGroups) {
		this.users = users;
		// Resolved once: looking the bean up on every token was a visible share of a refresh.
		this.userGroups = SingletonSupplier.of(userGroups::getIfAvailable);
	}

	@Override
	public void customize(JwtEncodingContext context) {
		RegisteredClient client = context.getRegisteredClient();
		String poolId = client.getClientSettings().getSetting(USER_POOL_ID);
		String issuerPool = PoolAuthorizationServerContext.currentPoolId();
		if (poolId == null || !poolId.equals(issuerPool)) {
			throw new IllegalStateException("tokens are minted only at the issuer of the client's pool");
		}
		if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			customizeAccessToken(context, poolId, client);
		}
		else if (ID_TOKEN.equals(context.getTokenType())) {
			customizeIdToken(context, poolId, client);
		}
	}

	private void customizeAccessToken(JwtEncodingContext context, String poolId, RegisteredClient client) {
		context.getClaims().claims((claims) -> {
			claims.remove("aud");
			claims.remove("nbf");
			claims.put(CognitoClaims.CLIENT_ID, client.getClientId());
			claims.put(CognitoClaims.TOKEN_USE, CognitoClaims.TOKEN_USE_ACCESS);
			claims.put("scope", String.join(" ", context.getAuthorizedScopes()));
			claims.put(CognitoClaims.VERSION, 2);
		});
		if (context.getPrincipal() instanceof PoolUserAuthentication principal) {
			User user = activeUser(poolId, principal);
			List<GroupMembership> groups = groupsOf(poolId, principal);
			context.getClaims().claims((claims) -> {
				claims.put(CognitoClaims.AUTH_TIME, principal.authTime().getEpochSecond());
				claims.put(CognitoClaims.ACCESS_TOKEN_USERNAME, user.username());
				claims.putAll(UserClaims.groups(groups, false));
				putOriginJti(context, claims);
			});
		}
	}

	private void customizeIdToken(JwtEncodingContext context, String poolId, RegisteredClient client) {
		if (!(context.getPrincipal() instanceof PoolUserAuthentication principal)) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
		}
		User user = activeUser(poolId, principal);
		List<GroupMembership> groups = groupsOf(poolId, principal);
		List<String> readAttributes = client.getClientSettings().getSetting(READ_ATTRIBUTES);
		Duration ttl = client.getTokenSettings().getSetting(ID_TOKEN_TIME_TO_LIVE);
		context.getClaims().claims((claims) -> {
			claims.remove("azp");
			claims.remove("sid");
			if (ttl != null && claims.get("iat") instanceof Instant issuedAt) {
				claims.put("exp", issuedAt.plus(ttl));
			}
			claims.put(CognitoClaims.TOKEN_USE, CognitoClaims.TOKEN_USE_ID);
			claims.put(CognitoClaims.AUTH_TIME, principal.authTime().getEpochSecond());
			claims.put(CognitoClaims.USERNAME, user.username());
			claims.putAll(UserClaims.groups(groups, true));
			claims.putAll(UserClaims.attributes(user, context.getAuthorizedScopes(), readAttributes));
			putOriginJti(context, claims);
			String atHash = accessTokenHash(context.getAuthorization());
			if (atHash != null) {
				claims.put("at_hash", atHash);
			}
		});
	}

	/**
	 * The user and groups of a token family, read by the token store with the family (one round trip less per
	 * refresh): the claims of the tokens minted while the same pool context is bound use them instead of reading
	 * again. Only for reads outside a transaction, as this class's own are.
	 */
	static void prefetched(String poolId, UUID sub, Optional<User> user, List<GroupMembership> groups) {
		PoolAuthorizationServerContext.remember(userKey(poolId, sub), user);
		PoolAuthorizationServerContext.remember(groupsKey(poolId, sub), groups);
	}

	static Object userKey(String poolId, UUID sub) {
		return List.of("user", poolId, sub);
	}

	private static Object groupsKey(String poolId, UUID sub) {
		return List.of("groups", poolId, sub);
	}

	private User activeUser(String poolId, PoolUserAuthentication principal) {
		if (!poolId.equals(principal.poolId())) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
		}
		User user = PoolAuthorizationServerContext
			.memoize(userKey(poolId, principal.sub()), () -> this.users.findBySub(poolId, principal.sub()))
			.orElseThrow(() -> new OAuth2AuthenticationException(
					new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "User does not exist.", null)));
		if (!user.enabled()) {
			throw new OAuth2AuthenticationException(
					new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "User is disabled.", null));
		}
		return user;
	}

	private List<GroupMembership> groupsOf(String poolId, PoolUserAuthentication principal) {
		UserGroups groups = this.userGroups.get();
		return (groups != null) ? PoolAuthorizationServerContext.memoize(groupsKey(poolId, principal.sub()),
				() -> groups.groupsOf(poolId, principal.sub())) : List.of();
	}

	private static void putOriginJti(JwtEncodingContext context, Map<String, Object> claims) {
		if (context.getAuthorization() != null) {
			claims.put(CognitoClaims.ORIGIN_JTI, context.getAuthorization().getId());
		}
	}

	/** OpenID Connect Core 1.0 §3.1.3.6: the left half of SHA-256 of the access token, base64url. */
	private static String accessTokenHash(OAuth2Authorization authorization) {
		if (authorization == null || authorization.getAccessToken() == null) {
			return null;
		}
		OAuth2Authorization.Token<OAuth2AccessToken> token = authorization.getAccessToken();
		String value = token.getToken().getTokenValue();
		if (value.equals(token.getMetadata().get(HashedTokenAuthorizationService.LOADED_VALUE))) {
			return null;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, digest.length / 2));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is unavailable", ex);
		}
	}

}
