package io.gatehouse.userpool.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The web session's security context, seen through the user pool a request is for (the first path segment,
 * {@code /{userPoolId}/...}). A {@link PoolUserAuthentication} of pool A is simply not there for a request
 * to pool B: a session signed in at one pool is anonymous at every other. The context is stored where Spring
 * Security stores it by default (the {@code SPRING_SECURITY_CONTEXT} session attribute, in Spring Session),
 * so every chain under a pool's issuer that uses this repository sees the same sign-in.
 * <p>
 * One session holds one sign-in: signing in at pool B replaces a sign-in at pool A.
 */
public final class PoolSecurityContextRepository implements SecurityContextRepository {

	private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	@Override
	@Deprecated
	public SecurityContext loadContext(HttpRequestResponseHolder requestResponseHolder) {
		return scoped(requestResponseHolder.getRequest(), this.sessions.loadContext(requestResponseHolder));
	}

	@Override
	public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
		DeferredSecurityContext stored = this.sessions.loadDeferredContext(request);
		return new DeferredSecurityContext() {
			@Override
			public SecurityContext get() {
				return scoped(request, stored.get());
			}

			@Override
			public boolean isGenerated() {
				return stored.isGenerated() || !belongs(request, stored.get().getAuthentication());
			}
		};
	}

	@Override
	public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
		// An empty context at pool B must not erase a sign-in at pool A it never saw.
		if (context.getAuthentication() == null && !belongs(request, storedAuthentication(request))) {
			return;
		}
		this.sessions.saveContext(context, request, response);
	}

	@Override
	public boolean containsContext(HttpServletRequest request) {
		return this.sessions.containsContext(request) && belongs(request, storedAuthentication(request));
	}

	/** The user pool id a request is for: its first path segment (after the context path). */
	public static String poolIdOf(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/")) {
			path = path.substring(1);
		}
		int slash = path.indexOf('/');
		return (slash >= 0) ? path.substring(0, slash) : path;
	}

	private SecurityContext scoped(HttpServletRequest request, SecurityContext stored) {
		return belongs(request, stored.getAuthentication()) ? stored : this.holder.createEmptyContext();
	}

	private Authentication storedAuthentication(HttpServletRequest request) {
		var session = request.getSession(false);
		if (session == null) {
			return null;
		}
		Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		return (context instanceof SecurityContext securityContext) ? securityContext.getAuthentication() : null;
	}

	private static boolean belongs(HttpServletRequest request, Authentication authentication) {
		return authentication instanceof PoolUserAuthentication user && user.poolId().equals(poolIdOf(request));
	}

}
