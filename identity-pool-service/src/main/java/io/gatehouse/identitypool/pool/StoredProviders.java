package io.gatehouse.identitypool.pool;

import java.util.List;
import java.util.Map;

/** The JSON stored in {@code identity_pool.providers}. */
record StoredProviders(List<UserPoolProvider> userPools, List<String> openIdConnectProviderArns,
		Map<String, String> supportedLoginProviders, List<String> samlProviderArns) {
}
