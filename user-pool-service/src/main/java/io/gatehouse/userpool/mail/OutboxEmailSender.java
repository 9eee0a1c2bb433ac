package io.gatehouse.userpool.mail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each email as an {@code .eml} file (open it in any mail client) and logs one line saying where.
 * The log line names the file and the masked recipient, never the subject or body, which carry the code.
 */
final class OutboxEmailSender implements EmailSender {

	private static final Logger logger = LoggerFactory.getLogger(OutboxEmailSender.class);

	private final Outbox outbox;

	private final String from;

	private final Session session = Session.getInstance(new Properties());

	OutboxEmailSender(Outbox outbox, String from) {
		this.outbox = outbox;
		this.from = from;
	}

	@Override
	public void send(EmailMessage message) {
		try {
			MimeMessage mime = new MimeMessage(this.session);
			MimeMessages.fill(mime, this.from, message);
			Path file = this.outbox.write("eml", (out) -> {
				try {
					mime.writeTo(out);
				}
				catch (MessagingException ex) {
					throw new IOException("cannot write the message", ex);
				}
			});
			logger.info("No SMTP host configured (spring.mail.host): mail to {} written to {}",
					Redaction.email(message.to()), file.toAbsolutePath());
		}
		catch (MessagingException | IOException ex) {
			throw new MessageDeliveryException("mail to " + Redaction.email(message.to())
					+ " could not be written to the outbox " + this.outbox.directory(), ex);
		}
	}

}
