package io.gatehouse.userpool.auth;

import java.time.Duration;

import io.gatehouse.userpool.client.AppClient;
import io.gatehouse.userpool.client.AppClientService;
import io.gatehouse.userpool.client.AppClientSettings.PreventUserExistenceErrorTypes;

import org.springframework.stereotype.Component;

/** Reads a client's {@link ClientPolicy}, the same way for the engine, sign-up and recovery. */
@Component
public final class ClientPolicies {

	private final AppClientService clients;

	ClientPolicies(AppClientService clients) {
		this.clients = clients;
	}

	/**
	 * @param clientId null for the hosted pages without an OAuth request
	 * @throws io.gatehouse.userpool.client.AppClientNotFoundException no such client in the pool
	 * @throws io.gatehouse.userpool.pool.UserPoolNotFoundException no such pool
	 */
	public ClientPolicy of(String poolId, String clientId) {
		if (clientId == null) {
			return ClientPolicy.none();
		}
		// Every sign-in asks: the client cache answers (a client of another pool, or none, is looked up to throw).
		AppClient client = this.clients.find(clientId)
			.filter((cached) -> cached.userPoolId().equals(poolId))
			.orElseGet(() -> this.clients.describe(poolId, clientId));
		Integer minutes = client.settings().authSessionValidity();
		return new ClientPolicy(client.clientId(),
				client.settings().preventUserExistenceErrors() == PreventUserExistenceErrorTypes.LEGACY,
				(minutes != null) ? Duration.ofMinutes(minutes) : AuthenticationEngine.SESSION_VALIDITY);
	}

}
