package io.gatehouse.identitypool;

import io.gatehouse.testsupport.OperationsContract;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationStartupTest {

	@Value("${local.server.port}")
	private int serverPort;

	@Value("${local.management.port}")
	private int managementPort;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void startThenReadyWithDatabaseAndOperatorEndpointsAndOwnSchemaOnly() {
		OperationsContract.verify(this.serverPort, this.managementPort, this.jdbc, "identity_pool", "user_pool");
	}

}
