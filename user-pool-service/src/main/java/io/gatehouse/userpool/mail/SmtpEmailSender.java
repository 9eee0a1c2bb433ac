package io.gatehouse.userpool.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;

final class SmtpEmailSender implements EmailSender {

	private static final Logger logger = LoggerFactory.getLogger(SmtpEmailSender.class);

	private final JavaMailSender mailSender;

	private final String from;

	SmtpEmailSender(JavaMailSender mailSender, String from) {
		this.mailSender = mailSender;
		this.from = from;
	}

	@Override
	public void send(EmailMessage message) {
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
	}

}
