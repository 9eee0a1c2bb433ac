package io.gatehouse.userpool.token;

import java.text.ParseException;
import java.util.Optional;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.gatehouse.userpool.config.GatehouseProperties;
import io.gatehouse.userpool.signing.SigningKeys;

import org.springframework.stereotype.Component;

/**
 * The part of checking a JWT this service issued that does not depend on its use: locally (no HTTP, no JWKS
 * fetch), the token must be a JWS signed RS256 by a published key of the pool its {@code iss} names
 * ({@code kid} required; {@code jku}, {@code x5u}, {@code x5c} and embedded {@code jwk} headers are refused,
 * not followed), and that issuer must be exactly {@code {publicBaseUrl}/{poolId}}. What the claims must say
 * (use, expiry, whether the sign-in is still active) is for the verifier of each token kind.
 */
@Component
final class PoolTokenSignatures {

	static final int MAX_TOKEN_LENGTH = 16_384;

	private static final Pattern POOL_ID = Pattern.compile("[\\w-]+_[0-9a-zA-Z]+");

	private final SigningKeys keys;

	private final String issuerPrefix;

	PoolTokenSignatures(SigningKeys keys, GatehouseProperties gatehouse) {
		this.keys = keys;
		this.issuerPrefix = PoolAuthorizationServerContext.issuer(gatehouse.publicBaseUrl(), "");
	}

	/** @return the pool whose key signed the token, with its claims; empty when it is not one of ours */
	Optional<Signed> verify(String token) {
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
			return Optional.of(new Signed(poolId, jwt.getJWTClaimsSet()));
		}
		catch (ParseException | JOSEException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** A token whose signature is one of {@code poolId}'s; nothing about its claims is checked yet. */
	record Signed(String poolId, JWTClaimsSet claims) {
	}

}
