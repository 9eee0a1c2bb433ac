package io.gatehouse.userpool;

import java.nio.file.Path;

import io.gatehouse.testsupport.DurabilityContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseDurabilityTest {

	@TempDir
	Path data;

	@Test
	void restartAfterGracefulStopAndAfterKillNineThenDataIsStillThere() throws Exception {
		DurabilityContract.verify(UserPoolApplication.class, this.data);
	}

}
