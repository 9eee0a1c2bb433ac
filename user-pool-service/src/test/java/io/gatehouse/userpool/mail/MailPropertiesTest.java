package io.gatehouse.userpool.mail;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The mail settings bind with safe defaults, and a bulkhead that could never send is refused at startup. */
class MailPropertiesTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Properties.class);

	@Test
	void bindWhenUnsetThenEightConcurrentSends() {
		this.context.run((context) -> assertThat(context.getBean(MailProperties.class).maxConcurrentSends())
			.isEqualTo(8));
	}

	@Test
	void bindWhenNoConcurrentSendThenStartupFails() {
		this.context.withPropertyValues("gatehouse.mail.max-concurrent-sends=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("maxConcurrentSends"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(MailProperties.class)
	static class Properties {

	}

}
