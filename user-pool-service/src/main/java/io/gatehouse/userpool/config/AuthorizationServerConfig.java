package io.gatehouse.userpool.config;

import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.gatehouse.shared.claims.CognitoClaims;
import io.gatehouse.userpool.auth.PoolUserAuthentication;
import io.gatehouse.userpool.client.AppClientService;
import io.gatehouse.userpool.client.ClientSecrets;
import io.gatehouse.userpool.oidc.AuthorizationRequestGate;
import io.gatehouse.userpool.oidc.AuthorizationResponses;
import io.gatehouse.userpool.oidc.EndSessionResponses;
import io.gatehouse.userpool.oidc.IssuerContextFilter;
import io.gatehouse.userpool.oidc.PoolScopedRegisteredClientRepository;
import io.gatehouse.userpool.oidc.PoolUserInfoMapper;
import io.gatehouse.userpool.oidc.PublicClientAuthentication;
import io.gatehouse.userpool.oidc.TokenResponses;
import io.gatehouse.userpool.signing.PoolJwkSource;
import io.gatehouse.userpool.token.HashedTokenAuthorizationService;
import io.gatehouse.userpool.token.PoolAuthorizationServerContext;
import io.gatehouse.userpool.user.UserService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every user pool is an OpenID Provider with the issuer {@code {gatehouse.public-base-url}/{userPoolId}}
 * (Spring Authorization Server with {@code multipleIssuersAllowed}). Below the issuer:
 * {@code /.well-known/openid-configuration}, {@code /.well-known/jwks.json} (Cognito's path),
 * {@code /oauth2/authorize}, {@code /oauth2/token}, {@code /oauth2/userInfo}, {@code /oauth2/revoke},
 * {@code /oauth2/introspect} and {@code /logout} (RP-Initiated Logout). This chain matches exactly those paths
 * and nothing else, so the hosted pages ({@code /{userPoolId}/login}, ...) keep their own chain.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class AuthorizationServerConfig {

	private static final Set<String> USER_SCOPES = Set.of(OidcScopes.OPENID, OidcScopes.PROFILE, OidcScopes.EMAIL,
			OidcScopes.PHONE, OidcScopes.ADDRESS, CognitoClaims.USER_ADMIN_SCOPE);

	@Bean
	AuthorizationServerSettings authorizationServerSettings() {
		return AuthorizationServerSettings.builder()
			.multipleIssuersAllowed(true)
			.authorizationEndpoint("/oauth2/authorize")
			.tokenEndpoint("/oauth2/token")
			.jwkSetEndpoint("/.well-known/jwks.json")
			.tokenRevocationEndpoint("/oauth2/revoke")
			.tokenIntrospectionEndpoint("/oauth2/introspect")
			.oidcUserInfoEndpoint("/oauth2/userInfo")
			.oidcLogoutEndpoint("/logout")
			.build();
	}

	/**
	 * Spring Authorization Server's OpenID session tracking keeps sessions in one instance's memory (every node
	 * must be stateless here) and needs factor authorities our users do not carry. Sessions live in the
	 * database (Spring Session); end-session works from the ID token hint instead.
	 */
	@Bean
	SessionRegistry oidcSessionRegistry() {
		return new NoSessionRegistry();
	}

	@Bean
	@Order(20)
	SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http, RegisteredClientRepository appClients,
			HashedTokenAuthorizationService authorizations, OAuth2TokenGenerator<OAuth2Token> tokenGenerator,
			AuthorizationServerSettings settings, GatehouseProperties gatehouse, JdbcClient jdbc,
			ClientSecrets clientSecrets, UserService users, AppClientService clients, PoolJwkSource jwkSource,
			ObjectProvider<Clock> clock) throws Exception {
		RegisteredClientRepository poolClients = new PoolScopedRegisteredClientRepository(appClients);
		RequestMatcher authorizationEndpoint = PathPatternRequestMatcher.withDefaults().matcher("/*/oauth2/authorize");
		HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
		AuthorizationResponses authorizationResponses = new AuthorizationResponses();
		EndSessionResponses endSessionResponses = new EndSessionResponses(authorizations);

		http.securityMatcher(endpoints(authorizationEndpoint))
			.oauth2AuthorizationServer((server) -> server.registeredClientRepository(poolClients)
				.authorizationService(authorizations)
				.tokenGenerator(tokenGenerator)
				.authorizationServerSettings(settings)
				.clientAuthentication((clientAuthentication) -> clientAuthentication
					.authenticationConverter(PublicClientAuthentication.converter())
					.authenticationProvider(PublicClientAuthentication.provider(poolClients))
					.authenticationProviders((providers) -> providers.forEach((provider) -> {
						if (provider instanceof ClientSecretAuthenticationProvider secrets) {
							secrets.setPasswordEncoder(clientSecrets.passwordEncoder());
						}
					})))
				.authorizationEndpoint((authorize) -> authorize.authorizationResponseHandler(authorizationResponses)
					.errorResponseHandler(authorizationResponses))
				.tokenEndpoint((token) -> token.accessTokenResponseHandler(new TokenResponses())
					.authenticationProviders((providers) -> providers.forEach((provider) -> {
						if (provider instanceof OAuth2ClientCredentialsAuthenticationProvider clientCredentials) {
							clientCredentials.setAuthenticationValidator(new OAuth2ClientCredentialsAuthenticationValidator()
								.andThen(AuthorizationServerConfig::noUserScopes));
						}
					})))
				.oidc((oidc) -> oidc
					.providerConfigurationEndpoint((discovery) -> discovery
						.providerConfigurationCustomizer((configuration) -> configuration.claims((claims) -> {
							List<String> secretMethods = List.of("client_secret_basic", "client_secret_post");
							List<String> clientMethods = List.of("client_secret_basic", "client_secret_post", "none");
							claims.put("token_endpoint_auth_methods_supported", clientMethods);
							claims.put("revocation_endpoint_auth_methods_supported", clientMethods);
							claims.put("introspection_endpoint_auth_methods_supported", secretMethods);
							claims.put("grant_types_supported",
									List.of("authorization_code", "refresh_token", "client_credentials"));
							claims.put("response_types_supported", List.of("code"));
							claims.put("response_modes_supported", List.of("query"));
							claims.put("code_challenge_methods_supported", List.of("S256"));
							claims.put("scopes_supported", List.of("openid", "email", "phone", "profile",
									CognitoClaims.USER_ADMIN_SCOPE));
							claims.put("authorization_response_iss_parameter_supported", true);
							claims.put("claims_parameter_supported", false);
							claims.put("request_parameter_supported", false);
							claims.put("request_uri_parameter_supported", false);
							claims.remove("tls_client_certificate_bound_access_tokens");
							claims.remove("dpop_signing_alg_values_supported");
						})))
					.userInfoEndpoint((userInfo) -> userInfo.userInfoMapper(new PoolUserInfoMapper(users, clients)))
					.logoutEndpoint((logout) -> logout.logoutResponseHandler(endSessionResponses)
						.errorResponseHandler(endSessionResponses))))
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.decoder(accessTokenDecoder(jwkSource))))
			.authorizeHttpRequests((authorize) -> authorize
				.requestMatchers(authorizationEndpoint)
				.access((authentication, context) -> new AuthorizationDecision(
						authentication.get() instanceof PoolUserAuthentication user
								&& user.poolId().equals(PoolAuthorizationServerContext.currentPoolId())))
				.anyRequest()
				.authenticated())
			.requestCache((cache) -> cache.requestCache(requestCache))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
			.addFilterBefore(new IssuerContextFilter(gatehouse.publicBaseUrl(), settings, jdbc), HeaderWriterFilter.class)
			.addFilterBefore(new AuthorizationRequestGate(authorizationEndpoint, requestCache,
					clock.getIfAvailable(Clock::systemUTC)), AuthorizationFilter.class);
		return http.build();
	}

	private static RequestMatcher endpoints(RequestMatcher authorizationEndpoint) {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		return new OrRequestMatcher(authorizationEndpoint,
				paths.matcher(HttpMethod.GET, "/*/.well-known/openid-configuration"),
				paths.matcher(HttpMethod.GET, "/*/.well-known/jwks.json"),
				paths.matcher(HttpMethod.POST, "/*/oauth2/token"),
				paths.matcher(HttpMethod.POST, "/*/oauth2/revoke"),
				paths.matcher(HttpMethod.POST, "/*/oauth2/introspect"),
				paths.matcher(HttpMethod.GET, "/*/oauth2/userInfo"),
				paths.matcher(HttpMethod.POST, "/*/oauth2/userInfo"),
				paths.matcher(HttpMethod.GET, "/*/logout"),
				paths.matcher(HttpMethod.POST, "/*/logout"));
	}

	/** Client credentials are for machines: no user, so no OpenID Connect or user-attribute scopes. */
	private static void noUserScopes(OAuth2ClientCredentialsAuthenticationContext context) {
		OAuth2ClientCredentialsAuthenticationToken request = context.getAuthentication();
		if (!Collections.disjoint(request.getScopes(), USER_SCOPES)) {
			throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_SCOPE,
					"OpenID Connect and user scopes cannot be granted with client credentials.", null));
		}
	}

	/**
	 * Access tokens presented at userinfo: signed by a key of the pool being served (keys of other pools are not
	 * even candidates), issued by this pool's issuer, {@code token_use=access}, unexpired.
	 */
	private static JwtDecoder accessTokenDecoder(PoolJwkSource jwkSource) {
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, jwkSource));
		NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
		OAuth2TokenValidator<Jwt> issuerAndUse = (jwt) -> {
			String issuer = AuthorizationServerContextHolder.getContext().getIssuer();
			if (!issuer.equals(jwt.getClaimAsString("iss"))
					|| !CognitoClaims.TOKEN_USE_ACCESS.equals(jwt.getClaimAsString(CognitoClaims.TOKEN_USE))) {
				return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN));
			}
			return OAuth2TokenValidatorResult.success();
		};
		decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(issuerAndUse));
		return decoder;
	}

	private static final class NoSessionRegistry implements SessionRegistry {

		@Override
		public List<Object> getAllPrincipals() {
			return List.of();
		}

		@Override
		public List<SessionInformation> getAllSessions(Object principal, boolean includeExpiredSessions) {
			return List.of();
		}

		@Override
		public SessionInformation getSessionInformation(String sessionId) {
			return null;
		}

		@Override
		public void refreshLastRequest(String sessionId) {
		}

		@Override
		public void registerNewSession(String sessionId, Object principal) {
		}

		@Override
		public void removeSessionInformation(String sessionId) {
		}

	}

}
