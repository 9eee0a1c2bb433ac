package io.gatehouse.identitypool;

import io.gatehouse.testsupport.ExternalDatabaseContract;
import org.junit.jupiter.api.Test;

class ExternalDatabaseTest {

	@Test
	void startWithDatasourceUrlThenMigratesOwnSchemaOnlyAsOwnRole() {
		ExternalDatabaseContract.verify(IdentityPoolApplication.class, "identity_pool", "user_pool", "identity_pool_service");
	}

}
