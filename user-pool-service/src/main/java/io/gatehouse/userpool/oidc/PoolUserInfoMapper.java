package io.gatehouse.userpool.oidc;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.gatehouse.userpool.auth.PoolUserAuthentication;
import io.gatehouse.userpool.client.AppClientNotFoundException;
import io.gatehouse.userpool.client.AppClientService;
import io.gatehouse.userpool.token.PoolAuthorizationServerContext;
import io.gatehouse.userpool.token.UserClaims;
import io.gatehouse.userpool.user.User;
import io.gatehouse.userpool.user.UserService;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;

/**
 * The userinfo response (OpenID Connect Core 1.0 §5.3), read from the user as they are now (not from the ID
 * token): {@code sub}, {@code username} as Cognito adds it, and the attributes the access token's scopes and
 * the client's {@code ReadAttributes} allow. A deleted or disabled user's token gets {@code invalid_token}.
 */
public final class PoolUserInfoMapper implements Function<OidcUserInfoAuthenticationContext, OidcUserInfo> {

	private final UserService users;

	private final AppClientService clients;

	public PoolUserInfoMapper(UserService users, AppClientService clients) {
		this.users = users;
		this.clients = clients;
	}

	@Override
	public OidcUserInfo apply(OidcUserInfoAuthenticationContext context) {
		OAuth2Authorization authorization = context.getAuthorization();
		String poolId = PoolAuthorizationServerContext.currentPoolId();
		if (!(authorization.getAttribute(Principal.class.getName()) instanceof PoolUserAuthentication principal)
				|| !principal.poolId().equals(poolId)) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN);
		}
		User user = this.users.findBySub(poolId, principal.sub())
			.filter(User::enabled)
			.orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN));
		List<String> readAttributes;
		try {
			readAttributes = this.clients.describe(poolId, authorization.getRegisteredClientId())
				.settings()
				.readAttributes();
		}
		catch (AppClientNotFoundException ex) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN);
		}
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", user.sub().toString());
		claims.putAll(UserClaims.attributes(user, context.getAccessToken().getScopes(), readAttributes));
		claims.put("username", user.username());
		return new OidcUserInfo(claims);
	}

}
