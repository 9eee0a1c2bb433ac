package io.gatehouse.identitypool.provider;

import java.time.Instant;
import java.util.List;

/**
 * An OpenID Connect provider registered through IAM.
 *
 * @param url the issuer URL, with scheme
 */
public record OidcProviderView(String arn, String url, List<String> clientIds, List<String> thumbprints,
		Instant createdAt) {

	/** The URL without its scheme: how IAM shows it, and the provider's key in a Logins map. */
	public String urlWithoutScheme() {
		return this.url.substring(this.url.indexOf("://") + 3);
	}

}
