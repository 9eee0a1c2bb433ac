package io.gatehouse.userpool.token;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContext;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;

/**
 * The authorization server context of one user pool's issuer, {@code {publicBaseUrl}/{userPoolId}}. The
 * issuer is built from configuration, never from the request's {@code Host} header, and the pool id is
 * carried explicitly so that clients, keys and authorizations can be scoped to it without parsing URLs.
 */
public final class PoolAuthorizationServerContext implements AuthorizationServerContext {

	private final String poolId;

	private final String issuer;

	private final AuthorizationServerSettings settings;

	/** Values read once per operation (a refresh mints two tokens for one user); one thread uses a context. */
	private final Map<Object, Object> memo = new HashMap<>();

	public PoolAuthorizationServerContext(URI publicBaseUrl, String poolId, AuthorizationServerSettings settings) {
		this.poolId = poolId;
		this.issuer = issuer(publicBaseUrl, poolId);
		this.settings = settings;
	}

	/** The issuer of a pool: the public base URL without a trailing slash, then the pool id. */
	public static String issuer(URI publicBaseUrl, String poolId) {
		String base = publicBaseUrl.toString();
		while (base.endsWith("/")) {
			base = base.substring(0, base.length() - 1);
		}
		return base + "/" + poolId;
	}

	/** The pool of the issuer bound to this thread, or null when none (or a foreign context) is bound. */
	public static String currentPoolId() {
		return (AuthorizationServerContextHolder.getContext() instanceof PoolAuthorizationServerContext context)
				? context.poolId : null;
	}

	/**
	 * The value {@code key} names, computed at most once while the same context is bound (one request or
	 * one Cognito API operation); outside a pool context, computed every time.
	 */
	@SuppressWarnings("unchecked")
	public static <T> T memoize(Object key, Supplier<T> value) {
		if (AuthorizationServerContextHolder.getContext() instanceof PoolAuthorizationServerContext context) {
			if (context.memo.containsKey(key)) {
				return (T) context.memo.get(key);
			}
			T computed = value.get();
			context.memo.put(key, computed);
			return computed;
		}
		return value.get();
	}

	/** Sets the value {@code key} names while the same context is bound; outside a pool context, nothing. */
	static void remember(Object key, Object value) {
		if (AuthorizationServerContextHolder.getContext() instanceof PoolAuthorizationServerContext context) {
			context.memo.put(key, value);
		}
	}

	public String poolId() {
		return this.poolId;
	}

	@Override
	public String getIssuer() {
		return this.issuer;
	}

	@Override
	public AuthorizationServerSettings getAuthorizationServerSettings() {
		return this.settings;
	}

}
