package io.gatehouse.userpool.mail;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Outgoing mail settings beyond Spring Boot's {@code spring.mail.*} (which configures the SMTP connection; its
 * timeouts default to 5 s to connect and 10 s per read or write in {@code application.yml}).
 *
 * @param from the sender address of every message
 * @param maxConcurrentSends how many messages may be in the hands of the SMTP server at once; a message beyond
 * that fails at once (Cognito's {@code CodeDeliveryFailureException}, the client may ask for the code again)
 * instead of waiting, so that a slow or hung mail server holds at most this many request threads
 */
@ConfigurationProperties("gatehouse.mail")
@Validated
public record MailProperties(@DefaultValue("no-reply@gatehouse.local") String from,
		@DefaultValue("8") @Min(1) int maxConcurrentSends) {
}
