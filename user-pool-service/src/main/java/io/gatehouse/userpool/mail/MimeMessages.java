package io.gatehouse.userpool.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.MimeMessageHelper;

/** Builds the one MIME form both senders use, so the outbox shows exactly what SMTP would have sent. */
final class MimeMessages {

	private MimeMessages() {
	}

	static void fill(MimeMessage mime, String from, EmailMessage message) throws MessagingException {
		MimeMessageHelper helper = new MimeMessageHelper(mime, "UTF-8");
		helper.setFrom(from);
		helper.setTo(message.to());
		helper.setSubject(message.subject());
		helper.setText(message.body(), message.html());
		mime.saveChanges();
	}

}
