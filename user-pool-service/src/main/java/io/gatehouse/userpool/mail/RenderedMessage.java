package io.gatehouse.userpool.mail;

/**
 * A template with its placeholders filled in. It carries a code or temporary password, so
 * {@link #toString()} shows neither subject nor body.
 */
public record RenderedMessage(String subject, String body, boolean html) {

	@Override
	public String toString() {
		return "RenderedMessage[redacted, html=" + this.html + "]";
	}

}
