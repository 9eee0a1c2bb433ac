package io.gatehouse.userpool.token;

import java.security.Principal;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import io.gatehouse.userpool.auth.PoolUserAuthentication;
import io.gatehouse.userpool.config.GatehouseProperties;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContext;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.stereotype.Service;

/**
 * {@link TokenIssuer} on Spring Authorization Server's own pipeline: the same {@link OAuth2TokenGenerator}
 * (so the same claims, keys and lifetimes) and the same {@link HashedTokenAuthorizationService} (so the same
 * rotation, replay detection, revocation and introspection) as the OAuth 2.0 endpoints. A refresh is done by
 * Spring's own {@link OAuth2RefreshTokenAuthenticationProvider}, exactly as at the token endpoint.
 */
@Service
final class AuthorizationServerTokenIssuer implements TokenIssuer {

	/** The grant of a sign-in through the Cognito API (InitiateAuth and friends), recorded on the authorization. */
	static final AuthorizationGrantType COGNITO_SIGN_IN = new AuthorizationGrantType(
			"urn:gatehouse:params:oauth:grant-type:cognito-sign-in");

	private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

	private static final String INVALID_REFRESH_TOKEN = "Invalid Refresh Token";

	private final RegisteredClientRepository clients;

	private final HashedTokenAuthorizationService authorizations;

	private final OAuth2TokenGenerator<OAuth2Token> tokenGenerator;

	private final OAuth2RefreshTokenAuthenticationProvider refreshProvider;

	private final AuthorizationServerSettings settings;

	private final GatehouseProperties gatehouse;

	AuthorizationServerTokenIssuer(RegisteredClientRepository clients, HashedTokenAuthorizationService authorizations,
			OAuth2TokenGenerator<OAuth2Token> tokenGenerator, AuthorizationServerSettings settings,
			GatehouseProperties gatehouse) {
		this.clients = clients;
		this.authorizations = authorizations;
		this.tokenGenerator = tokenGenerator;
		this.refreshProvider = new OAuth2RefreshTokenAuthenticationProvider(authorizations, tokenGenerator);
		this.settings = settings;
		this.gatehouse = gatehouse;
	}

	@Override
	public IssuedTokens issue(PoolUserAuthentication user, String clientId, Set<String> scopes) {
		RegisteredClient client = clientOfPool(user.poolId(), clientId);
		if (client == null) {
			throw new IllegalArgumentException("the client is not a client of the user's pool");
		}
		Set<String> granted = new LinkedHashSet<>(scopes);
		return inPool(user.poolId(), () -> {
			OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
				.id(UUID.randomUUID().toString())
				.principalName(user.getName())
				.authorizationGrantType(COGNITO_SIGN_IN)
				.authorizedScopes(granted)
				.attribute(Principal.class.getName(), user);
			DefaultOAuth2TokenContext.Builder context = DefaultOAuth2TokenContext.builder()
				.registeredClient(client)
				.principal(user)
				.authorizationServerContext(AuthorizationServerContextHolder.getContext())
				.authorization(builder.build())
				.authorizedScopes(granted)
				.authorizationGrantType(COGNITO_SIGN_IN)
				.authorizationGrant(user);

			Jwt access = (Jwt) this.tokenGenerator.generate(context.tokenType(OAuth2TokenType.ACCESS_TOKEN).build());
			OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
					access.getTokenValue(), access.getIssuedAt(), access.getExpiresAt(), granted);
			builder.token(accessToken,
					(metadata) -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, access.getClaims()));

			OAuth2Token refresh = this.tokenGenerator
				.generate(context.tokenType(OAuth2TokenType.REFRESH_TOKEN).authorization(builder.build()).build());
			if (refresh instanceof OAuth2RefreshToken refreshToken) {
				builder.refreshToken(refreshToken);
			}

			String idTokenValue = null;
			if (granted.contains(OidcScopes.OPENID)) {
				Jwt id = (Jwt) this.tokenGenerator
					.generate(context.tokenType(ID_TOKEN).authorization(builder.build()).build());
				OidcIdToken idToken = new OidcIdToken(id.getTokenValue(), id.getIssuedAt(), id.getExpiresAt(),
						id.getClaims());
				builder.token(idToken,
						(metadata) -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, id.getClaims()));
				idTokenValue = id.getTokenValue();
			}
			this.authorizations.save(builder.build());
			return new IssuedTokens(access.getTokenValue(), idTokenValue,
					(refresh != null) ? refresh.getTokenValue() : null,
					Duration.between(access.getIssuedAt(), access.getExpiresAt()));
		});
	}

	@Override
	public IssuedTokens refresh(String poolId, String clientId, String refreshToken) {
		RegisteredClient client = clientOfPool(poolId, clientId);
		if (client == null || refreshToken == null || refreshToken.isEmpty()) {
			throw new InvalidRefreshTokenException(INVALID_REFRESH_TOKEN);
		}
		return inPool(poolId, () -> {
			OAuth2ClientAuthenticationToken clientPrincipal = new OAuth2ClientAuthenticationToken(client,
					ClientAuthenticationMethod.NONE, null);
			OAuth2AccessTokenAuthenticationToken result;
			try {
				result = (OAuth2AccessTokenAuthenticationToken) this.refreshProvider.authenticate(
						new OAuth2RefreshTokenAuthenticationToken(refreshToken, clientPrincipal, Set.of(), Map.of()));
			}
			catch (OAuth2AuthenticationException ex) {
				String description = ex.getError().getDescription();
				throw new InvalidRefreshTokenException(
						(description != null && description.startsWith("User ")) ? description : INVALID_REFRESH_TOKEN);
			}
			OAuth2AccessToken access = result.getAccessToken();
			Object idToken = result.getAdditionalParameters().get(OidcParameterNames.ID_TOKEN);
			// A client that does not rotate gets the presented token back from Spring; Cognito returns none.
			OAuth2RefreshToken refreshed = result.getRefreshToken();
			boolean rotated = refreshed != null && !refreshed.getTokenValue().equals(refreshToken);
			return new IssuedTokens(access.getTokenValue(), (idToken != null) ? idToken.toString() : null,
					rotated ? refreshed.getTokenValue() : null,
					Duration.between(access.getIssuedAt(), access.getExpiresAt()));
		});
	}

	@Override
	public java.util.Optional<UUID> refreshTokenSubject(String poolId, String clientId, String refreshToken) {
		if (clientOfPool(poolId, clientId) == null || refreshToken == null || refreshToken.isEmpty()) {
			return java.util.Optional.empty();
		}
		return inPool(poolId, () -> {
			OAuth2Authorization authorization = this.authorizations.findByToken(refreshToken,
					OAuth2TokenType.REFRESH_TOKEN);
			if (authorization == null || !authorization.getRegisteredClientId().equals(clientId)
					|| authorization.getRefreshToken() == null || !authorization.getRefreshToken().isActive()) {
				return java.util.Optional.<UUID>empty();
			}
			try {
				return java.util.Optional.of(UUID.fromString(authorization.getPrincipalName()));
			}
			catch (IllegalArgumentException ex) {
				return java.util.Optional.<UUID>empty();
			}
		});
	}

	@Override
	public void revoke(String poolId, String clientId, String refreshToken) {
		if (clientOfPool(poolId, clientId) == null) {
			return;
		}
		inPool(poolId, () -> {
			OAuth2Authorization authorization = this.authorizations.findByToken(refreshToken,
					OAuth2TokenType.REFRESH_TOKEN);
			if (authorization != null && authorization.getRegisteredClientId().equals(clientId)) {
				this.authorizations.revokeFamily(authorization.getId());
			}
			return null;
		});
	}

	@Override
	public void revokeAll(String poolId, UUID sub) {
		this.authorizations.revokeAll(poolId, sub);
	}

	@Override
	public boolean isAccessTokenActive(String poolId, String accessTokenJti) {
		return this.authorizations.isAccessTokenActive(poolId, accessTokenJti);
	}

	private RegisteredClient clientOfPool(String poolId, String clientId) {
		if (clientId == null || clientId.isEmpty() || clientId.length() > 128) {
			return null;
		}
		RegisteredClient client = this.clients.findByClientId(clientId);
		if (client == null || !poolId.equals(client.getClientSettings().getSetting(CognitoTokenCustomizer.USER_POOL_ID))) {
			return null;
		}
		return client;
	}

	private <T> T inPool(String poolId, Supplier<T> work) {
		AuthorizationServerContext previous = AuthorizationServerContextHolder.getContext();
		AuthorizationServerContextHolder.setContext(
				new PoolAuthorizationServerContext(this.gatehouse.publicBaseUrl(), poolId, this.settings));
		try {
			return work.get();
		}
		finally {
			AuthorizationServerContextHolder.setContext(previous);
		}
	}

}
