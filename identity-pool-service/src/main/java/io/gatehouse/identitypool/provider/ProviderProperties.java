package io.gatehouse.identitypool.provider;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tokens from identity providers are checked.
 *
 * @param maxTokenLength longest token accepted, in characters; longer ones are refused before parsing
 * @param clockSkew tolerance for {@code exp}, {@code nbf} and {@code iat}
 * @param jwksCacheTtl how long a provider's discovery document and JWKS are used before being fetched again
 * @param jwksRefetchInterval least time between two fetches triggered by an unknown {@code kid}
 * @param httpTimeout connect and read timeout for discovery and JWKS
 * @param plaintextHosts hosts whose issuers are reached over {@code http} when a provider is named without
 * scheme (a user pool's {@code ProviderName}); every other host over {@code https}
 * @param tokenCheckTimeout the whole time a user pool has to answer a {@code ServerSideTokenCheck} question
 * (connect, request, answer); past it the login is refused, never accepted unchecked
 */
@ConfigurationProperties("gatehouse.providers")
record ProviderProperties(@DefaultValue("16384") int maxTokenLength, @DefaultValue("60s") Duration clockSkew,
		@DefaultValue("10m") Duration jwksCacheTtl, @DefaultValue("30s") Duration jwksRefetchInterval,
		@DefaultValue("5s") Duration httpTimeout,
		@DefaultValue({ "localhost", "127.0.0.1", "[::1]" }) Set<String> plaintextHosts,
		@DefaultValue("2s") Duration tokenCheckTimeout) {

	ProviderProperties {
		if (tokenCheckTimeout.isNegative() || tokenCheckTimeout.isZero()) {
			throw new IllegalArgumentException("gatehouse.providers.token-check-timeout must be positive");
		}
	}

	String issuerFor(String nameWithoutScheme) {
		int end = nameWithoutScheme.length();
		for (int i = 0; i < nameWithoutScheme.length(); i++) {
			char c = nameWithoutScheme.charAt(i);
			if (c == '/' || (c == ':' && !nameWithoutScheme.startsWith("["))) {
				end = i;
				break;
			}
			if (c == ']') {
				end = i + 1;
				break;
			}
		}
		String host = nameWithoutScheme.substring(0, end).toLowerCase();
		return (this.plaintextHosts.contains(host) ? "http://" : "https://") + nameWithoutScheme;
	}

	boolean plaintextAllowed(String host) {
		return this.plaintextHosts.contains(host.toLowerCase());
	}

}
