package io.gatehouse.userpool.mail;

/**
 * A message could not be handed to SMTP or written to the outbox. The message is safe to log: it names
 * neither the recipient in full nor the content.
 */
public final class MessageDeliveryException extends RuntimeException {

	MessageDeliveryException(String message, Throwable cause) {
		super(message, cause);
	}

}
