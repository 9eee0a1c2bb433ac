package io.gatehouse.identitypool;

import java.nio.file.Path;

import io.gatehouse.testsupport.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {

	@TempDir
	Path data;

	@Test
	void startWhenDatabaseUnreachableThenOneClearLine(CapturedOutput output) {
		assertThatException().isThrownBy(() -> SpringApplication.run(IdentityPoolApplication.class,
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + ServiceProcess.freePort() + "/gatehouse",
				"--gatehouse.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "--server.port=0",
				"--management.server.port=0", "--gatehouse.data.directory=" + this.data));
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("Cannot connect to the database")
			.doesNotContain("\tat org.");
	}

	@Test
	void startWhenExternalDatabaseAndNoMasterKeyThenOneClearLine(CapturedOutput output) {
		assertThatException().isThrownBy(() -> SpringApplication.run(IdentityPoolApplication.class,
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + ServiceProcess.freePort() + "/gatehouse",
				"--server.port=0", "--management.server.port=0"));
		assertThat(output.getAll()).contains("gatehouse.master-key (GATEHOUSE_MASTER_KEY) is not set")
			.doesNotContain("\tat org.");
	}

}
