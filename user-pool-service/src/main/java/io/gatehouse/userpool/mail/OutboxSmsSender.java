package io.gatehouse.userpool.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes each text message as a {@code .txt} file and logs one line saying where (never the body). */
final class OutboxSmsSender implements SmsSender {

	private static final Logger logger = LoggerFactory.getLogger(OutboxSmsSender.class);

	private final Outbox outbox;

	OutboxSmsSender(Outbox outbox) {
		this.outbox = outbox;
	}

	@Override
	public void send(SmsMessage message) {
		try {
			String text = "To: " + message.phoneNumber() + "\n\n" + message.body() + "\n";
			Path file = this.outbox.write("txt", (out) -> out.write(text.getBytes(StandardCharsets.UTF_8)));
			logger.info("No SMS gateway configured: text message to {} written to {}",
					Redaction.phone(message.phoneNumber()), file.toAbsolutePath());
		}
		catch (IOException ex) {
			throw new MessageDeliveryException("text message to " + Redaction.phone(message.phoneNumber())
					+ " could not be written to the outbox " + this.outbox.directory(), ex);
		}
	}

}
