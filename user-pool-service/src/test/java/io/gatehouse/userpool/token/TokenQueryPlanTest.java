package io.gatehouse.userpool.token;

import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.gatehouse.userpool.UserModelTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token queries every refresh, introspection and revocation runs can be served by indexes alone: with
 * sequential scans disabled, PostgreSQL still plans a sequential scan only where no index fits, so a plan
 * without one proves an index path exists whatever the table's size. (A first version of the family lookup
 * used an OR across two indexes and scanned every token: refreshes slowed down as tokens accumulated.)
 */
@UserModelTest
class TokenQueryPlanTest {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PlatformTransactionManager transactions;

	@Test
	void familyByTokenThenIndexesOnly() {
		assertThat(plan("EXPLAIN " + HashedTokenAuthorizationService.FAMILY_BY_TOKEN, new byte[32], new byte[32]))
			.doesNotContain("Seq Scan", "oauth2_token_family_idx", "Hash")
			.contains("oauth2_token_pkey", "oauth2_authorization_pkey", "on user_account u",
					"user_group_member_user_idx");
	}

	@Test
	void invalidateFamilyThenIndexesOnly() {
		assertThat(plan("EXPLAIN " + HashedTokenAuthorizationService.INVALIDATE_FAMILY, "no-such-authorization"))
			.doesNotContain("Seq Scan");
	}

	@Test
	void accessTokenActiveThenAccessJtiIndex() {
		assertThat(plan("EXPLAIN " + HashedTokenAuthorizationService.ACCESS_TOKEN_ACTIVE, "jti", "local-1_pool",
				Timestamp.from(Instant.now())))
			.doesNotContain("Seq Scan")
			.contains("oauth2_token_access_jti_idx");
	}

	private String plan(String explain, Object... parameters) {
		return new TransactionTemplate(this.transactions).execute((status) -> {
			this.jdbc.sql("SET LOCAL enable_seqscan = off").update();
			return String.join("\n", this.jdbc.sql(explain).params(parameters).query(String.class).list());
		});
	}

}
