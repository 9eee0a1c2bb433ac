package io.gatehouse.userpool.auth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * A user who completed authentication at one user pool, through any door (hosted pages, InitiateAuth,
 * AdminInitiateAuth, federation). The hosted UI keeps it in the web session; the token pipeline reads it
 * to build Cognito-shaped claims. It is valid only at its own pool: another pool's issuer must treat it
 * as no authentication at all.
 *
 * @see io.gatehouse.userpool.token.TokenIssuer
 */
public final class PoolUserAuthentication extends AbstractAuthenticationToken {

	private final String poolId;

	private final UUID sub;

	private final String username;

	private final Instant authTime;

	private final List<String> authenticationMethods;

	/**
	 * @param poolId the user pool the user signed in to
	 * @param sub the user's {@code sub}
	 * @param username the user's username (as stored, not the alias typed at sign-in)
	 * @param authTime when the user last actively authenticated ({@code auth_time})
	 * @param authenticationMethods OIDC {@code amr} values, e.g. {@code pwd}, {@code otp}, {@code mfa}, {@code fed}
	 */
	public PoolUserAuthentication(String poolId, UUID sub, String username, Instant authTime,
			List<String> authenticationMethods) {
		super(AuthorityUtils.NO_AUTHORITIES);
		this.poolId = Objects.requireNonNull(poolId, "poolId");
		this.sub = Objects.requireNonNull(sub, "sub");
		this.username = Objects.requireNonNull(username, "username");
		this.authTime = Objects.requireNonNull(authTime, "authTime");
		this.authenticationMethods = List.copyOf(authenticationMethods);
		setAuthenticated(true);
	}

	public String poolId() {
		return this.poolId;
	}

	public UUID sub() {
		return this.sub;
	}

	public String username() {
		return this.username;
	}

	public Instant authTime() {
		return this.authTime;
	}

	public List<String> authenticationMethods() {
		return this.authenticationMethods;
	}

	/** The OAuth2 principal name is the {@code sub}: stable across username and alias changes. */
	@Override
	public String getName() {
		return this.sub.toString();
	}

	@Override
	public Object getPrincipal() {
		return this.sub.toString();
	}

	/** Never any credential: passwords are checked before this object exists and are not kept. */
	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof PoolUserAuthentication that && super.equals(that) && this.poolId.equals(that.poolId)
				&& this.sub.equals(that.sub) && this.authTime.equals(that.authTime);
	}

	@Override
	public int hashCode() {
		return Objects.hash(super.hashCode(), this.poolId, this.sub, this.authTime);
	}

}
