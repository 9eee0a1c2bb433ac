package io.gatehouse.userpool.token;

import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;

import io.gatehouse.shared.claims.CognitoClaims;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Whether an ID token a pool issued is still good, for relying parties that must not rely on its signature and
 * expiry alone (an identity pool with {@code ServerSideTokenCheck}). An ID token is active when
 * <ul>
 * <li>it is signed by a published key of the pool asked about, and its issuer is that pool's
 * ({@link PoolTokenSignatures});</li>
 * <li>{@code token_use} is {@code id}, {@code exp} is in the future, {@code sub} and a single {@code aud} are
 * present;</li>
 * <li>its sign-in ({@code origin_jti}, the authorization every token of one sign-in shares) is not revoked
 * ({@code GlobalSignOut}, {@code AdminUserGlobalSignOut}, {@code RevokeToken}, end-session, a password reset
 * all revoke it), belongs to that user and app client, and the user still exists and is enabled.</li>
 * </ul>
 * The answer is only yes or no: why a token is not active is not told, so the endpoint teaches a holder of a
 * stolen or forged token nothing. The token store is read with one statement on primary keys.
 */
@Service
public final class IdTokenStatus {

	private static final int MAX_AUTHORIZATION_ID_LENGTH = 100;

	private final PoolTokenSignatures signatures;

	private final HashedTokenAuthorizationService authorizations;

	private final Clock clock;

	IdTokenStatus(PoolTokenSignatures signatures, HashedTokenAuthorizationService authorizations,
			ObjectProvider<Clock> clock) {
		this.signatures = signatures;
		this.authorizations = authorizations;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * @param poolId the pool whose issuer is asked (the path the question came in on); another pool's token is
	 * not active here, whatever its state at its own pool
	 */
	public boolean isActive(String poolId, String idToken) {
		Optional<PoolTokenSignatures.Signed> signed = this.signatures.verify(idToken);
		if (signed.isEmpty() || !signed.get().poolId().equals(poolId)) {
			return false;
		}
		try {
			return isActive(poolId, signed.get().claims());
		}
		catch (ParseException | IllegalArgumentException ex) {
			return false;
		}
	}

	private boolean isActive(String poolId, JWTClaimsSet claims) throws ParseException {
		Date expiresAt = claims.getExpirationTime();
		List<String> audience = claims.getAudience();
		String signIn = claims.getStringClaim(CognitoClaims.ORIGIN_JTI);
		if (!CognitoClaims.TOKEN_USE_ID.equals(claims.getStringClaim(CognitoClaims.TOKEN_USE)) || expiresAt == null
				|| !expiresAt.toInstant().isAfter(this.clock.instant()) || claims.getSubject() == null
				|| audience.size() != 1 || signIn == null || signIn.isEmpty()
				|| signIn.length() > MAX_AUTHORIZATION_ID_LENGTH) {
			return false;
		}
		UUID sub = UUID.fromString(claims.getSubject());
		return this.authorizations.isSignInActive(poolId, signIn, sub, audience.get(0));
	}

}
