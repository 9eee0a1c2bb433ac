package io.gatehouse.identitypool.pool;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param cacheTtl how long an instance keeps a pool's configuration (providers, roles, mappings, tag maps)
 * for the credentials path; a change made through another instance is seen after at most this long
 */
@ConfigurationProperties("gatehouse.identity-pools")
record IdentityPoolProperties(@DefaultValue("5s") Duration cacheTtl) {
}
