package io.gatehouse.boot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param masterKey base64 of 32 random bytes ({@code openssl rand -base64 32}); required when the
 * service uses an external database, generated into the data directory for the embedded one
 */
@ConfigurationProperties("gatehouse")
public record MasterKeyProperties(String masterKey) {
}
