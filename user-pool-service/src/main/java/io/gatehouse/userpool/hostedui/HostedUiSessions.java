package io.gatehouse.userpool.hostedui;

import java.util.UUID;

import io.gatehouse.userpool.auth.PoolSecurityContextRepository;
import io.gatehouse.userpool.auth.PoolUserAuthentication;
import io.gatehouse.userpool.auth.UserSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The hosted pages' web sessions (Spring Session JDBC): signing in and out, and ending every session of a
 * user ({@link UserSessions}) when their password is reset. A session's principal name is the user's sub, so
 * Spring Session's principal index finds them.
 */
@Component
public final class HostedUiSessions implements UserSessions {

	private final PoolSecurityContextRepository contexts = new PoolSecurityContextRepository();

	private final HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	HostedUiSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	public PoolSecurityContextRepository securityContextRepository() {
		return this.contexts;
	}

	public HttpSessionCsrfTokenRepository csrfTokenRepository() {
		return this.csrfTokens;
	}

	/** The user signed in at {@code poolId} in this request's session, if any. */
	PoolUserAuthentication currentUser(String poolId) {
		Authentication authentication = this.holder.getContext().getAuthentication();
		return (authentication instanceof PoolUserAuthentication user && user.poolId().equals(poolId)) ? user : null;
	}

	/**
	 * Keeps {@code user} in the web session. The session id changes and the CSRF token is replaced, so
	 * nothing an attacker planted before sign-in (a session id, a token) is worth anything after it.
	 */
	void signIn(PoolUserAuthentication user, HttpServletRequest request, HttpServletResponse response) {
		request.getSession();
		request.changeSessionId();
		this.csrfTokens.saveToken(null, request, response);
		SecurityContext context = this.holder.createEmptyContext();
		context.setAuthentication(user);
		this.holder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

	/** Ends the whole web session (one session holds one sign-in). */
	void signOut(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		this.holder.clearContext();
	}

	@Override
	public void endAll(String poolId, UUID sub) {
		// Subs are UUIDs unique across pools, so the principal index names this pool's user only.
		this.sessions.findByPrincipalName(sub.toString()).keySet().forEach(this.sessions::deleteById);
	}

}
