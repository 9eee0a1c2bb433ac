package io.gatehouse.identitypool.credentials;

import java.time.Instant;

public record TemporaryCredentials(String accessKeyId, String secretAccessKey, String sessionToken,
		Instant expiration) {

	@Override
	public String toString() {
		return "TemporaryCredentials[accessKeyId=" + this.accessKeyId + ", expiration=" + this.expiration + "]";
	}

}
