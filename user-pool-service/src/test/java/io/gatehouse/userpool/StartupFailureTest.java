package io.gatehouse.userpool;

import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Bad configuration stops the service at start-up with one clear line, not a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {

	private static final String MASTER_KEY = "--gatehouse.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

	@TempDir
	Path data;

	@Test
	void startWhenDatabaseUnreachableThenOneClearLine(CapturedOutput output) throws Exception {
		int closedPort = freePort();
		assertThatException().isThrownBy(() -> start("--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + closedPort
				+ "/gatehouse", "--spring.datasource.username=nobody", MASTER_KEY));
		assertThat(output.getOut() + output.getErr()).contains("Cannot connect to the database")
			.contains("SPRING_DATASOURCE_URL");
		assertNoStackTrace(output);
	}

	@Test
	void startWhenExternalDatabaseAndNoMasterKeyThenOneClearLine(CapturedOutput output) throws Exception {
		assertThatException().isThrownBy(() -> start("--spring.datasource.url=jdbc:postgresql://127.0.0.1:"
				+ freePort() + "/gatehouse"));
		assertThat(output.getOut() + output.getErr()).contains("gatehouse.master-key (GATEHOUSE_MASTER_KEY) is not set");
		assertNoStackTrace(output);
	}

	@Test
	void startWhenMasterKeyMalformedThenOneClearLine(CapturedOutput output) throws Exception {
		assertThatException().isThrownBy(() -> start("--spring.datasource.url=jdbc:postgresql://127.0.0.1:"
				+ freePort() + "/gatehouse", "--gatehouse.master-key=tooshort"));
		assertThat(output.getOut() + output.getErr()).contains("gatehouse.master-key is invalid");
		assertNoStackTrace(output);
	}

	@Test
	void startWhenCryptographySettingUnknownThenOneClearLine(CapturedOutput output) throws Exception {
		assertThatException().isThrownBy(() -> start("--gatehouse.crypto.native-provider=fastest", MASTER_KEY));
		assertThat(output.getOut() + output.getErr())
			.contains("gatehouse.crypto.native-provider must be auto or off, not 'fastest'")
			.contains("GATEHOUSE_CRYPTO_NATIVE_PROVIDER");
		assertNoStackTrace(output);
	}

	@Test
	void startWhenPortInvalidThenOneClearLine(CapturedOutput output) throws Exception {
		assertThatException().isThrownBy(() -> start("--server.port=not-a-port", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:"
				+ freePort() + "/gatehouse", MASTER_KEY));
		assertThat(output.getOut() + output.getErr()).contains("server.port");
		assertNoStackTrace(output);
	}

	@Test
	void startWhenPortInUseThenOneClearLine(CapturedOutput output) throws Exception {
		try (ServerSocket taken = new ServerSocket(0)) {
			int database = freePort();
			assertThatException().isThrownBy(() -> start("--server.port=" + taken.getLocalPort(),
					"--gatehouse.embedded-postgres.port=" + database));
			assertThat(output.getOut() + output.getErr()).contains("Port " + taken.getLocalPort() + " was already in use");
			assertNoStackTrace(output);
		}
	}

	private void start(String... args) {
		String[] all = new String[args.length + 3];
		System.arraycopy(args, 0, all, 0, args.length);
		all[args.length] = "--gatehouse.data.directory=" + this.data;
		all[args.length + 1] = "--management.server.port=0";
		all[args.length + 2] = "--spring.main.banner-mode=off";
		SpringApplication.run(UserPoolApplication.class, all).close();
	}

	private static void assertNoStackTrace(CapturedOutput output) {
		assertThat(output.getAll()).doesNotContain("\tat org.").doesNotContain("\tat java.").contains("APPLICATION FAILED TO START");
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
