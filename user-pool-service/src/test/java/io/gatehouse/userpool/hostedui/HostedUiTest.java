package io.gatehouse.userpool.hostedui;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole service on a random port with its own PostgreSQL database, mail going to an outbox under
 * {@code target/}. Every class with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "gatehouse.data.directory=" + HostedUiTest.DATA_DIRECTORY)
public @interface HostedUiTest {

	String DATA_DIRECTORY = "target/hostedui-test-data";

}
