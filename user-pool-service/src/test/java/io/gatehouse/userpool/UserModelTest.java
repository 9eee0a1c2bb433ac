package io.gatehouse.userpool;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The one Spring context the user-model tests share (users, passwords, codes, mail): the application on
 * its own embedded PostgreSQL database, a {@link MutableClock}, and a data directory under {@code target/}.
 * Every test makes its own pool, so tests never see each other's rows.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = "gatehouse.data.directory=target/test-data")
@Import(UserModelTest.ClockConfiguration.class)
public @interface UserModelTest {

	@TestConfiguration(proxyBeanMethods = false)
	class ClockConfiguration {

		@Bean
		MutableClock clock() {
			return new MutableClock();
		}

	}

}
