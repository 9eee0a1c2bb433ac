package io.gatehouse.userpool.auth;

import java.util.UUID;

import io.gatehouse.userpool.token.TokenIssuer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Ends everything a user is signed in with at a pool: their refresh tokens (and what was issued with them)
 * through the token pipeline's {@link TokenIssuer}, and their hosted-UI web sessions. Used after a password
 * reset; {@code GlobalSignOut} and {@code AdminUserGlobalSignOut} are meant to use it too.
 * <p>
 * Both parts are optional beans so the account flows work in a service assembled without the token
 * pipeline or the hosted pages; when present, both are always called.
 */
@Service
public final class SignOutEverywhere {

	private final ObjectProvider<TokenIssuer> tokens;

	private final ObjectProvider<UserSessions> sessions;

	SignOutEverywhere(ObjectProvider<TokenIssuer> tokens, ObjectProvider<UserSessions> sessions) {
		this.tokens = tokens;
		this.sessions = sessions;
	}

	public void signOut(String poolId, UUID sub) {
		this.tokens.ifAvailable((issuer) -> issuer.revokeAll(poolId, sub));
		this.sessions.orderedStream().forEach((registry) -> registry.endAll(poolId, sub));
	}

}
