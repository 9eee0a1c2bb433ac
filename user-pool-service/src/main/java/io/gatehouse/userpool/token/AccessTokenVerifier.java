package io.gatehouse.userpool.token;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.gatehouse.shared.claims.CognitoClaims;
import io.gatehouse.userpool.config.GatehouseProperties;
import io.gatehouse.userpool.signing.SigningKeys;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Verifies the access tokens the Cognito API's self-service operations are called with ({@code GetUser},
 * {@code GlobalSignOut}, ...), locally: no HTTP, no JWKS fetch. A token is accepted only when
 * <ul>
 * <li>it is a JWS signed RS256 by a published key of the pool its {@code iss} names ({@code kid} required;
 * {@code jku}, {@code x5u} and embedded {@code jwk} headers are refused, not followed), and that issuer is
 * exactly {@code {publicBaseUrl}/{poolId}};</li>
 * <li>{@code token_use} is {@code access}, {@code exp} is in the future, and {@code sub}, {@code client_id},
 * {@code jti} are present;</li>
 * <li>the token is still active in the token store: not revoked, its user not signed out since
 * ({@code GlobalSignOut} takes effect at once, not at expiry).</li>
 * </ul>
 * Whether the scope allows an operation and whether the user still exists and is enabled are for the caller.
 */
@Service
public final class AccessTokenVerifier {

	private static final int MAX_TOKEN_LENGTH = 16_384;

	private static final Pattern POOL_ID = Pattern.compile("[\\w-]+_[0-9a-zA-Z]+");

	private final SigningKeys keys;

	private final HashedTokenAuthorizationService authorizations;

	private final String issuerPrefix;

	private final Clock clock;

	AccessTokenVerifier(SigningKeys keys, HashedTokenAuthorizationService authorizations,
			GatehouseProperties gatehouse, ObjectProvider<Clock> clock) {
		this.keys = keys;
		this.authorizations = authorizations;
		this.issuerPrefix = PoolAuthorizationServerContext.issuer(gatehouse.publicBaseUrl(), "");
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** @return the verified token, or empty when it is not a valid, active access token of any pool */
	public Optional<VerifiedAccessToken> verify(String token) {
		if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
			return Optional.empty();
		}
		try {
			SignedJWT jwt = SignedJWT.parse(token);
			JWSHeader header = jwt.getHeader();
			if (!JWSAlgorithm.RS256.equals(header.getAlgorithm()) || header.getKeyID() == null
					|| header.getJWKURL() != null || header.getJWK() != null || header.getX509CertURL() != null
					|| header.getX509CertChain() != null) {
				return Optional.empty();
			}
			String issuer = jwt.getJWTClaimsSet().getIssuer();
			if (issuer == null || !issuer.startsWith(this.issuerPrefix)) {
				return Optional.empty();
			}
			String poolId = issuer.substring(this.issuerPrefix.length());
			if (poolId.length() > 55 || !POOL_ID.matcher(poolId).matches()) {
				return Optional.empty();
			}
			RSAKey key = this.keys.verificationKeys(poolId)
				.stream()
				.filter((candidate) -> header.getKeyID().equals(candidate.getKeyID()))
				.findFirst()
				.orElse(null);
			if (key == null || !jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))) {
				return Optional.empty();
			}
			return accepted(poolId, jwt.getJWTClaimsSet());
		}
		catch (ParseException | JOSEException | IllegalArgumentException ex) {
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
