package io.gatehouse.userpool.client;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param cacheTtl how long an instance keeps an app client (its settings for sign-in, tokens and the Cognito
 * operations that name only a {@code ClientId}); a change made through this instance is seen at once, one made
 * through another instance after at most this long
 */
@ConfigurationProperties("gatehouse.app-clients")
record AppClientCacheProperties(@DefaultValue("5s") Duration cacheTtl) {
}
