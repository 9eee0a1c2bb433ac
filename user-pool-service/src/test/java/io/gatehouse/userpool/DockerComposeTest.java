package io.gatehouse.userpool;

import io.gatehouse.testsupport.ComposeEnvironmentContract;
import org.junit.jupiter.api.Test;

class DockerComposeTest {

	@Test
	void composeGivesOnlySettingsTheServiceReadsAndEveryRequiredOne() throws Exception {
		ComposeEnvironmentContract.verify("user-pool-service");
	}

}
