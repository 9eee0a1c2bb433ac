package io.gatehouse.userpool;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.gatehouse.userpool.auth.PoolUserAuthentication;
import io.gatehouse.userpool.auth.UserSessions;
import io.gatehouse.userpool.token.IssuedTokens;
import io.gatehouse.userpool.token.TokenIssuer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The context of the engine and account-flow service tests (sign-in, sign-up, recovery): the application on its
 * own database, a {@link MutableClock}, a {@link StatementCounter}, a public base URL different from any
 * request's host, mail in an outbox under {@code target/}, and recorders standing in for the token pipeline and
 * the web sessions so a test can see what a password reset ends.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = { "gatehouse.data.directory=" + AccountFlowTest.DATA_DIRECTORY,
		"gatehouse.public-base-url=" + AccountFlowTest.PUBLIC_BASE_URL })
@Import({ UserModelTest.ClockConfiguration.class, AccountFlowTest.Recorders.class, StatementCounter.Configuration.class })
public @interface AccountFlowTest {

	String DATA_DIRECTORY = "target/account-flow-test-data";

	String PUBLIC_BASE_URL = "https://id.gatehouse.test";

	/** Who was signed out, as (pool id, sub). */
	record SignedOut(String poolId, UUID sub) {
	}

	/** What the stand-ins saw: refresh tokens revoked and web sessions ended. */
	final class SignOuts {

		public final List<SignedOut> tokensRevoked = new CopyOnWriteArrayList<>();

		public final List<SignedOut> sessionsEnded = new CopyOnWriteArrayList<>();

	}

	@TestConfiguration(proxyBeanMethods = false)
	class Recorders {

		@Bean
		SignOuts signOuts() {
			return new SignOuts();
		}

		/** Primary, so it wins over the real pipeline's issuer once that exists. */
		@Bean
		@Primary
		TokenIssuer recordingTokenIssuer(SignOuts signOuts) {
			return new TokenIssuer() {
				@Override
				public IssuedTokens issue(PoolUserAuthentication user, String clientId, Set<String> scopes) {
					throw new UnsupportedOperationException();
				}

				@Override
				public IssuedTokens refresh(String poolId, String clientId, String refreshToken) {
					throw new UnsupportedOperationException();
				}

				@Override
				public void revoke(String poolId, String clientId, String refreshToken) {
					throw new UnsupportedOperationException();
				}

				@Override
				public void revokeAll(String poolId, UUID sub) {
					signOuts.tokensRevoked.add(new SignedOut(poolId, sub));
				}

				@Override
				public boolean isAccessTokenActive(String poolId, String accessTokenJti) {
					return true;
				}
			};
		}

		@Bean
		UserSessions recordingUserSessions(SignOuts signOuts) {
			return (poolId, sub) -> signOuts.sessionsEnded.add(new SignedOut(poolId, sub));
		}

	}

}
