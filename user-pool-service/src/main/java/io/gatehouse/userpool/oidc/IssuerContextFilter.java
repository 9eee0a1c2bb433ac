package io.gatehouse.userpool.oidc;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import io.gatehouse.userpool.token.PoolAuthorizationServerContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds the issuer of the pool named by the first path segment, {@code {publicBaseUrl}/{userPoolId}}, for the
 * rest of the request. It runs after Spring Authorization Server's own context filter and replaces the issuer
 * that filter derived from the request URL, so a forged {@code Host} or {@code X-Forwarded-*} header never
 * changes the issuer in discovery, tokens or responses. A pool that does not exist has no endpoints: 404.
 */
public final class IssuerContextFilter extends OncePerRequestFilter {

	private static final Pattern POOL_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*_[0-9a-zA-Z]{1,32}");

	private final URI publicBaseUrl;

	private final AuthorizationServerSettings settings;

	private final JdbcClient jdbc;

	public IssuerContextFilter(URI publicBaseUrl, AuthorizationServerSettings settings, JdbcClient jdbc) {
		this.publicBaseUrl = publicBaseUrl;
		this.settings = settings;
		this.jdbc = jdbc;
	}

	/** The pool id in a request path {@code /{userPoolId}/...}, or null. */
	static String poolIdOf(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.startsWith("/")) {
			return null;
		}
		int end = path.indexOf('/', 1);
		String candidate = (end < 0) ? path.substring(1) : path.substring(1, end);
		return POOL_ID.matcher(candidate).matches() ? candidate : null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String poolId = poolIdOf(request);
		if (poolId == null || !exists(poolId)) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setHeader("Cache-Control", "no-store");
			response.getOutputStream()
				.write("{\"error\":\"not_found\",\"error_description\":\"No such user pool.\"}"
					.getBytes(StandardCharsets.UTF_8));
			return;
		}
		AuthorizationServerContextHolder
			.setContext(new PoolAuthorizationServerContext(this.publicBaseUrl, poolId, this.settings));
		chain.doFilter(request, response);
	}

	private boolean exists(String poolId) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM user_pool.user_pool WHERE id = ?)")
			.param(poolId)
			.query(Boolean.class)
			.single();
	}

}
