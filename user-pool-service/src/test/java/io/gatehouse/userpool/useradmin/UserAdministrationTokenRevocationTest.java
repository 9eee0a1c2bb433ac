package io.gatehouse.userpool.useradmin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.gatehouse.userpool.UserModelTest;
import io.gatehouse.userpool.auth.PoolUserAuthentication;
import io.gatehouse.userpool.auth.UserSessions;
import io.gatehouse.userpool.code.OneTimeCodeService;
import io.gatehouse.userpool.config.AwsJson;
import io.gatehouse.userpool.mail.EmailSender;
import io.gatehouse.userpool.mail.SmsSender;
import io.gatehouse.userpool.password.TemporaryPasswordGenerator;
import io.gatehouse.userpool.pool.NewUserPool;
import io.gatehouse.userpool.pool.UserPoolService;
import io.gatehouse.userpool.pool.UserPoolSettings;
import io.gatehouse.userpool.token.IssuedTokens;
import io.gatehouse.userpool.token.TokenIssuer;
import io.gatehouse.userpool.user.User;
import io.gatehouse.userpool.user.UserService;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What ends a user's access revokes their tokens through the {@link TokenIssuer} (another feature's; here a
 * recording stand-in): disable, delete, admin reset, global sign-out. Enabling and setting a password do not.
 * Built by hand on the shared context's collaborators, so no extra Spring context is started.
 */
@UserModelTest
class UserAdministrationTokenRevocationTest {

	@Autowired
	private UserService users;

	@Autowired
	private UserPoolService pools;

	@Autowired
	private TemporaryPasswordGenerator passwords;

	@Autowired
	private OneTimeCodeService codes;

	@Autowired
	private EmailSender email;

	@Autowired
	private SmsSender sms;

	private final RecordingTokenIssuer tokens = new RecordingTokenIssuer();

	private UserAdministration administration;

	private String poolId;

	private UUID sub;

	@BeforeEach
	void createUser() {
		ObjectProvider<TokenIssuer> provider = new ObjectProvider<>() {

			@Override
			public TokenIssuer getObject() {
				return UserAdministrationTokenRevocationTest.this.tokens;
			}

			@Override
			public TokenIssuer getIfAvailable() {
				return UserAdministrationTokenRevocationTest.this.tokens;
			}

		};
		ObjectProvider<UserSessions> noWebSessions = new ObjectProvider<>() {

			@Override
			public UserSessions getObject() {
				throw new NoSuchBeanDefinitionException(UserSessions.class);
			}

			@Override
			public java.util.stream.Stream<UserSessions> orderedStream() {
				return java.util.stream.Stream.empty();
			}

		};
		this.administration = new UserAdministration(this.users, this.pools, this.passwords, this.codes, this.email,
				this.sms, provider, noWebSessions);
		UserPoolSettings defaults = AwsJson.mapper().readValue("{}", UserPoolSettings.class);
		this.poolId = this.pools.create(new NewUserPool("revocation", defaults, null)).id();
		User user = this.administration.create(new AdminNewUser(this.poolId, "rita",
				Map.of("email", "rita-" + UUID.randomUUID() + "@example.com", "email_verified", "true"), null, false,
				MessageAction.SUPPRESS, Set.of()));
		this.sub = user.sub();
		this.tokens.revoked.clear();
	}

	@Test
	void disableThenTokensRevokedAndEnableRevokesNothing() {
		this.administration.disable(this.poolId, "rita");
		assertThat(this.tokens.revoked).containsExactly(this.poolId + "/" + this.sub);

		this.tokens.revoked.clear();
		this.administration.enable(this.poolId, "rita");
		assertThat(this.tokens.revoked).isEmpty();
	}

	@Test
	void globalSignOutThenTokensRevoked() {
		this.administration.globalSignOut(this.poolId, "rita");

		assertThat(this.tokens.revoked).containsExactly(this.poolId + "/" + this.sub);
	}

	@Test
	void resetPasswordThenTokensRevoked() {
		this.administration.resetPassword(this.poolId, "rita");

		assertThat(this.tokens.revoked).containsExactly(this.poolId + "/" + this.sub);
	}

	@Test
	void deleteThenTokensRevoked() {
		this.administration.delete(this.poolId, "rita");

		assertThat(this.tokens.revoked).containsExactly(this.poolId + "/" + this.sub);
	}

	@Test
	void setPasswordThenNoRevocation() {
		this.administration.setPassword(this.poolId, "rita", "Kestrel-Lantern-93", true);

		assertThat(this.tokens.revoked).isEmpty();
	}

	private static final class RecordingTokenIssuer implements TokenIssuer {

		private final List<String> revoked = new ArrayList<>();

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
			this.revoked.add(poolId + "/" + sub);
		}

		@Override
		public boolean isAccessTokenActive(String poolId, String accessTokenJti) {
			return true;
		}

	}

}
