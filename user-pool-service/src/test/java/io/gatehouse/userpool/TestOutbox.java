package io.gatehouse.userpool;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Reads the development mail outbox ({@code <gatehouse.data.directory>/user-pool-service/outbox/*.eml}) the
 * way a developer would: the newest message to an address, and the code in it.
 */
public final class TestOutbox {

	private static final Pattern CODE = Pattern.compile("\\b(\\d{6,9})\\b");

	private final Path directory;

	public TestOutbox(String dataDirectory) {
		this.directory = Path.of(dataDirectory, "user-pool-service", "outbox");
	}

	/** The body of the newest message to {@code recipient}, waiting up to 10 s for it. */
	public String latestTo(String recipient) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (true) {
			Optional<String> body = find(recipient);
			if (body.isPresent() || System.nanoTime() > deadline) {
				return body.orElseThrow(() -> new AssertionError("no mail to " + recipient + " in " + this.directory));
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	/** The one-time code in the newest message to {@code recipient}. */
	public String latestCodeTo(String recipient) {
		Matcher matcher = CODE.matcher(latestTo(recipient));
		if (!matcher.find()) {
			throw new AssertionError("no code in the newest mail to " + recipient);
		}
		return matcher.group(1);
	}

	public long countTo(String recipient) {
		return messages().stream().filter((message) -> isTo(message, recipient)).count();
	}

	private Optional<String> find(String recipient) {
		List<MimeMessage> messages = messages();
		for (int i = messages.size() - 1; i >= 0; i--) {
			if (isTo(messages.get(i), recipient)) {
				return Optional.of(text(messages.get(i)));
			}
		}
		return Optional.empty();
	}

	private List<MimeMessage> messages() {
		if (!Files.isDirectory(this.directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(this.directory)) {
			// File names start with a timestamp, so name order is sending order.
			return files.filter((file) -> file.toString().endsWith(".eml"))
				.sorted(Comparator.comparing((Path file) -> file.getFileName().toString()))
				.map(TestOutbox::read)
				.toList();
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

	private static MimeMessage read(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return new MimeMessage(Session.getInstance(new Properties()), in);
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	private static boolean isTo(MimeMessage message, String recipient) {
		try {
			Address[] to = message.getRecipients(Message.RecipientType.TO);
			return to != null && Stream.of(to).anyMatch((address) -> address.toString().equalsIgnoreCase(recipient));
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	private static String text(MimeMessage message) {
		try {
			Object content = message.getContent();
			if (content instanceof Multipart multipart) {
				StringBuilder text = new StringBuilder();
				for (int i = 0; i < multipart.getCount(); i++) {
					text.append(multipart.getBodyPart(i).getContent());
				}
				return text.toString();
			}
			return String.valueOf(content);
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

}
