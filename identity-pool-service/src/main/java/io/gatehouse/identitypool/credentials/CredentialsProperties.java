package io.gatehouse.identitypool.credentials;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param lifetime how long temporary credentials from GetCredentialsForIdentity stay valid
 * @param sessionKeyRotation how long one session-token sealing key is used before a new one is made;
 * old keys keep verifying until every credential sealed with them has expired
 */
@ConfigurationProperties("gatehouse.credentials")
record CredentialsProperties(@DefaultValue("1h") Duration lifetime, @DefaultValue("24h") Duration sessionKeyRotation) {

	CredentialsProperties {
		if (lifetime.compareTo(Duration.ofMinutes(15)) < 0 || lifetime.compareTo(Duration.ofHours(12)) > 0) {
			throw new IllegalArgumentException("gatehouse.credentials.lifetime must be between 15m and 12h");
		}
		if (sessionKeyRotation.compareTo(Duration.ofMinutes(1)) < 0) {
			throw new IllegalArgumentException("gatehouse.credentials.session-key-rotation must be at least 1m");
		}
	}

}
