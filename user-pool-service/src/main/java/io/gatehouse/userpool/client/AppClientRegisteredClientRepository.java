package io.gatehouse.userpool.client;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import io.gatehouse.boot.ExpiringCache;
import io.gatehouse.userpool.client.AppClientSettings.FeatureType;
import io.gatehouse.userpool.client.AppClientSettings.OAuthFlowType;
import io.gatehouse.userpool.client.AppClientSettings.RefreshTokenRotationType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * App clients as Spring Authorization Server sees them, read from the {@code app_client} table, so the
 * OAuth endpoints and the Cognito API mint tokens for the same clients with the same settings.
 * <p>
 * The client secret is exposed only as its keyed hash, {@value #SECRET_PREFIX}&lt;base64&gt;; token
 * endpoints verify it with {@link ClientSecrets#passwordEncoder()}. Public clients (no secret)
 * authenticate with {@code none} and must use PKCE.
 * <p>
 * {@code RefreshTokenRotation} becomes {@link TokenSettings#isReuseRefreshTokens()} (reuse when the feature is
 * {@code DISABLED}) and {@value #REFRESH_TOKEN_RETRY_GRACE_PERIOD}. Clients are read from the table on every
 * lookup, never cached, so an UpdateUserPoolClient applies to the next token request.
 */
@Component
class AppClientRegisteredClientRepository implements RegisteredClientRepository {

	static final String SECRET_PREFIX = "{hmac-sha256}";

	/** Client setting: the user pool the client belongs to (its issuer). */
	static final String USER_POOL_ID = "gatehouse.user-pool-id";

	/** Token setting: the ID token lifetime, which {@link TokenSettings} has no member for. */
	static final String ID_TOKEN_TIME_TO_LIVE = "gatehouse.id-token-time-to-live";

	/** Client setting: the attributes the client may read, which go into its ID tokens. */
	static final String READ_ATTRIBUTES = "gatehouse.read-attributes";

	/**
	 * Token setting: how long a rotated refresh token may still be presented again as a client-side retry
	 * ({@code RefreshTokenRotation.RetryGracePeriodSeconds}); zero when the client does not rotate.
	 */
	static final String REFRESH_TOKEN_RETRY_GRACE_PERIOD = "gatehouse.refresh-token-retry-grace-period";

	private final AppClientRepository clients;

	private final ExpiringCache<String, RegisteredClient> cache;

	AppClientRegisteredClientRepository(AppClientRepository clients, AppClientCacheProperties properties,
			ObjectProvider<Clock> clock) {
		this.clients = clients;
		this.cache = new ExpiringCache<>(properties.cacheTtl(), clock.getIfAvailable(Clock::systemUTC));
	}

	/** Forgets every client at once. */
	void evictAll() {
		this.cache.clear();
	}

	/** Forgets a client at once (it changed or was deleted through this instance). */
	void evict(String clientId) {
		this.cache.evict(clientId);
	}

	/** App clients are created with CreateUserPoolClient, not through dynamic client registration. */
	@Override
	public void save(RegisteredClient registeredClient) {
		throw new UnsupportedOperationException("app clients are managed with CreateUserPoolClient");
	}

	@Override
	public RegisteredClient findById(String id) {
		return findByClientId(id);
	}

	/**
	 * The client, from a short-lived cache: every token minted and every refresh looks its client up, and
	 * {@link RegisteredClient} is immutable. Unknown client ids are not cached.
	 */
	@Override
	public RegisteredClient findByClientId(String clientId) {
		if (clientId == null || clientId.isEmpty() || clientId.length() > 128) {
			return null;
		}
		return this.cache.get(clientId, (id) -> this.clients.findById(id)
			.map(AppClientRegisteredClientRepository::registeredClient)
			.orElse(null));
	}

	static RegisteredClient registeredClient(AppClientEntity entity) {
		AppClientSettings settings = AppClientService.json.readValue(entity.settings(), AppClientSettings.class);
		boolean confidential = entity.clientSecretHash() != null;
		boolean oauth = Boolean.TRUE.equals(settings.allowedOAuthFlowsUserPoolClient());
		List<OAuthFlowType> flows = (oauth && settings.allowedOAuthFlows() != null) ? settings.allowedOAuthFlows()
				: List.of();
		Duration access = AppClientService.duration(settings.accessTokenValidity(), settings.tokenValidityUnits().accessToken());
		Duration id = AppClientService.duration(settings.idTokenValidity(), settings.tokenValidityUnits().idToken());
		Duration refresh = AppClientService.duration(settings.refreshTokenValidity(),
				settings.tokenValidityUnits().refreshToken());
		RefreshTokenRotationType rotation = AppClientService.rotationInForce(settings.refreshTokenRotation());
		boolean rotates = rotation.feature() == FeatureType.ENABLED;
		Duration retryGracePeriod = rotates ? Duration.ofSeconds(rotation.retryGracePeriodSeconds()) : Duration.ZERO;
		RegisteredClient.Builder builder = RegisteredClient.withId(entity.clientId())
			.clientId(entity.clientId())
			.clientIdIssuedAt(entity.createdAt())
			.clientName(entity.clientName())
			.clientAuthenticationMethods((methods) -> {
				if (confidential) {
					methods.add(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
					methods.add(ClientAuthenticationMethod.CLIENT_SECRET_POST);
				}
				else {
					methods.add(ClientAuthenticationMethod.NONE);
				}
			})
			.authorizationGrantTypes((grants) -> {
				// Refresh works through InitiateAuth REFRESH_TOKEN_AUTH whatever the OAuth flows are.
				grants.add(AuthorizationGrantType.REFRESH_TOKEN);
				if (flows.contains(OAuthFlowType.CODE)) {
					grants.add(AuthorizationGrantType.AUTHORIZATION_CODE);
				}
				if (flows.contains(OAuthFlowType.CLIENT_CREDENTIALS)) {
					grants.add(AuthorizationGrantType.CLIENT_CREDENTIALS);
				}
			})
			.clientSettings(clientSettings(entity, settings, confidential))
			.tokenSettings(TokenSettings.builder()
				.accessTokenTimeToLive(access)
				.refreshTokenTimeToLive(refresh)
				// Not rotating: a refresh issues access and ID tokens only, the presented refresh token stays valid.
				.reuseRefreshTokens(!rotates)
				.authorizationCodeTimeToLive(Duration.ofMinutes(5))
				.setting(ID_TOKEN_TIME_TO_LIVE, id)
				.setting(REFRESH_TOKEN_RETRY_GRACE_PERIOD, retryGracePeriod)
				.build());
		if (confidential) {
			builder.clientSecret(SECRET_PREFIX + Base64.getEncoder().encodeToString(entity.clientSecretHash()));
		}
		if (oauth) {
			if (settings.callbackURLs() != null) {
				builder.redirectUris((uris) -> uris.addAll(settings.callbackURLs()));
			}
			if (settings.logoutURLs() != null) {
				builder.postLogoutRedirectUris((uris) -> uris.addAll(settings.logoutURLs()));
			}
			if (settings.allowedOAuthScopes() != null) {
				builder.scopes((scopes) -> scopes.addAll(settings.allowedOAuthScopes()));
			}
		}
		return builder.build();
	}

	private static ClientSettings clientSettings(AppClientEntity entity, AppClientSettings settings,
			boolean confidential) {
		ClientSettings.Builder builder = ClientSettings.builder()
			.requireProofKey(!confidential)
			.requireAuthorizationConsent(false)
			.setting(USER_POOL_ID, entity.poolId());
		if (settings.readAttributes() != null) {
			builder.setting(READ_ATTRIBUTES, List.copyOf(settings.readAttributes()));
		}
		return builder.build();
	}

}
