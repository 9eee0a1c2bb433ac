package io.gatehouse.userpool.mail;

/** An email to send. Its body usually holds a secret, so {@link #toString()} shows only the masked recipient. */
public record EmailMessage(String to, String subject, String body, boolean html) {

	public EmailMessage {
		if (to == null || to.isBlank()) {
			throw new IllegalArgumentException("an email needs a recipient");
		}
	}

	public static EmailMessage of(String to, RenderedMessage message) {
		return new EmailMessage(to, message.subject(), message.body(), message.html());
	}

	@Override
	public String toString() {
		return "EmailMessage[to=" + Redaction.email(this.to) + ", redacted]";
	}

}
