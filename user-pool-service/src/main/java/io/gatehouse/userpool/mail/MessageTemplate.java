package io.gatehouse.userpool.mail;

import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * A pool's message template (from {@code VerificationMessageTemplate}, {@code AdminCreateUserConfig
 * .InviteMessageTemplate}, ...) with Cognito's placeholders: {@code {####}} for the code (or temporary
 * password) and {@code {username}} for the username. A body containing HTML tags is sent as HTML, and the
 * values put into it are HTML-escaped (a username may contain {@code <} and {@code &}).
 */
public record MessageTemplate(String subject, String body) {

	public static final String CODE_PLACEHOLDER = "{####}";

	public static final String USERNAME_PLACEHOLDER = "{username}";

	private static final Pattern HTML_TAG = Pattern.compile("<[a-zA-Z!/][^>]*>");

	public MessageTemplate {
		if (body == null || body.isEmpty()) {
			throw new IllegalArgumentException("a message template needs a body");
		}
		subject = subject == null ? "" : subject;
	}

	/** Cognito's default verification email and SMS wording. */
	public static MessageTemplate defaultVerification() {
		return new MessageTemplate("Your verification code", "Your verification code is {####}. ");
	}

	/** Cognito's default invitation for a user created by an administrator. */
	public static MessageTemplate defaultInvitation() {
		return new MessageTemplate("Your temporary password",
				"Your username is {username} and temporary password is {####}. ");
	}

	public boolean containsCodePlaceholder() {
		return this.body.contains(CODE_PLACEHOLDER);
	}

	public boolean isHtml() {
		return HTML_TAG.matcher(this.body).find();
	}

	/** Fills in the placeholders. Subjects are plain text; the body is escaped when it is HTML. */
	public RenderedMessage render(String code, String username) {
		boolean html = isHtml();
		String bodyCode = html ? HtmlUtils.htmlEscape(nullToEmpty(code)) : nullToEmpty(code);
		String bodyUsername = html ? HtmlUtils.htmlEscape(nullToEmpty(username)) : nullToEmpty(username);
		String renderedSubject = this.subject.replace(CODE_PLACEHOLDER, nullToEmpty(code))
			.replace(USERNAME_PLACEHOLDER, nullToEmpty(username));
		String renderedBody = this.body.replace(CODE_PLACEHOLDER, bodyCode).replace(USERNAME_PLACEHOLDER, bodyUsername);
		return new RenderedMessage(renderedSubject, renderedBody, html);
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

}
