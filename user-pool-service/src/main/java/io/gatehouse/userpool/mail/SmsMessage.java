package io.gatehouse.userpool.mail;

/** A text message to send. Its body usually holds a code, so {@link #toString()} hides it. */
public record SmsMessage(String phoneNumber, String body) {

	public SmsMessage {
		if (phoneNumber == null || phoneNumber.isBlank()) {
			throw new IllegalArgumentException("an SMS needs a phone number");
		}
	}

	public static SmsMessage of(String phoneNumber, RenderedMessage message) {
		return new SmsMessage(phoneNumber, message.body());
	}

	@Override
	public String toString() {
		return "SmsMessage[to=" + Redaction.phone(this.phoneNumber) + ", redacted]";
	}

}
