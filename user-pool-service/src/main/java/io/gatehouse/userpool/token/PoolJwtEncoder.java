package io.gatehouse.userpool.token;

import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.gatehouse.userpool.signing.SigningKeys;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtEncodingException;
import org.springframework.util.StringUtils;

/**
 * Signs every JWT this service issues: RS256 with the current key of the pool whose issuer is being served,
 * header {@code {"kid", "alg"}} as Cognito's. It writes the same JWS compact serialization as Spring's
 * {@code NimbusJwtEncoder} (single audience as a string, times as seconds since the epoch, empty claims
 * left out) with two differences that matter on the refresh path: base64url by the JDK rather than a
 * constant-time codec (the header, claims and signature are public; the constant-time codec was a tenth of a
 * refresh's CPU), and the signature from the first JCA provider that offers it (AWS-LC where
 * {@code NativeCrypto} installed it). Outside a pool's context there is no key and nothing is signed.
 */
final class PoolJwtEncoder implements JwtEncoder {

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final SigningKeys keys;

	PoolJwtEncoder(SigningKeys keys) {
		this.keys = keys;
	}

	@Override
	public Jwt encode(JwtEncoderParameters parameters) throws JwtEncodingException {
		JwsHeader header = parameters.getJwsHeader();
		if (header == null || header.getAlgorithm() != SignatureAlgorithm.RS256) {
			throw new JwtEncodingException("Only RS256 tokens are issued");
		}
		String poolId = PoolAuthorizationServerContext.currentPoolId();
		if (poolId == null) {
			throw new JwtEncodingException("No user pool's issuer is being served");
		}
		// The current key signs, whatever kid the header was given: a rotation between the customizer and here
		// only means the newer key (published in JWKS before it became current) signs and is named.
		SigningKeys.CurrentKey key = this.keys.currentKey(poolId);
		Map<String, Object> headers = new LinkedHashMap<>(header.getHeaders());
		headers.put("kid", key.kid());
		Map<String, Object> serializedHeader = new LinkedHashMap<>();
		serializedHeader.put("kid", key.kid());
		serializedHeader.put("alg", SignatureAlgorithm.RS256.getName());
		header.getHeaders().forEach((name, value) -> {
			if (!name.equals("kid") && !name.equals("alg") && value != null) {
				serializedHeader.put(name, jsonValue(value));
			}
		});
		JwtClaimsSet claims = parameters.getClaims();
		String signingInput = base64url(serializedHeader) + "." + base64url(payload(claims));
		String token = signingInput + "." + BASE64URL.encodeToString(sign(key, signingInput));
		return new Jwt(token, claims.getIssuedAt(), claims.getExpiresAt(), headers, claims.getClaims());
	}

	/** The claims as JSON values, as Spring's encoder writes them through Nimbus. */
	private static Map<String, Object> payload(JwtClaimsSet claims) {
		Map<String, Object> payload = new LinkedHashMap<>();
		claims.getClaims().forEach((name, value) -> {
			if (value == null) {
				return;
			}
			if (name.equals(JwtClaimNames.AUD) && value instanceof Collection<?> audience) {
				if (!audience.isEmpty()) {
					payload.put(name, (audience.size() == 1) ? jsonValue(audience.iterator().next()) : jsonValue(audience));
				}
				return;
			}
			if ((name.equals(JwtClaimNames.SUB) || name.equals(JwtClaimNames.JTI))
					&& !StringUtils.hasText(value.toString())) {
				return;
			}
			payload.put(name, jsonValue(value));
		});
		return payload;
	}

	private static Object jsonValue(Object value) {
		if (value instanceof Instant instant) {
			return instant.getEpochSecond();
		}
		if (value instanceof Date date) {
			return date.getTime() / 1000;
		}
		if (value instanceof URL || value instanceof URI || value instanceof Enum<?>) {
			return value.toString();
		}
		if (value instanceof Collection<?> collection) {
			List<Object> list = new ArrayList<>(collection.size());
			collection.forEach((element) -> list.add(jsonValue(element)));
			return list;
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> object = new LinkedHashMap<>();
			map.forEach((name, element) -> object.put(String.valueOf(name), jsonValue(element)));
			return object;
		}
		return value;
	}

	private static String base64url(Map<String, Object> object) {
		return BASE64URL.encodeToString(json.writeValueAsBytes(object));
	}

	private static byte[] sign(SigningKeys.CurrentKey key, String signingInput) {
		try {
			Signature signature = Signature.getInstance("SHA256withRSA");
			signature.initSign(key.privateKey());
			signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
			return signature.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new JwtEncodingException("Failed to sign the token", ex);
		}
	}

}
