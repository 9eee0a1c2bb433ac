package io.gatehouse.shared.sigv4;

import java.util.Optional;

/**
 * Finds the secret access key for an access key id. Long-term keys come from a store; temporary
 * credentials may derive the secret from the (sealed) session token without any store.
 */
@FunctionalInterface
public interface SigningKeyResolver {

	/**
	 * @param accessKeyId the key id named in the credential scope
	 * @param sessionToken the {@code X-Amz-Security-Token} sent with the request, if any
	 * @return the secret access key, or empty when the key is unknown (or the token does not fit it)
	 */
	Optional<String> secretAccessKey(String accessKeyId, Optional<String> sessionToken);

}
