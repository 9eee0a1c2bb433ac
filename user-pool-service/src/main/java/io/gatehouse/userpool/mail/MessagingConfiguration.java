package io.gatehouse.userpool.mail;

import java.time.Clock;

import io.gatehouse.boot.GatehouseDataProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Chooses the senders: Spring Boot creates a {@link JavaMailSender} exactly when {@code spring.mail.host} is
 * set, and then mail goes over SMTP; otherwise to the outbox under the service's data directory.
 */
@Configuration(proxyBeanMethods = false)
final class MessagingConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(MessagingConfiguration.class);

	@Bean
	EmailSender emailSender(ObjectProvider<JavaMailSender> mailSender, MailProperties properties,
			GatehouseDataProperties data, Environment environment, ObjectProvider<Clock> clock) {
		JavaMailSender smtp = mailSender.getIfAvailable();
		if (smtp != null) {
			return new SmtpEmailSender(smtp, properties.from(), properties.maxConcurrentSends());
		}
		Outbox outbox = outbox(data, environment, clock);
		logger.info("No SMTP host configured (spring.mail.host): mail goes to {}", outbox.directory().toAbsolutePath());
		return new OutboxEmailSender(outbox, properties.from());
	}

	@Bean
	SmsSender smsSender(GatehouseDataProperties data, Environment environment, ObjectProvider<Clock> clock) {
		return new OutboxSmsSender(outbox(data, environment, clock));
	}

	private static Outbox outbox(GatehouseDataProperties data, Environment environment, ObjectProvider<Clock> clock) {
		return new Outbox(data.serviceDirectory(environment).resolve("outbox"), clock.getIfAvailable(Clock::systemUTC));
	}

}
