package io.gatehouse.userpool.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.json.JsonMapper;

import io.gatehouse.boot.ExpiringCache;
import io.gatehouse.userpool.client.AppClientSettings.ExplicitAuthFlowsType;
import io.gatehouse.userpool.client.AppClientSettings.FeatureType;
import io.gatehouse.userpool.client.AppClientSettings.OAuthFlowType;
import io.gatehouse.userpool.client.AppClientSettings.PreventUserExistenceErrorTypes;
import io.gatehouse.userpool.client.AppClientSettings.RefreshTokenRotationType;
import io.gatehouse.userpool.client.AppClientSettings.TimeUnitsType;
import io.gatehouse.userpool.client.AppClientSettings.TokenValidityUnitsType;
import io.gatehouse.userpool.config.AwsJson;
import io.gatehouse.userpool.pool.InvalidSettingException;
import io.gatehouse.userpool.pool.Page;
import io.gatehouse.userpool.pool.PageToken;
import io.gatehouse.userpool.pool.SettingsValidator;
import io.gatehouse.userpool.pool.UserPool;
import io.gatehouse.userpool.pool.UserPoolDeleted;
import io.gatehouse.userpool.pool.UserPoolNotFoundException;
import io.gatehouse.userpool.pool.UserPoolService;
import io.gatehouse.userpool.pool.UserPoolSettings.SchemaAttributeType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * App clients: CreateUserPoolClient, DescribeUserPoolClient, UpdateUserPoolClient, ListUserPoolClients
 * and DeleteUserPoolClient, per the Cognito user pools API reference, with Gatehouse's stricter OAuth
 * rules: no implicit grant (RFC 9700 §2.1.2), exact redirect URIs that are HTTPS except on loopback.
 */
@Service
public class AppClientService {

	static final JsonMapper json = AwsJson.mapper();

	/** Cognito's own scopes; anything else must be a resource-server scope {@code identifier/name}. */
	static final Set<String> COGNITO_SCOPES = Set.of("openid", "email", "phone", "profile", "aws.cognito.signin.user.admin");

	/** What Cognito gives a client that names no ExplicitAuthFlows. */
	static final List<ExplicitAuthFlowsType> DEFAULT_AUTH_FLOWS = List.of(ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH,
			ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH, ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH);

	private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

	private static final int DEFAULT_PAGE_SIZE = 60;

	private final SecureRandom random = new SecureRandom();

	private final AppClientRepository clients;

	private final UserPoolService pools;

	private final ClientSecrets secrets;

	private final SettingsValidator validator;

	private final Clock clock;

	private final AppClientRegisteredClientRepository registeredClients;

	/** The clients the unauthenticated Cognito operations name, by id (see {@link #find(String)}). */
	private final ExpiringCache<String, AppClient> byId;

	AppClientService(AppClientRepository clients, UserPoolService pools, ClientSecrets secrets,
			SettingsValidator validator, ObjectProvider<Clock> clock,
			AppClientRegisteredClientRepository registeredClients, AppClientCacheProperties cache) {
		this.registeredClients = registeredClients;
		this.byId = new ExpiringCache<>(cache.cacheTtl(), clock.getIfAvailable(Clock::systemUTC));
		this.clients = clients;
		this.pools = pools;
		this.secrets = secrets;
		this.validator = validator;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Transactional
	public AppClient create(NewAppClient command) {
		this.validator.validate(command);
		boolean confidential = Boolean.TRUE.equals(command.generateSecret());
		if (command.clientSecret() != null && !confidential) {
			throw new InvalidSettingException("ClientSecret can only be set together with GenerateSecret true.");
		}
		UserPool pool = this.pools.configuration(command.userPoolId());
		AppClientSettings settings = withDefaults(command.settings());
		check(settings, confidential, pool);
		String clientId;
		do {
			clientId = newClientId();
		}
		while (this.clients.existsById(clientId));
		String secret = confidential ? ((command.clientSecret() != null) ? command.clientSecret() : this.secrets.generate())
				: null;
		AppClientEntity entity = new AppClientEntity(clientId, pool.id(), command.clientName(),
				json.writeValueAsString(settings), confidential ? this.secrets.seal(clientId, secret) : null,
				confidential ? this.secrets.hash(secret) : null, now());
		try {
			this.clients.saveAndFlush(entity);
		}
		catch (DataIntegrityViolationException ex) {
			// The pool was deleted between the check above and the insert.
			throw new UserPoolNotFoundException(pool.id());
		}
		return view(entity, secret);
	}

	@Transactional(readOnly = true)
	public AppClient describe(String userPoolId, String clientId) {
		AppClientEntity entity = find(userPoolId, clientId);
		return view(entity, reveal(entity));
	}

	/** A deleted pool took its clients with it: forget every cached client. */
	@EventListener
	void onPoolDeleted(UserPoolDeleted deleted) {
		this.byId.clear();
		this.registeredClients.evictAll();
	}

	/**
	 * The client with this id, whatever its pool: the unauthenticated Cognito operations name only a
	 * {@code ClientId}, and the client decides the pool. Every such operation asks, so known clients are
	 * kept for {@code gatehouse.app-clients.cache-ttl} (changes through this instance evict them at once);
	 * unknown ids are not cached.
	 */
	public Optional<AppClient> find(String clientId) {
		if (clientId == null || clientId.isEmpty() || clientId.length() > 128) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.byId.get(clientId,
				(id) -> this.clients.findById(id).map((entity) -> view(entity, reveal(entity))).orElse(null)));
	}

	/**
	 * The origins ({@code scheme://host[:port]}) of every client's {@code CallbackURLs}, for CORS: browser apps
	 * call the Cognito API from the pages their sign-in returns to.
	 */
	@Transactional(readOnly = true)
	public Set<String> callbackOrigins() {
		Set<String> origins = new java.util.TreeSet<>();
		for (String settings : this.clients.findAllSettings()) {
			List<String> urls = json.readValue(settings, AppClientSettings.class).callbackURLs();
			if (urls == null) {
				continue;
			}
			for (String url : urls) {
				try {
					URI uri = URI.create(url);
					if (uri.getScheme() != null && uri.getHost() != null) {
						origins.add(uri.getScheme().toLowerCase(Locale.ROOT) + "://"
								+ uri.getHost().toLowerCase(Locale.ROOT)
								+ ((uri.getPort() != -1) ? ":" + uri.getPort() : ""));
					}
				}
				catch (IllegalArgumentException ex) {
					// Not a URL a browser could be at (e.g. a custom scheme of a mobile app): no origin.
				}
			}
		}
		return origins;
	}

	@Transactional
	public AppClient update(AppClientChange change) {
		this.validator.validate(change);
		UserPool pool = this.pools.configuration(change.userPoolId());
		AppClientEntity entity = this.clients.findByPoolIdAndClientId(pool.id(), change.clientId())
			.orElseThrow(() -> new AppClientNotFoundException(change.clientId()));
		AppClientSettings settings = withDefaults(change.settings());
		check(settings, entity.clientSecretHash() != null, pool);
		entity.update((change.clientName() != null) ? change.clientName() : entity.clientName(),
				json.writeValueAsString(settings), now());
		this.clients.saveAndFlush(entity);
		this.registeredClients.evict(entity.clientId());
		this.byId.evict(entity.clientId());
		return view(entity, reveal(entity));
	}

	@Transactional(readOnly = true)
	public Page<AppClientSummary> list(String userPoolId, Integer maxResults, String nextToken) {
		this.validator.validate(new ListRequest(userPoolId, maxResults, nextToken));
		this.pools.requireExists(userPoolId);
		int size = (maxResults != null) ? maxResults : DEFAULT_PAGE_SIZE;
		String listing = "app-clients:" + userPoolId;
		Optional<String> after = PageToken.decode(listing, nextToken);
		Limit limit = Limit.of(size + 1);
		List<AppClientEntity> rows = after.isPresent()
				? this.clients.findByPoolIdAndClientIdGreaterThanOrderByClientIdAsc(userPoolId, after.get(), limit)
				: this.clients.findByPoolIdOrderByClientIdAsc(userPoolId, limit);
		List<AppClientSummary> items = rows.stream()
			.limit(size)
			.map((row) -> new AppClientSummary(row.clientId(), row.poolId(), row.clientName()))
			.toList();
		return new Page<>(items,
				(rows.size() > size) ? PageToken.encode(listing, items.get(items.size() - 1).clientId()) : null);
	}

	@Transactional
	public void delete(String userPoolId, String clientId) {
		this.validator.validate(new ClientRef(userPoolId, clientId));
		this.pools.requireExists(userPoolId);
		if (this.clients.deleteByPoolIdAndClientId(userPoolId, clientId) == 0) {
			throw new AppClientNotFoundException(clientId);
		}
		this.registeredClients.evict(clientId);
		this.byId.evict(clientId);
	}

	private AppClientEntity find(String userPoolId, String clientId) {
		this.validator.validate(new ClientRef(userPoolId, clientId));
		this.pools.requireExists(userPoolId);
		return this.clients.findByPoolIdAndClientId(userPoolId, clientId)
			.orElseThrow(() -> new AppClientNotFoundException(clientId));
	}

	private String reveal(AppClientEntity entity) {
		return (entity.clientSecretCiphertext() != null)
				? this.secrets.unseal(entity.clientId(), entity.clientSecretCiphertext()) : null;
	}

	private static AppClient view(AppClientEntity entity, String secret) {
		return new AppClient(entity.poolId(), entity.clientId(), entity.clientName(), secret,
				json.readValue(entity.settings(), AppClientSettings.class), entity.createdAt(), entity.updatedAt());
	}

	private String newClientId() {
		StringBuilder id = new StringBuilder(26);
		for (int i = 0; i < 26; i++) {
			id.append(ID_ALPHABET.charAt(this.random.nextInt(ID_ALPHABET.length())));
		}
		return id.toString();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/** Cognito's defaults for members a request leaves out (on update too: UpdateUserPoolClient replaces). */
	static AppClientSettings withDefaults(AppClientSettings given) {
		TokenValidityUnitsType units = given.tokenValidityUnits();
		TokenValidityUnitsType effectiveUnits = new TokenValidityUnitsType(
				(units != null && units.accessToken() != null) ? units.accessToken() : TimeUnitsType.HOURS,
				(units != null && units.idToken() != null) ? units.idToken() : TimeUnitsType.HOURS,
				(units != null && units.refreshToken() != null) ? units.refreshToken() : TimeUnitsType.DAYS);
		Integer refresh = (given.refreshTokenValidity() != null && given.refreshTokenValidity() != 0)
				? given.refreshTokenValidity() : in(Duration.ofDays(30), effectiveUnits.refreshToken());
		Integer access = (given.accessTokenValidity() != null) ? given.accessTokenValidity()
				: in(Duration.ofHours(1), effectiveUnits.accessToken());
		Integer id = (given.idTokenValidity() != null) ? given.idTokenValidity()
				: in(Duration.ofHours(1), effectiveUnits.idToken());
		return new AppClientSettings(refresh, access, id, effectiveUnits, given.readAttributes(), given.writeAttributes(),
				(given.explicitAuthFlows() != null) ? given.explicitAuthFlows() : DEFAULT_AUTH_FLOWS,
				given.supportedIdentityProviders(), given.callbackURLs(), given.logoutURLs(), given.defaultRedirectURI(),
				given.allowedOAuthFlows(), given.allowedOAuthScopes(),
				(given.allowedOAuthFlowsUserPoolClient() != null) ? given.allowedOAuthFlowsUserPoolClient() : false,
				given.analyticsConfiguration(),
				(given.preventUserExistenceErrors() != null) ? given.preventUserExistenceErrors()
						: PreventUserExistenceErrorTypes.ENABLED,
				(given.enableTokenRevocation() != null) ? given.enableTokenRevocation() : true,
				(given.enablePropagateAdditionalUserContextData() != null)
						? given.enablePropagateAdditionalUserContextData() : false,
				(given.authSessionValidity() != null) ? given.authSessionValidity() : 3,
				rotationInForce(given.refreshTokenRotation()));
	}

	/**
	 * The refresh token rotation a client gets: what it asked for, or rotation without a retry grace period when
	 * it named none. Cognito's default is {@code DISABLED}; Gatehouse rotates by default because SECURITY.md
	 * requires rotating refresh tokens, and says so in DescribeUserPoolClient instead of leaving it implicit.
	 */
	static RefreshTokenRotationType rotationInForce(RefreshTokenRotationType given) {
		if (given == null) {
			return new RefreshTokenRotationType(FeatureType.ENABLED, 0);
		}
		if (given.feature() == FeatureType.ENABLED && given.retryGracePeriodSeconds() == null) {
			return new RefreshTokenRotationType(FeatureType.ENABLED, 0);
		}
		return given;
	}

	/** A duration as a whole number of {@code unit}s, rounded up (1 hour in days is 1 day). */
	private static int in(Duration duration, TimeUnitsType unit) {
		long seconds = seconds(unit);
		return (int) ((duration.getSeconds() + seconds - 1) / seconds);
	}

	static long seconds(TimeUnitsType unit) {
		return switch (unit) {
			case SECONDS -> 1;
			case MINUTES -> 60;
			case HOURS -> 3600;
			case DAYS -> 86400;
		};
	}

	static Duration duration(int value, TimeUnitsType unit) {
		return Duration.ofSeconds(value * seconds(unit));
	}

	private static void check(AppClientSettings settings, boolean confidential, UserPool pool) {
		checkValidity("AccessTokenValidity", duration(settings.accessTokenValidity(), settings.tokenValidityUnits().accessToken()),
				Duration.ofMinutes(5), Duration.ofDays(1), "5 minutes and 1 day");
		checkValidity("IdTokenValidity", duration(settings.idTokenValidity(), settings.tokenValidityUnits().idToken()),
				Duration.ofMinutes(5), Duration.ofDays(1), "5 minutes and 1 day");
		checkValidity("RefreshTokenValidity",
				duration(settings.refreshTokenValidity(), settings.tokenValidityUnits().refreshToken()),
				Duration.ofMinutes(60), Duration.ofDays(3650), "60 minutes and 10 years");
		checkAuthFlows(settings.explicitAuthFlows());
		checkOAuth(settings, confidential);
		checkUrls("CallbackURLs", settings.callbackURLs());
		checkUrls("LogoutURLs", settings.logoutURLs());
		if (settings.defaultRedirectURI() != null && (settings.callbackURLs() == null
				|| !settings.callbackURLs().contains(settings.defaultRedirectURI()))) {
			throw new InvalidSettingException("DefaultRedirectURI must be one of the CallbackURLs.");
		}
		unique("SupportedIdentityProviders", settings.supportedIdentityProviders());
		if (settings.supportedIdentityProviders() != null) {
			for (String provider : settings.supportedIdentityProviders()) {
				if (!"COGNITO".equals(provider)) {
					throw new InvalidSettingException(
							"The provider " + provider + " does not exist for User Pool " + pool.id() + ".");
				}
			}
		}
		Set<String> attributes = pool.schemaAttributes()
			.stream()
			.map(SchemaAttributeType::name)
			.collect(Collectors.toSet());
		checkAttributes("ReadAttributes", settings.readAttributes(), attributes);
		checkAttributes("WriteAttributes", settings.writeAttributes(), attributes);
		if (settings.writeAttributes() != null && settings.writeAttributes().contains("sub")) {
			throw new InvalidSettingException("Invalid write attributes specified while creating a client: sub can't be written.");
		}
	}

	private static void checkValidity(String member, Duration value, Duration min, Duration max, String range) {
		if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
			throw new InvalidSettingException(member + " must be between " + range + " (with its TokenValidityUnits).");
		}
	}

	private static void checkAuthFlows(List<ExplicitAuthFlowsType> flows) {
		unique("ExplicitAuthFlows", flows);
		if (flows.stream().anyMatch(ExplicitAuthFlowsType::legacy) && flows.stream().anyMatch((f) -> !f.legacy())) {
			throw new InvalidSettingException("ExplicitAuthFlows can't mix legacy values with ALLOW_ values.");
		}
	}

	private static void checkOAuth(AppClientSettings settings, boolean confidential) {
		List<OAuthFlowType> flows = (settings.allowedOAuthFlows() != null) ? settings.allowedOAuthFlows() : List.of();
		List<String> scopes = (settings.allowedOAuthScopes() != null) ? settings.allowedOAuthScopes() : List.of();
		unique("AllowedOAuthFlows", flows);
		unique("AllowedOAuthScopes", scopes);
		if (flows.contains(OAuthFlowType.IMPLICIT)) {
			throw new OAuthFlowNotAllowedException(
					"The implicit flow is not supported: use the code flow with PKCE (RFC 9700).");
		}
		for (String scope : scopes) {
			if (!COGNITO_SCOPES.contains(scope) && !scope.contains("/")) {
				throw new OAuthScopeNotFoundException("Invalid scope requested: " + scope);
			}
		}
		if (flows.contains(OAuthFlowType.CLIENT_CREDENTIALS)) {
			if (flows.contains(OAuthFlowType.CODE)) {
				throw new OAuthFlowNotAllowedException(
						"client_credentials flow can not be selected along with code flow or implicit flow.");
			}
			if (!confidential) {
				throw new OAuthFlowNotAllowedException(
						"client_credentials flow can not be selected if client does not have a client secret.");
			}
			if (scopes.stream().anyMatch(COGNITO_SCOPES::contains)) {
				throw new OAuthFlowNotAllowedException(
						"client_credentials flow can only be used with resource-server scopes.");
			}
		}
		if (Boolean.TRUE.equals(settings.allowedOAuthFlowsUserPoolClient())) {
			if (flows.isEmpty() || scopes.isEmpty()) {
				throw new InvalidSettingException(
						"AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows.");
			}
			if (flows.contains(OAuthFlowType.CODE) && (settings.callbackURLs() == null || settings.callbackURLs().isEmpty())) {
				throw new InvalidSettingException("CallbackURLs are required for the code flow.");
			}
		}
	}

	/**
	 * Redirect URIs are matched exactly later, so they must be exact here: absolute, no fragment
	 * (RFC 6749 §3.1.2), HTTPS except on loopback, and never a scheme that runs code in a browser.
	 */
	private static void checkUrls(String member, List<String> urls) {
		if (urls == null) {
			return;
		}
		unique(member, urls);
		for (String url : urls) {
			URI uri;
			try {
				uri = new URI(url);
			}
			catch (URISyntaxException ex) {
				throw new InvalidSettingException(member + " must be absolute URLs.");
			}
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
			if (scheme == null || uri.getRawFragment() != null) {
				throw new InvalidSettingException(member + " must be absolute URLs without a fragment.");
			}
			if (Set.of("javascript", "data", "file", "vbscript", "blob").contains(scheme)) {
				throw new InvalidSettingException(member + " can't use the " + scheme + " scheme.");
			}
			if (("http".equals(scheme) || "https".equals(scheme)) && (uri.getHost() == null || uri.getRawUserInfo() != null)) {
				throw new InvalidSettingException(member + " must name a host and no user info.");
			}
			if ("http".equals(scheme) && !isLoopback(uri.getHost())) {
				throw new InvalidSettingException(member + " must use HTTPS, except for http://localhost.");
			}
		}
	}

	private static boolean isLoopback(String host) {
		return "localhost".equalsIgnoreCase(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
	}

	private static void checkAttributes(String member, List<String> names, Set<String> schema) {
		if (names == null) {
			return;
		}
		unique(member, names);
		for (String name : names) {
			if (!schema.contains(name)) {
				throw new InvalidSettingException("Invalid " + member + " specified: " + name
						+ " is not an attribute of the user pool.");
			}
		}
	}

	private static void unique(String member, Collection<?> values) {
		if (values != null && new HashSet<>(values).size() != values.size()) {
			throw new InvalidSettingException(member + " contains duplicates.");
		}
	}

	record ClientRef(@NotNull @Size(min = 1, max = 55) @Pattern(regexp = "[\\w-]+_[0-9a-zA-Z]+") String userPoolId,
			@NotNull @Size(min = 1, max = 128) @Pattern(regexp = "[\\w+]+") String clientId) {
	}

	record ListRequest(@NotNull @Size(min = 1, max = 55) @Pattern(regexp = "[\\w-]+_[0-9a-zA-Z]+") String userPoolId,
			@Min(1) @Max(60) Integer maxResults,
			@Size(min = 1, max = 131072) @Pattern(regexp = "[\\S]+") String nextToken) {
	}

}
