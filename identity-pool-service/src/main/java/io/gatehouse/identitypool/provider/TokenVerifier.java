package io.gatehouse.identitypool.provider;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;

import io.gatehouse.identitypool.Refusal;
import io.gatehouse.identitypool.RefusedException;

import org.springframework.stereotype.Component;

/**
 * Verifies a provider's JWT (RFC 7519) against keys learned from that provider's JWKS, applying
 * SECURITY.md "Tokens received": only asymmetric JWS algorithms (no {@code none}, no HMAC, so a public key
 * can never be used as an HMAC secret), no key material or key location carried by the token itself
 * ({@code jku}, {@code x5u}, {@code jwk}, {@code x5c}: RFC 8725 §3.10), known {@code kid}, exact
 * {@code iss}, {@code aud}, {@code token_use}, {@code exp}, {@code nbf}, and size and nesting limits
 * before any parsing.
 */
@Component
final class TokenVerifier {

	private static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
			JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
			JWSAlgorithm.ES384, JWSAlgorithm.ES512);

	private static final int MAX_NESTING = 16;

	private static final int MAX_CACHED_VERIFIERS = 1024;

	private final Map<KeyInstance, JWSVerifier> verifiers = new ConcurrentHashMap<>();

	private final ProviderKeys keys;

	private final ProviderProperties properties;

	private final Clock clock;

	TokenVerifier(ProviderKeys keys, ProviderProperties properties, Clock clock) {
		this.keys = keys;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @param issuer the exact issuer the token must name, whose JWKS holds its key
	 * @param audiences the client ids of which {@code aud} must hold at least one
	 * @param tokenUse the {@code token_use} the token must carry, or null when the provider has none
	 * @throws RefusedException {@code NOT_AUTHORIZED} with a message naming the rule the token broke
	 * ({@code EXPIRED_TOKEN} when it has expired)
	 */
	VerifiedToken verify(String token, String issuer, Set<String> audiences, String tokenUse) {
		return verify(token, issuer, audiences, tokenUse, (kid) -> this.keys.candidates(issuer, kid));
	}

	/**
	 * As {@link #verify(String, String, Set, String)}, with keys from the given source rather than the
	 * issuer's JWKS over HTTP.
	 *
	 * @param audiences null when any audience is acceptable (the caller checks it, for example through a
	 * trust policy)
	 */
	VerifiedToken verify(String token, String issuer, Set<String> audiences, String tokenUse,
			Function<String, List<JWK>> keySource) {
		if (token == null || token.isBlank()) {
			throw invalid("The token is empty.");
		}
		if (token.length() > this.properties.maxTokenLength()) {
			throw invalid("The token is too large.");
		}
		// Each part is decoded and parsed once; the payload only after the signature checked out.
		String[] parts = parts(token);
		String headerJson = decode(parts[0]);
		String payloadJson = decode(parts[1]);
		requireShallow(headerJson);
		requireShallow(payloadJson);
		JWSHeader header;
		try {
			Map<String, Object> headerObject = com.nimbusds.jose.util.JSONObjectUtils.parse(headerJson);
			Algorithm algorithm = com.nimbusds.jose.Header.parseAlgorithm(headerObject);
			if (algorithm == null || Algorithm.NONE.equals(algorithm)) {
				throw invalid("Unsigned tokens (alg none) are not accepted.");
			}
			if (!(algorithm instanceof JWSAlgorithm jws) || !ACCEPTED.contains(jws)) {
				throw invalid("The token's signing algorithm is not accepted.");
			}
			header = JWSHeader.parse(headerObject, new Base64URL(parts[0]));
		}
		catch (ParseException | IllegalArgumentException ex) {
			throw invalid("The token header is malformed.");
		}
		if (header.getJWKURL() != null || header.getX509CertURL() != null || header.getJWK() != null
				|| header.getX509CertChain() != null || header.getCustomParam("jku") != null) {
			throw invalid("Tokens that name their own keys (jku, x5u, jwk, x5c) are not accepted.");
		}
		if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
			throw invalid("The token has critical header parameters that are not understood.");
		}
		List<JWK> candidates = keySource.apply(header.getKeyID());
		if (candidates.isEmpty()) {
			throw invalid("The token's key id is not one of the provider's keys.");
		}
		byte[] signingInput = token.substring(0, parts[0].length() + 1 + parts[1].length())
			.getBytes(StandardCharsets.US_ASCII);
		Base64URL signature = new Base64URL(parts[2]);
		boolean verified = false;
		for (JWK key : candidates) {
			if (verifies(header, signingInput, signature, key)) {
				verified = true;
				break;
			}
		}
		if (!verified) {
			throw invalid("The token's signature is not valid.");
		}
		JWTClaimsSet claims;
		try {
			claims = JWTClaimsSet.parse(payloadJson);
		}
		catch (ParseException ex) {
			throw invalid("The token's claims are malformed.");
		}
		return checkClaims(claims, issuer, audiences, tokenUse);
	}

	private VerifiedToken checkClaims(JWTClaimsSet claims, String issuer, Set<String> audiences, String tokenUse) {
		if (!issuer.equals(claims.getIssuer())) {
			throw invalid("The token's issuer is not the provider's.");
		}
		List<String> aud = claims.getAudience();
		String audience = aud.stream().filter((a) -> audiences == null || audiences.contains(a)).findFirst().orElse(null);
		if (audience == null) {
			throw invalid("The token's audience is not a client id of this identity pool.");
		}
		if (tokenUse != null) {
			Object use = claims.getClaim("token_use");
			if (!tokenUse.equals(use)) {
				throw invalid("The token's token_use is not " + tokenUse + ".");
			}
		}
		Instant now = this.clock.instant();
		Date exp = claims.getExpirationTime();
		if (exp == null) {
			throw invalid("The token has no expiry.");
		}
		if (!exp.toInstant().plus(this.properties.clockSkew()).isAfter(now)) {
			throw new RefusedException(Refusal.EXPIRED_TOKEN, "Invalid login token. The token has expired.");
		}
		Date nbf = claims.getNotBeforeTime();
		if (nbf != null && nbf.toInstant().minus(this.properties.clockSkew()).isAfter(now)) {
			throw invalid("The token is not valid yet.");
		}
		Date iat = claims.getIssueTime();
		if (iat != null && iat.toInstant().minus(this.properties.clockSkew()).isAfter(now)) {
			throw invalid("The token is not valid yet.");
		}
		String subject = claims.getSubject();
		if (subject == null || subject.isEmpty() || subject.length() > 255) {
			throw invalid("The token has no usable subject.");
		}
		Map<String, Object> values = new HashMap<>();
		claims.getClaims().forEach((name, value) -> {
			if (value != null) {
				values.put(name, (value instanceof Date date) ? date.toInstant().getEpochSecond() : value);
			}
		});
		return new VerifiedToken(issuer, subject, audience, values);
	}

	private boolean verifies(JWSHeader header, byte[] signingInput, Base64URL signature, JWK key) {
		if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
			return false;
		}
		if (key.getAlgorithm() != null && !key.getAlgorithm().equals(header.getAlgorithm())) {
			return false;
		}
		boolean rsa = key instanceof RSAKey && JWSAlgorithm.Family.RSA.contains(header.getAlgorithm());
		boolean ec = key instanceof ECKey && JWSAlgorithm.Family.EC.contains(header.getAlgorithm());
		if (!rsa && !ec) {
			return false;
		}
		try {
			return verifierFor(key).verify(header, signingInput, signature);
		}
		catch (JOSEException | IllegalStateException ex) {
			return false;
		}
	}

	/**
	 * A verifier per key, built once: turning a JWK into a public key (big-integer decoding, validation) costs
	 * more than verifying a signature with it. Keyed by the JWK instance, which {@link ProviderKeys} keeps
	 * until the provider's key set is fetched again; bounded so that key churn cannot grow it without limit.
	 */
	private JWSVerifier verifierFor(JWK key) throws JOSEException {
		KeyInstance instance = new KeyInstance(key);
		JWSVerifier verifier = this.verifiers.get(instance);
		if (verifier == null) {
			verifier = (key instanceof RSAKey rsa) ? new RsaPkcs1Verifier(rsa.toRSAPublicKey())
					: new ECDSAVerifier(((ECKey) key).toPublicJWK());
			if (this.verifiers.size() >= MAX_CACHED_VERIFIERS) {
				this.verifiers.clear();
			}
			this.verifiers.put(instance, verifier);
		}
		return verifier;
	}

	/**
	 * RS256/384/512 (what user pools and most OpenID Providers sign with) straight on the JDK's
	 * {@link Signature}, with the JDK's base64url decoder: Nimbus decodes the signature with a constant-time
	 * codec, which protects secrets but costs a third of a verification here, where nothing is secret. PS*
	 * goes to Nimbus's verifier.
	 */
	private static final class RsaPkcs1Verifier implements JWSVerifier {

		private static final Map<JWSAlgorithm, String> JCA = Map.of(JWSAlgorithm.RS256, "SHA256withRSA",
				JWSAlgorithm.RS384, "SHA384withRSA", JWSAlgorithm.RS512, "SHA512withRSA");

		private final java.security.interfaces.RSAPublicKey key;

		private final RSASSAVerifier other;

		RsaPkcs1Verifier(java.security.interfaces.RSAPublicKey key) {
			this.key = key;
			this.other = new RSASSAVerifier(key);
		}

		@Override
		public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
			String algorithm = JCA.get(header.getAlgorithm());
			if (algorithm == null) {
				return this.other.verify(header, signingInput, signature);
			}
			try {
				java.security.Signature verifier = java.security.Signature.getInstance(algorithm);
				verifier.initVerify(this.key);
				verifier.update(signingInput);
				return verifier.verify(Base64.getUrlDecoder().decode(signature.toString()));
			}
			catch (java.security.GeneralSecurityException | IllegalArgumentException ex) {
				return false;
			}
		}

		@Override
		public Set<JWSAlgorithm> supportedJWSAlgorithms() {
			return this.other.supportedJWSAlgorithms();
		}

		@Override
		public com.nimbusds.jose.jca.JCAContext getJCAContext() {
			return this.other.getJCAContext();
		}

	}

	/** Identity, not value, equality: comparing two JWKs by value costs as much as the lookup saves. */
	private record KeyInstance(JWK key) {

		@Override
		public boolean equals(Object other) {
			return other instanceof KeyInstance that && that.key == this.key;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this.key);
		}

	}

	private static String[] parts(String token) {
		int first = token.indexOf('.');
		int second = (first < 0) ? -1 : token.indexOf('.', first + 1);
		if (first < 0 || second < 0 || token.indexOf('.', second + 1) >= 0) {
			throw invalid("The token is not a signed JWT.");
		}
		return new String[] { token.substring(0, first), token.substring(first + 1, second), token.substring(second + 1) };
	}

	/**
	 * The {@code iss} claim of a token whose signature has not been checked yet: only to choose whose keys
	 * verify it. Size and nesting limits apply before any parsing.
	 */
	String unverifiedIssuer(String token) {
		if (token == null || token.isBlank()) {
			throw invalid("The token is empty.");
		}
		if (token.length() > this.properties.maxTokenLength()) {
			throw invalid("The token is too large.");
		}
		String payload = decode(parts(token)[1]);
		requireShallow(payload);
		try {
			Object iss = com.nimbusds.jose.util.JSONObjectUtils.parse(payload).get("iss");
			if (!(iss instanceof String issuer) || issuer.isEmpty()) {
				throw invalid("The token names no issuer.");
			}
			return issuer;
		}
		catch (ParseException ex) {
			throw invalid("The token's claims are malformed.");
		}
	}

	/** Refuses JSON nested deeper than any real token before a parser recurses into it. */
	private static void requireShallow(String json) {
		int depth = 0;
		boolean inString = false;
		for (int i = 0; i < json.length(); i++) {
			char c = json.charAt(i);
			if (inString) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					inString = false;
				}
			}
			else if (c == '"') {
				inString = true;
			}
			else if (c == '{' || c == '[') {
				if (++depth > MAX_NESTING) {
					throw invalid("The token is nested too deeply.");
				}
			}
			else if (c == '}' || c == ']') {
				depth--;
			}
		}
	}

	private static String decode(String part) {
		try {
			return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw invalid("The token is not valid base64url.");
		}
	}

	private static RefusedException invalid(String why) {
		return RefusedException.notAuthorized("Invalid login token. " + why);
	}

}
