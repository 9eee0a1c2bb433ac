package io.gatehouse.identitypool.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import io.gatehouse.identitypool.GatehouseTest;
import io.gatehouse.identitypool.TestGatehouse;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityProvider;

import static org.assertj.core.api.Assertions.assertThat;

/** SECURITY.md "Faults, load, nothing lost": concurrent duplicate GetId calls create exactly one identity. */
@GatehouseTest
class ConcurrentGetIdTest {

	@LocalServerPort
	int port;

	@Test
	void concurrentGetIdWithTheSameLoginsThenExactlyOneIdentity() throws Exception {
		String userPool = TestGatehouse.unique("race");
		CognitoIdentityClient admin = TestGatehouse.cognito(this.port);
		String poolId = admin.createIdentityPool((r) -> r.identityPoolName(TestGatehouse.unique("race"))
			.allowUnauthenticatedIdentities(false)
			.cognitoIdentityProviders(CognitoIdentityProvider.builder()
				.providerName(TestGatehouse.providerName(userPool))
				.clientId("race-client")
				.build())).identityPoolId();
		Map<String, String> logins = Map.of(TestGatehouse.providerName(userPool),
				TestGatehouse.idToken(userPool, "racer", "race-client", Map.of()));
		int callers = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		try {
			List<Future<String>> results = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				results.add(pool.submit(() -> {
					try (CognitoIdentityClient app = TestGatehouse.anonymousCognito(this.port)) {
						start.await();
						return app.getId((r) -> r.identityPoolId(poolId).logins(logins)).identityId();
					}
				}));
			}
			start.countDown();
			Set<String> ids = new java.util.HashSet<>();
			for (Future<String> result : results) {
				ids.add(result.get());
			}
			assertThat(ids).hasSize(1);
			assertThat(admin.listIdentities((r) -> r.identityPoolId(poolId).maxResults(60)).identities()
				.stream()
				.map((identity) -> identity.identityId())
				.collect(Collectors.toList())).containsExactlyElementsOf(ids);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
