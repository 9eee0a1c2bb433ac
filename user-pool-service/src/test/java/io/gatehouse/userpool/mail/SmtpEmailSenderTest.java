package io.gatehouse.userpool.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** With {@code spring.mail.host} set, mail goes over real SMTP (GreenMail on a free port). */
@SpringBootTest(properties = { "gatehouse.data.directory=target/test-data", "gatehouse.mail.from=auth@gatehouse.test" })
@ExtendWith(OutputCaptureExtension.class)
class SmtpEmailSenderTest {

	private static final String CODE = "Zk9-SMTP-w4R";

	private static final GreenMail smtp = startSmtp();

	@Autowired
	private EmailSender emailSender;

	@Autowired
	private JavaMailSenderImpl mailSender;

	@DynamicPropertySource
	static void mailProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@Test
	void sendWhenSmtpHostConfiguredThenServerReceivesTheCodeAndLogsDoNot(CapturedOutput output) throws Exception {
		RenderedMessage message = new MessageTemplate("Your code", "<p>Your code is <b>{####}</b>, {username}</p>")
			.render(CODE, "jules");

		this.emailSender.send(EmailMessage.of("jules@example.com", message));

		assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
		MimeMessage received = smtp.getReceivedMessages()[0];
		assertThat(received.getAllRecipients()).extracting(Object::toString).containsExactly("jules@example.com");
		assertThat(received.getFrom()).extracting(Object::toString).containsExactly("auth@gatehouse.test");
		assertThat(received.getSubject()).isEqualTo("Your code");
		assertThat(received.getContentType()).startsWith("text/html");
		assertThat(GreenMailUtil.getBody(received)).contains(CODE);
		assertThat(output.getAll()).doesNotContain(CODE);
	}

	@Test
	void smtpConnectionWhenNotConfiguredThenTimeoutsAreBounded() {
		// Jakarta Mail's own default is to wait forever (SmtpBulkheadTest shows what a bounded wait does).
		assertThat(this.mailSender.getJavaMailProperties()).containsEntry("mail.smtp.connectiontimeout", "5000")
			.containsEntry("mail.smtp.timeout", "10000")
			.containsEntry("mail.smtp.writetimeout", "10000");
	}

	private static GreenMail startSmtp() {
		GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
		greenMail.start();
		return greenMail;
	}

}
