package io.gatehouse.userpool.mail;

/**
 * Sends text messages. Until an SMS gateway is configured (the MFA work), messages go to the development
 * outbox ({@code <gatehouse.data.directory>/<service>/outbox/*.txt}). Implementations never log the body.
 */
public interface SmsSender {

	/**
	 * @throws MessageDeliveryException the message could not be handed over
	 */
	void send(SmsMessage message);

}
