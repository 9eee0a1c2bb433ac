package io.gatehouse.userpool.oidc;

import io.gatehouse.userpool.token.PoolAuthorizationServerContext;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The app clients as one pool's issuer sees them: a client of another pool is an unknown client. Used only by
 * the authorization server's endpoints, where a pool issuer is always bound; with none bound it finds nothing.
 */
public final class PoolScopedRegisteredClientRepository implements RegisteredClientRepository {

	/** Client setting written by the app client feature. */
	static final String USER_POOL_ID = "gatehouse.user-pool-id";

	private final RegisteredClientRepository clients;

	public PoolScopedRegisteredClientRepository(RegisteredClientRepository clients) {
		this.clients = clients;
	}

	@Override
	public void save(RegisteredClient registeredClient) {
		throw new UnsupportedOperationException("app clients are managed with CreateUserPoolClient");
	}

	@Override
	public RegisteredClient findById(String id) {
		return ofCurrentPool((id != null && id.length() <= 128) ? this.clients.findById(id) : null);
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		return ofCurrentPool((clientId != null && clientId.length() <= 128) ? this.clients.findByClientId(clientId) : null);
	}

	private static RegisteredClient ofCurrentPool(RegisteredClient client) {
		String poolId = PoolAuthorizationServerContext.currentPoolId();
		if (client == null || poolId == null || !poolId.equals(client.getClientSettings().getSetting(USER_POOL_ID))) {
			return null;
		}
		return client;
	}

}
