package io.gatehouse.identitypool.pool;

import java.util.List;
import java.util.Map;

/** What an administrator sets on an identity pool (Cognito's {@code IdentityPool} shape, without the id). */
public record PoolDefinition(String name, boolean allowUnauthenticated, boolean allowClassicFlow,
		Map<String, String> supportedLoginProviders, String developerProviderName,
		List<String> openIdConnectProviderArns, List<UserPoolProvider> userPools, List<String> samlProviderArns,
		Map<String, String> tags) {

	public PoolDefinition {
		supportedLoginProviders = (supportedLoginProviders == null) ? Map.of() : Map.copyOf(supportedLoginProviders);
		openIdConnectProviderArns = (openIdConnectProviderArns == null) ? List.of() : List.copyOf(openIdConnectProviderArns);
		userPools = (userPools == null) ? List.of() : List.copyOf(userPools);
		samlProviderArns = (samlProviderArns == null) ? List.of() : List.copyOf(samlProviderArns);
		tags = (tags == null) ? Map.of() : Map.copyOf(tags);
	}

}
