package io.gatehouse.identitypool.credentials;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bootstrap admin access key. When both are blank one is generated on first start, stored encrypted
 * under the master key, and printed once.
 */
@ConfigurationProperties("gatehouse.admin")
record AdminProperties(String accessKeyId, String secretAccessKey) {
}
