package io.gatehouse.userpool.mail;

/**
 * Sends email: over SMTP when {@code spring.mail.host} is set, otherwise into the development outbox
 * ({@code <gatehouse.data.directory>/<service>/outbox/*.eml}). Implementations never log a message's body or
 * subject, which may carry a code.
 */
public interface EmailSender {

	/**
	 * @throws MessageDeliveryException the message could not be handed over
	 */
	void send(EmailMessage message);

}
