package io.gatehouse.identitypool.openid;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.gatehouse.identitypool.config.GatehouseProperties;
import io.gatehouse.identitypool.provider.VerifiedToken;
import io.gatehouse.identitypool.provider.WebIdentityVerifier;

import org.springframework.stereotype.Service;

/**
 * The OpenID tokens of the identity pool's basic (classic) flow: signed RS256 by this service's own
 * issuer, with Cognito's claims: {@code iss} the issuer, {@code sub} the identity id, {@code aud} the
 * identity pool id, {@code amr} {@code ["authenticated", provider...]} or {@code ["unauthenticated"]},
 * and principal tags under {@code https://aws.amazon.com/tags} as AWS STS reads session tags.
 */
@Service
public final class OpenIdTokens {

	private final SigningKeys keys;

	private final WebIdentityVerifier verifier;

	private final GatehouseProperties gatehouse;

	private final OpenIdProperties properties;

	private final Clock clock;

	OpenIdTokens(SigningKeys keys, WebIdentityVerifier verifier, GatehouseProperties gatehouse,
			OpenIdProperties properties, Clock clock) {
		this.keys = keys;
		this.verifier = verifier;
		this.gatehouse = gatehouse;
		this.properties = properties;
		this.clock = clock;
	}

	/** The issuer every token of this service names. */
	public String issuer() {
		return this.gatehouse.issuer();
	}

	/** A token for the configured lifetime. */
	public OpenIdToken issue(String identityId, String identityPoolId, List<String> amr,
			Map<String, String> principalTags) {
		return issue(identityId, identityPoolId, amr, principalTags, this.properties.tokenLifetime());
	}

	public OpenIdToken issue(String identityId, String identityPoolId, List<String> amr,
			Map<String, String> principalTags, Duration lifetime) {
		SigningKeys.Key key = this.keys.signing();
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(lifetime);
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer())
			.subject(identityId)
			.audience(identityPoolId)
			.claim("amr", List.copyOf(amr))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(expiresAt));
		if (!principalTags.isEmpty()) {
			Map<String, List<String>> tags = new LinkedHashMap<>();
			principalTags.forEach((tag, value) -> tags.put(tag, List.of(value)));
			claims.claim("https://aws.amazon.com/tags", Map.of("principal_tags", tags));
		}
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.kid()).type(JOSEObjectType.JWT).build(),
				claims.build());
		try {
			jwt.sign(new RSASSASigner(key.rsa()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("RS256 signing is unavailable", ex);
		}
		return new OpenIdToken(jwt.serialize(), expiresAt);
	}

	/**
	 * Verifies a token this issuer signed, with the same refusals as any received token; its audience
	 * (the identity pool) is for the caller to check.
	 */
	public VerifiedToken verify(String token) {
		return this.verifier.verifyWithKeys(token, issuer(),
				(kid) -> this.keys.find(kid).map((key) -> List.<JWK>of(key)).orElse(List.of()));
	}

	public record OpenIdToken(String token, Instant expiresAt) {

		@Override
		public String toString() {
			return "OpenIdToken[expiresAt=" + this.expiresAt + "]";
		}

	}

}
