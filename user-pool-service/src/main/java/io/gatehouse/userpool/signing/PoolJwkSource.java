package io.gatehouse.userpool.signing;

import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.gatehouse.userpool.token.PoolAuthorizationServerContext;

import org.springframework.stereotype.Component;

/**
 * The keys of the pool whose issuer is being served. The JWKS endpoint gets the published public keys; the
 * token encoder gets only the current key with its private part (it selects by the {@code kid} the token
 * customizer puts in the header). With no pool issuer bound there are no keys at all, so nothing can be
 * signed or verified outside a pool's context.
 */
@Component
public final class PoolJwkSource implements JWKSource<SecurityContext> {

	private final SigningKeys keys;

	PoolJwkSource(SigningKeys keys) {
		this.keys = keys;
	}

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) {
		String poolId = PoolAuthorizationServerContext.currentPoolId();
		if (poolId == null) {
			return List.of();
		}
		RSAKey signing = this.keys.signingKey(poolId);
		List<JWK> candidates = new ArrayList<>();
		for (RSAKey key : this.keys.publishedKeys(poolId)) {
			candidates.add(key.getKeyID().equals(signing.getKeyID()) ? signing : key);
		}
		return selector.select(new JWKSet(candidates));
	}

}
