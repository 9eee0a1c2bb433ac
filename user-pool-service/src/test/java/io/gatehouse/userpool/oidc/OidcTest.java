package io.gatehouse.userpool.oidc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.gatehouse.userpool.StatementCounter;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole service on a random port with its own database, an admin key for the AWS SDK fixtures, a public
 * base URL that differs from the address the tests connect to (so an issuer taken from the request would be
 * caught), the test-only sign-in ({@link TestSignIn}) and a {@link StatementCounter}. Every class with this
 * annotation shares one context, the token feature's tests too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gatehouse.admin.access-key-id=" + OidcFixtures.ACCESS_KEY_ID,
				"gatehouse.admin.secret-access-key=" + OidcFixtures.SECRET_ACCESS_KEY,
				"gatehouse.public-base-url=" + OidcFixtures.PUBLIC_BASE_URL,
				// Test contexts stay cached side by side on one PostgreSQL server: keep this one's share small.
				"spring.datasource.hikari.maximum-pool-size=8" })
@Import({ TestSignIn.class, StatementCounter.Configuration.class })
public @interface OidcTest {

}
