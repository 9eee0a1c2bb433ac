package io.gatehouse.userpool.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outgoing mail settings beyond Spring Boot's {@code spring.mail.*} (which configures the SMTP connection).
 *
 * @param from the sender address of every message
 */
@ConfigurationProperties("gatehouse.mail")
public record MailProperties(@DefaultValue("no-reply@gatehouse.local") String from) {
}
