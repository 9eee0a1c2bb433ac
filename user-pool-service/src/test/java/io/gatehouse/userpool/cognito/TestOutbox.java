package io.gatehouse.userpool.cognito;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Reads the development outbox the service writes mail and SMS to when no SMTP host is set. */
final class TestOutbox {

	private static final List<Path> DIRECTORIES = List.of(Path.of("data/user-pool-service/outbox"),
			Path.of("target/test-data/user-pool-service/outbox"));

	private TestOutbox() {
	}

	/** The messages (eml or txt) that mention {@code recipient}, which tests make unique. */
	static List<String> messagesTo(String recipient) {
		try {
			List<String> found = new java.util.ArrayList<>();
			for (Path directory : DIRECTORIES) {
				if (!Files.isDirectory(directory)) {
					continue;
				}
				try (Stream<Path> files = Files.list(directory)) {
					for (Path file : files.sorted().toList()) {
						String text = Files.readString(file, StandardCharsets.UTF_8);
						if (text.contains(recipient)) {
							found.add(text);
						}
					}
				}
			}
			return found;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
