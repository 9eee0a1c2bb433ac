package io.gatehouse.userpool;

import io.gatehouse.testsupport.ExternalDatabaseContract;
import org.junit.jupiter.api.Test;

class ExternalDatabaseTest {

	@Test
	void startWithDatasourceUrlThenMigratesOwnSchemaOnlyAsOwnRole() {
		ExternalDatabaseContract.verify(UserPoolApplication.class, "user_pool", "identity_pool", "user_pool_service");
	}

}
