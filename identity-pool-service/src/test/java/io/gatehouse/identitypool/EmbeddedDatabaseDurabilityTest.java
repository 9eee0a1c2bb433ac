package io.gatehouse.identitypool;

import java.nio.file.Path;

import io.gatehouse.testsupport.DurabilityContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseDurabilityTest {

	@TempDir
	Path data;

	@Test
	void restartAfterGracefulStopAndAfterKillNineThenDataIsStillThere() throws Exception {
		DurabilityContract.verify(IdentityPoolApplication.class, this.data);
	}

}
