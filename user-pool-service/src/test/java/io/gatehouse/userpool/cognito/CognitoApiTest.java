package io.gatehouse.userpool.cognito;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole service on a random port with its own PostgreSQL database and a configured admin key
 * ({@link TestAdmin}). Every class with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gatehouse.admin.access-key-id=" + TestAdmin.ACCESS_KEY_ID,
				"gatehouse.admin.secret-access-key=" + TestAdmin.SECRET_ACCESS_KEY,
				"gatehouse.cognito.max-request-size=64KB",
				"gatehouse.cors.allowed-origins=" + CognitoApiTest.EXTRA_CORS_ORIGIN,
				"gatehouse.cors.callback-origins-refresh=0s" })
@interface CognitoApiTest {

	String EXTRA_CORS_ORIGIN = "https://extra.example.org";

}
