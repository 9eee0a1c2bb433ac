package io.gatehouse.userpool.mail;

import java.util.concurrent.Semaphore;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Hands mail to the SMTP server inside the request that needs it, so that the caller learns whether its code went
 * out. A bulkhead keeps a slow or hung server from taking every request thread: at most
 * {@code maxConcurrentSends} messages are with the server at once (each for at most the configured SMTP
 * timeouts), and a message beyond that fails at once rather than queueing.
 */
final class SmtpEmailSender implements EmailSender {

	private static final Logger logger = LoggerFactory.getLogger(SmtpEmailSender.class);

	private final JavaMailSender mailSender;

	private final String from;

	private final Semaphore sending;

	SmtpEmailSender(JavaMailSender mailSender, String from, int maxConcurrentSends) {
		this.mailSender = mailSender;
		this.from = from;
		this.sending = new Semaphore(maxConcurrentSends);
	}

	@Override
	public void send(EmailMessage message) {
		if (!this.sending.tryAcquire()) {
			logger.warn("Mail to {} not sent: the SMTP server already has the most messages in hand"
					+ " (gatehouse.mail.max-concurrent-sends); it is slow or not answering",
					Redaction.email(message.to()));
			throw new MessageDeliveryException("mail to " + Redaction.email(message.to())
					+ " could not be sent: too many messages in hand at the SMTP server", null);
		}
		try {
			MimeMessage mime = this.mailSender.createMimeMessage();
			MimeMessages.fill(mime, this.from, message);
			this.mailSender.send(mime);
			logger.debug("Mail to {} handed to the SMTP server", Redaction.email(message.to()));
		}
		catch (MessagingException | MailException ex) {
			// The exception text may quote the server's reply, never the body; keep it out of the message anyway.
			throw new MessageDeliveryException("mail to " + Redaction.email(message.to()) + " could not be sent",
					ex);
		}
		finally {
			this.sending.release();
		}
	}

}
