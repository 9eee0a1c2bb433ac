package io.gatehouse.identitypool.credentials;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.gatehouse.identitypool.GatehouseTest;
import io.gatehouse.identitypool.TestDecisions;
import io.gatehouse.identitypool.TestGatehouse;
import io.gatehouse.shared.sigv4.SigV4Credentials;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Temporary credentials expire, cannot be altered, and are verified without any store. */
@GatehouseTest
class TemporaryCredentialsTest {

	@LocalServerPort
	int port;

	@Autowired
	SessionTokens tokens;

	@Autowired
	CredentialsIssuer issuer;

	@Test
	void expiredCredentialsThenExpiredTokenAtStsAndNotAuthenticatedAtTheDecisionApi() {
		long past = Instant.now().minusSeconds(60).getEpochSecond();
		SessionClaims claims = new SessionClaims("ASIAEXPIREDEXPIRED01", "expiredSecret000000000000000000000000000",
				"local-1:00000000-0000-0000-0000-000000000001", "local-1:00000000-0000-0000-0000-000000000002",
				TestGatehouse.roleArn("whatever"), List.of("authenticated"), Map.of(), past - 3600, past);
		String token = this.tokens.seal(claims);

		try (StsClient sts = TestGatehouse.sts(this.port,
				AwsSessionCredentials.create(claims.accessKeyId(), claims.secretAccessKey(), token))) {
			assertThatExceptionOfType(StsException.class).isThrownBy(sts::getCallerIdentity)
				.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken"));
		}
		JsonNode decision = new TestDecisions(this.port).decide("/x",
				TestDecisions.signedGet("/x", SigV4Credentials.of(claims.accessKeyId(), claims.secretAccessKey(), token)),
				"files:GetObject", "arn:aws:files:::bucket/x");
		assertThat(decision.get("allowed").asBoolean()).isFalse();
		assertThat(decision.at("/error/code").asString()).isEqualTo("ExpiredToken");
	}

	@Test
	void sessionTokenOpenedBeforeThenStillCheckedForExpiryAtEveryUse() throws InterruptedException {
		TemporaryCredentials credentials = this.issuer.issue(new CredentialsIssuer.Session(
				"local-1:00000000-0000-0000-0000-000000000009", "local-1:00000000-0000-0000-0000-000000000010",
				TestGatehouse.roleArn("whatever"), "local-1:00000000-0000-0000-0000-000000000009",
				SessionClaims.COGNITO_IDENTITY, List.of("unauthenticated"), Map.of(), Map.of()),
				java.time.Duration.ofSeconds(1));
		SessionTokens.Opened first = this.tokens.open(credentials.sessionToken());
		SessionTokens.Opened again = this.tokens.open(credentials.sessionToken());
		assertThat(first).isInstanceOf(SessionTokens.Opened.Valid.class);
		assertThat(again).isEqualTo(first);

		long expiresAt = ((SessionTokens.Opened.Valid) first).claims().expiresAt();
		while (Instant.now().getEpochSecond() < expiresAt) {
			Thread.sleep(100);
		}
		assertThat(this.tokens.open(credentials.sessionToken())).isInstanceOf(SessionTokens.Opened.Expired.class);
	}

	@Test
	void sessionTokenAlteredOrForeignThenInvalidClientTokenId() {
		TemporaryCredentials credentials = this.issuer.issue("local-1:00000000-0000-0000-0000-000000000003",
				"local-1:00000000-0000-0000-0000-000000000004", TestGatehouse.roleArn("whatever"),
				List.of("unauthenticated"), Map.of());
		String sealed = credentials.sessionToken();
		String altered = sealed.substring(0, sealed.length() - 3) + (sealed.endsWith("AAA") ? "BBB" : "AAA");
		String foreignKey = "GH1.unknownkid." + sealed.substring(sealed.lastIndexOf('.') + 1);
		for (String token : List.of(altered, foreignKey, "not-a-session-token")) {
			try (StsClient sts = TestGatehouse.sts(this.port,
					AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(), token))) {
				assertThatExceptionOfType(StsException.class).isThrownBy(sts::getCallerIdentity)
					.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
			}
		}
	}

	@Test
	void accessKeyOfOtherCredentialsWithThisSessionTokenThenRefused() {
		TemporaryCredentials mine = this.issuer.issue("local-1:00000000-0000-0000-0000-000000000005",
				"local-1:00000000-0000-0000-0000-000000000006", TestGatehouse.roleArn("whatever"),
				List.of("unauthenticated"), Map.of());
		TemporaryCredentials theirs = this.issuer.issue("local-1:00000000-0000-0000-0000-000000000007",
				"local-1:00000000-0000-0000-0000-000000000008", TestGatehouse.roleArn("whatever"),
				List.of("unauthenticated"), Map.of());
		try (StsClient sts = TestGatehouse.sts(this.port,
				AwsSessionCredentials.create(theirs.accessKeyId(), theirs.secretAccessKey(), mine.sessionToken()))) {
			assertThatExceptionOfType(StsException.class).isThrownBy(sts::getCallerIdentity)
				.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
		}
	}

	@Test
	void sealedTokenOpensWithEveryClaimAndNeverShowsTheSecretInToString() {
		TemporaryCredentials credentials = this.issuer.issue("local-1:00000000-0000-0000-0000-000000000009",
				"local-1:00000000-0000-0000-0000-00000000000a", TestGatehouse.roleArn("reader"),
				List.of("authenticated", "example.com"), Map.of("department", "eng"));
		SessionTokens.Opened opened = this.tokens.open(credentials.sessionToken());
		assertThat(opened).isInstanceOf(SessionTokens.Opened.Valid.class);
		SessionClaims claims = ((SessionTokens.Opened.Valid) opened).claims();
		assertThat(claims.secretAccessKey()).isEqualTo(credentials.secretAccessKey());
		assertThat(claims.principalTags()).containsEntry("department", "eng");
		assertThat(claims.roleArn()).isEqualTo(TestGatehouse.roleArn("reader"));
		assertThat(claims.toString()).doesNotContain(credentials.secretAccessKey());
		assertThat(credentials.toString()).doesNotContain(credentials.secretAccessKey()).doesNotContain(credentials.sessionToken());
		assertThat(credentials.sessionToken()).doesNotContain(credentials.secretAccessKey());
	}

	@Test
	void adminKeyAtStsThenRootCallerIdentity() {
		try (StsClient sts = TestGatehouse.sts(this.port, software.amazon.awssdk.auth.credentials.AwsBasicCredentials
			.create(TestGatehouse.ADMIN_KEY, TestGatehouse.ADMIN_SECRET))) {
			assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::000000000000:root");
		}
		try (StsClient sts = TestGatehouse.sts(this.port, software.amazon.awssdk.auth.credentials.AwsBasicCredentials
			.create("AKIAUNKNOWN000000000", TestGatehouse.ADMIN_SECRET))) {
			assertThatExceptionOfType(StsException.class).isThrownBy(sts::getCallerIdentity)
				.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
		}
	}

}
