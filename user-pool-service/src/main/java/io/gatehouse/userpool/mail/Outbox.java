package io.gatehouse.userpool.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The development outbox: one file per message in a directory, named by time so {@code ls} lists them in
 * order. Names never contain anything from the message.
 */
final class Outbox {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final Path directory;

	private final Clock clock;

	Outbox(Path directory, Clock clock) {
		this.directory = directory;
		this.clock = clock;
	}

	Path directory() {
		return this.directory;
	}

	/** Creates a new file with {@code extension} and lets {@code writer} fill it. */
	Path write(String extension, Writer writer) throws IOException {
		Files.createDirectories(this.directory);
		Path file = this.directory
			.resolve(STAMP.format(this.clock.instant()) + "-" + UUID.randomUUID() + "." + extension);
		try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
			writer.writeTo(out);
		}
		return file;
	}

	@FunctionalInterface
	interface Writer {

		void writeTo(OutputStream out) throws IOException;

	}

}
