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
 * @param serverSideTokenChecks the user pools' client ids whose ID tokens are checked with the user pool before they
 * are accepted ({@code ServerSideTokenCheck}), by {@code ProviderName}; a subset of {@code userPools}
 */
public record TrustedProviders(Map<String, Set<String>> userPools, List<String> oidcProviderArns,
		Map<String, String> supportedLoginProviders, Map<String, Set<String>> serverSideTokenChecks) {

	public TrustedProviders {
		userPools = Map.copyOf(userPools);
		serverSideTokenChecks = Map.copyOf(serverSideTokenChecks);
		oidcProviderArns = List.copyOf(oidcProviderArns);
		supportedLoginProviders = Map.copyOf(supportedLoginProviders);
	}

}
