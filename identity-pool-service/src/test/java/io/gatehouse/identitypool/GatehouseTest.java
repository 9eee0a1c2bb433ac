package io.gatehouse.identitypool;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * A running identity-pool-service on a random port with the test admin key; every class using it shares
 * one application context (and one database), so tests name what they create uniquely. The source-address
 * rate limit is off here (every test calls from 127.0.0.1); {@code RateLimitTest} has its own context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gatehouse.admin.access-key-id=" + TestGatehouse.ADMIN_KEY,
				"gatehouse.admin.secret-access-key=" + TestGatehouse.ADMIN_SECRET, "gatehouse.rate-limit.enabled=false" })
public @interface GatehouseTest {

}
