package io.gatehouse.userpool.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.gatehouse.userpool.UserModelTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@UserModelTest
@ExtendWith(OutputCaptureExtension.class)
class OutboxSendersTest {

	/** Not digits: a six-digit number could turn up in a log line by chance (a PID, a port). */
	private static final String CODE = "Qx7-CODE-k2P";

	private static final Path OUTBOX = Path.of("target/test-data/user-pool-service/outbox");

	@Autowired
	private EmailSender emailSender;

	@Autowired
	private SmsSender smsSender;

	@Test
	void sendEmailWhenNoSmtpHostThenEmlInOutboxAndOneLogLineWithoutTheCode(CapturedOutput output) throws IOException {
		Set<Path> before = files();
		RenderedMessage message = MessageTemplate.defaultVerification().render(CODE, "ivy");

		this.emailSender.send(EmailMessage.of("ivy@example.com", message));

		List<Path> created = newFiles(before);
		assertThat(created).singleElement().satisfies((file) -> {
			assertThat(file.getFileName().toString()).endsWith(".eml");
			String eml = Files.readString(file, StandardCharsets.UTF_8);
			assertThat(eml).contains("To: ivy@example.com").contains("Subject: Your verification code").contains(CODE);
		});
		assertThat(output.getAll()).contains("written to").contains(created.get(0).getFileName().toString())
			.doesNotContain(CODE).doesNotContain("ivy@example.com");
	}

	@Test
	void sendSmsThenTxtInOutboxAndOneLogLineWithoutTheCode(CapturedOutput output) throws IOException {
		Set<Path> before = files();

		this.smsSender.send(new SmsMessage("+14155550123", "Your verification code is " + CODE + ". "));

		List<Path> created = newFiles(before);
		assertThat(created).singleElement().satisfies((file) -> {
			assertThat(file.getFileName().toString()).endsWith(".txt");
			assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("+14155550123").contains(CODE);
		});
		assertThat(output.getAll()).contains("written to").doesNotContain(CODE).doesNotContain("+14155550123");
	}

	private static Set<Path> files() throws IOException {
		if (!Files.isDirectory(OUTBOX)) {
			return Set.of();
		}
		try (Stream<Path> files = Files.list(OUTBOX)) {
			return new HashSet<>(files.toList());
		}
	}

	private static List<Path> newFiles(Set<Path> before) throws IOException {
		return files().stream().filter((file) -> !before.contains(file)).toList();
	}

}
