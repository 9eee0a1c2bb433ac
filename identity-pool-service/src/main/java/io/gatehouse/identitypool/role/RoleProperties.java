package io.gatehouse.identitypool.role;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param policyCacheTtl how long an instance keeps a role's parsed policies; a change made through another
 * instance is seen after at most this long
 */
@ConfigurationProperties("gatehouse.roles")
record RoleProperties(@DefaultValue("5s") Duration policyCacheTtl) {
}
