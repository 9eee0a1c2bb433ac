package io.gatehouse.userpool.signing;

import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.gatehouse.userpool.token.PoolAuthorizationServerContext;

import org.springframework.stereotype.Component;

/**
 * The published public keys of the pool whose issuer is being served, for its JWKS endpoint and for
 * decoding its tokens. Private keys never pass through here (tokens are signed by the token pipeline's
 * encoder). With no pool issuer bound there are no keys at all, so nothing can be verified outside a pool's
 * context.
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
		List<JWK> candidates = new ArrayList<>(this.keys.publishedKeys(poolId));
		return selector.select(new JWKSet(candidates));
	}

}
