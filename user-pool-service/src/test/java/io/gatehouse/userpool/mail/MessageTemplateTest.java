package io.gatehouse.userpool.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageTemplateTest {

	@Test
	void renderWhenPlainTextThenPlaceholdersFilledAsIs() {
		RenderedMessage message = MessageTemplate.defaultInvitation().render("Tmp#Pass1", "<bob>");

		assertThat(message.html()).isFalse();
		assertThat(message.subject()).isEqualTo("Your temporary password");
		assertThat(message.body()).isEqualTo("Your username is <bob> and temporary password is Tmp#Pass1. ");
		assertThat(message.toString()).doesNotContain("Tmp#Pass1");
	}

	@Test
	void renderWhenHtmlBodyThenValuesEscaped() {
		MessageTemplate template = new MessageTemplate("Code for {username}",
				"<p>Hello {username}, your code is <b>{####}</b></p>");

		RenderedMessage message = template.render("123456", "<script>x</script>&co");

		assertThat(message.html()).isTrue();
		assertThat(message.body())
			.isEqualTo("<p>Hello &lt;script&gt;x&lt;/script&gt;&amp;co, your code is <b>123456</b></p>");
		assertThat(message.subject()).isEqualTo("Code for <script>x</script>&co");
	}

	@Test
	void defaultVerificationContainsTheCodePlaceholder() {
		assertThat(MessageTemplate.defaultVerification().containsCodePlaceholder()).isTrue();
		assertThat(MessageTemplate.defaultVerification().render("654321", "u").body())
			.isEqualTo("Your verification code is 654321. ");
	}

}
