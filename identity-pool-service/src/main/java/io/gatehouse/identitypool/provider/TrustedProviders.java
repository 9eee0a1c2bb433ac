package io.gatehouse.identitypool.provider;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The identity providers one identity pool accepts.
 *
 * @param userPools user pools by {@code ProviderName} (issuer without scheme), each with its allowed client ids
 * @param oidcProviderArns OpenID Connect providers registered through IAM
 * @param supportedLoginProviders public providers ({@code accounts.google.com}, ...) with the app's client id
 */
public record TrustedProviders(Map<String, Set<String>> userPools, List<String> oidcProviderArns,
		Map<String, String> supportedLoginProviders) {

	public TrustedProviders {
		userPools = Map.copyOf(userPools);
		oidcProviderArns = List.copyOf(oidcProviderArns);
		supportedLoginProviders = Map.copyOf(supportedLoginProviders);
	}

}
