package io.gatehouse.userpool.token;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;

import io.gatehouse.shared.claims.CognitoClaims;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Verifies the access tokens the Cognito API's self-service operations are called with ({@code GetUser},
 * {@code GlobalSignOut}, ...), locally: no HTTP, no JWKS fetch. A token is accepted only when
 * <ul>
 * <li>it is signed by a published key of the pool its {@code iss} names, and that issuer is exactly
 * {@code {publicBaseUrl}/{poolId}} ({@link PoolTokenSignatures});</li>
 * <li>{@code token_use} is {@code access}, {@code exp} is in the future, and {@code sub}, {@code client_id},
 * {@code jti} are present;</li>
 * <li>the token is still active in the token store: not revoked, its user not signed out since
 * ({@code GlobalSignOut} takes effect at once, not at expiry).</li>
 * </ul>
 * Whether the scope allows an operation and whether the user still exists and is enabled are for the caller.
 */
@Service
public final class AccessTokenVerifier {

	private final PoolTokenSignatures signatures;

	private final HashedTokenAuthorizationService authorizations;

	private final Clock clock;

	AccessTokenVerifier(PoolTokenSignatures signatures, HashedTokenAuthorizationService authorizations,
			ObjectProvider<Clock> clock) {
		this.signatures = signatures;
		this.authorizations = authorizations;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** @return the verified token, or empty when it is not a valid, active access token of any pool */
	public Optional<VerifiedAccessToken> verify(String token) {
		Optional<PoolTokenSignatures.Signed> signed = this.signatures.verify(token);
		if (signed.isEmpty()) {
			return Optional.empty();
		}
		try {
			return accepted(signed.get().poolId(), signed.get().claims());
		}
		catch (ParseException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private Optional<VerifiedAccessToken> accepted(String poolId, JWTClaimsSet claims) throws ParseException {
		Date expiresAt = claims.getExpirationTime();
		String jti = claims.getJWTID();
		String clientId = claims.getStringClaim(CognitoClaims.CLIENT_ID);
		String scope = claims.getStringClaim("scope");
		if (!CognitoClaims.TOKEN_USE_ACCESS.equals(claims.getStringClaim(CognitoClaims.TOKEN_USE))
				|| expiresAt == null || !expiresAt.toInstant().isAfter(this.clock.instant()) || jti == null
				|| clientId == null || claims.getSubject() == null) {
			return Optional.empty();
		}
		UUID sub = UUID.fromString(claims.getSubject());
		if (!this.authorizations.isAccessTokenActive(poolId, jti)) {
			return Optional.empty();
		}
		Set<String> scopes = new LinkedHashSet<>();
		if (scope != null) {
			for (String item : scope.split(" ")) {
				if (!item.isEmpty()) {
					scopes.add(item);
				}
			}
		}
		return Optional.of(new VerifiedAccessToken(poolId, sub, clientId, jti, Set.copyOf(scopes),
				expiresAt.toInstant()));
	}

	/**
	 * An access token that passed {@link AccessTokenVerifier#verify}.
	 *
	 * @param poolId the pool whose issuer signed it
	 * @param sub the user
	 * @param clientId the app client it was issued to
	 */
	public record VerifiedAccessToken(String poolId, UUID sub, String clientId, String jti, Set<String> scopes,
			Instant expiresAt) {

		public boolean hasScope(String scope) {
			return this.scopes.contains(scope);
		}

	}

}
