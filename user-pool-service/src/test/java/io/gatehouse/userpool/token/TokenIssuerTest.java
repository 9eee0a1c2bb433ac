package io.gatehouse.userpool.token;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.userpool.StatementCounter;
import io.gatehouse.userpool.group.GroupChange;
import io.gatehouse.userpool.group.GroupService;
import io.gatehouse.userpool.auth.PoolUserAuthentication;
import io.gatehouse.userpool.oidc.OidcFixtures;
import io.gatehouse.userpool.oidc.OidcTest;
import io.gatehouse.userpool.pool.UserPoolService;
import io.gatehouse.userpool.signing.SigningKeys;
import io.gatehouse.userpool.user.TestUsers;
import io.gatehouse.userpool.user.User;
import io.gatehouse.userpool.user.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtEncodingException;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

/** The Cognito API doors mint, refresh and end tokens on the same pipeline and records as the OAuth endpoints. */
@OidcTest
class TokenIssuerTest {

	private static final Set<String> COGNITO_SCOPES = Set.of("openid", "email", "phone", "profile",
			"aws.cognito.signin.user.admin");

	@LocalServerPort
	private int port;

	@Autowired
	private TokenIssuer tokens;

	@Autowired
	private UserService users;

	@Autowired
	private HashedTokenAuthorizationService authorizations;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private SigningKeys signingKeys;

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private UserPoolService pools;

	@Autowired
	private GroupService groups;

	@Autowired
	private PlatformTransactionManager transactions;

	private static final String ADMIN_ROLE = "arn:aws:iam::123456789012:role/admins";

	private static final String READER_ROLE = "arn:aws:iam::123456789012:role/readers";

	private CognitoIdentityProviderClient cognito;

	@BeforeEach
	void setUp() {
		this.cognito = CognitoIdentityProviderClient.builder()
			.endpointOverride(URI.create("http://localhost:" + this.port))
			.region(Region.of("local-1"))
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials
				.create(OidcFixtures.ACCESS_KEY_ID, OidcFixtures.SECRET_ACCESS_KEY)))
			.httpClient(UrlConnectionHttpClient.create())
			.build();
	}

	@AfterEach
	void tearDown() {
		this.cognito.close();
	}

	@Test
	void issueThenCognitoShapedTokensFromThePoolsIssuerRecordedForRefreshAndRevocation() throws Exception {
		String pool = pool();
		String client = client(pool);
		User user = user(pool);

		IssuedTokens issued = this.tokens.issue(signedIn(pool, user), client, COGNITO_SCOPES);

		var access = SignedJWT.parse(issued.accessToken()).getJWTClaimsSet();
		var id = SignedJWT.parse(issued.idToken()).getJWTClaimsSet();
		assertThat(access.getIssuer()).isEqualTo("https://id.gatehouse.test/" + pool);
		assertThat(access.getStringClaim("token_use")).isEqualTo("access");
		assertThat(access.getStringClaim("scope").split(" ")).contains("aws.cognito.signin.user.admin");
		assertThat(access.getStringClaim("client_id")).isEqualTo(client);
		assertThat(id.getAudience()).containsExactly(client);
		assertThat(id.getStringClaim("token_use")).isEqualTo("id");
		assertThat(id.getStringClaim("origin_jti")).isEqualTo(access.getStringClaim("origin_jti"));
		assertThat(issued.refreshToken()).isNotBlank();
		assertThat(issued.expiresIn().toMinutes()).isEqualTo(60);
		assertThat(this.tokens.isAccessTokenActive(pool, access.getJWTID())).isTrue();
	}

	@Test
	void issueThenCompactJwsWithCognitosHeaderAndClaimTypesVerifiedByTheJdksOwnRsa() throws Exception {
		String pool = pool();
		String client = client(pool);
		IssuedTokens issued = this.tokens.issue(signedIn(pool, user(pool)), client, COGNITO_SCOPES);

		for (String token : List.of(issued.accessToken(), issued.idToken())) {
			String[] parts = token.split("\\.");
			assertThat(parts).hasSize(3);
			Map<String, Object> header = json.readValue(base64url(parts[0]), Map.class);
			RSAKey key = this.signingKeys.signingKey(pool);
			assertThat(header).containsExactly(entry("kid", key.getKeyID()), entry("alg", "RS256"));
			Signature jdk = Signature.getInstance("SHA256withRSA", "SunRsaSign");
			jdk.initVerify(key.toRSAPublicKey());
			jdk.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
			assertThat(jdk.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
			Map<String, Object> claims = json.readValue(base64url(parts[1]), Map.class);
			assertThat(claims.get("exp")).isInstanceOf(Number.class);
			assertThat(claims.get("iat")).isInstanceOf(Number.class);
			assertThat(claims.get("auth_time")).isInstanceOf(Number.class);
			assertThat(claims.get("iss")).isEqualTo("https://id.gatehouse.test/" + pool);
		}
		Map<String, Object> id = json.readValue(base64url(issued.idToken().split("\\.")[1]), Map.class);
		assertThat(id.get("aud")).as("one audience is a string, as Cognito's").isEqualTo(client);
	}

	@Test
	void encodeOutsideAPoolOrWithAnotherAlgorithmThenNothingIsSignedAndAStaleKidGetsTheCurrentKey() throws Exception {
		JwtEncoder encoder = new PoolJwtEncoder(this.signingKeys);
		JwtClaimsSet claims = JwtClaimsSet.builder().subject("a").issuedAt(Instant.now()).build();
		assertThatExceptionOfType(JwtEncodingException.class)
			.isThrownBy(() -> encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(),
					claims)))
			.withMessageContaining("No user pool's issuer is being served");
		String pool = pool();
		AuthorizationServerContextHolder.setContext(new PoolAuthorizationServerContext(
				URI.create("https://id.gatehouse.test"), pool, AuthorizationServerSettings.builder().build()));
		try {
			Jwt staleKid = encoder.encode(JwtEncoderParameters
				.from(JwsHeader.with(SignatureAlgorithm.RS256).keyId("retired-key").build(), claims));
			assertThat(SignedJWT.parse(staleKid.getTokenValue()).getHeader().getKeyID())
				.isEqualTo(this.signingKeys.signingKey(pool).getKeyID());
			assertThat(SignedJWT.parse(staleKid.getTokenValue())
				.verify(new RSASSAVerifier(this.signingKeys.signingKey(pool).toRSAPublicKey()))).isTrue();
			assertThatExceptionOfType(JwtEncodingException.class)
				.isThrownBy(() -> encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS512).build(),
						claims)))
				.withMessageContaining("Only RS256");
			assertThat(encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
				.getHeaders()).containsEntry("kid", this.signingKeys.signingKey(pool).getKeyID());
		}
		finally {
			AuthorizationServerContextHolder.resetContext();
		}
	}

	private static byte[] base64url(String part) {
		return Base64.getUrlDecoder().decode(part);
	}

	@Test
	void refreshThenRotatesAndReplayRevokesTheFamily() throws Exception {
		String pool = pool();
		String client = client(pool);
		IssuedTokens first = this.tokens.issue(signedIn(pool, user(pool)), client, COGNITO_SCOPES);

		IssuedTokens second = this.tokens.refresh(pool, client, first.refreshToken());

		assertThat(second.refreshToken()).isNotNull().isNotEqualTo(first.refreshToken());
		assertThat(second.idToken()).isNotNull();
		assertThatExceptionOfType(InvalidRefreshTokenException.class)
			.isThrownBy(() -> this.tokens.refresh(pool, client, first.refreshToken()))
			.withMessage("Invalid Refresh Token");
		assertThatExceptionOfType(InvalidRefreshTokenException.class)
			.isThrownBy(() -> this.tokens.refresh(pool, client, second.refreshToken()));
		String jti = SignedJWT.parse(second.accessToken()).getJWTClaimsSet().getJWTID();
		assertThat(this.tokens.isAccessTokenActive(pool, jti)).isFalse();
	}

	@Test
	void refreshThenTwoStatementsAndNoInsertOfTheStoredAuthorization() throws Exception {
		String pool = pool();
		String client = client(pool);
		User user = user(pool);
		this.groups.create(new GroupChange(pool, "readers", null, READER_ROLE, 5));
		this.groups.addUser(pool, "readers", user.sub());
		IssuedTokens first = this.tokens.issue(signedIn(pool, user), client, COGNITO_SCOPES);
		IssuedTokens second = this.tokens.refresh(pool, client, first.refreshToken());

		StatementCounter.Recorded<IssuedTokens> third = StatementCounter
			.record(() -> this.tokens.refresh(pool, client, second.refreshToken()));

		// The family with its user and the user's groups, then the lock, rotation and new tokens, both outside any
		// transaction: a guard on the refresh path's round trips, which hidden transactions and re-inserts had once
		// doubled and separate user and group reads made four.
		assertThat(third.value().refreshToken()).isNotEqualTo(second.refreshToken());
		assertThat(third.statements()).as(String.join("\n", third.statements())).hasSize(2);
		assertThat(third.commits()).isZero();
		assertThat(third.statements()).noneMatch((sql) -> sql.startsWith("INSERT INTO user_pool.oauth2_authorization"));
		assertThat(claims(third.value().idToken()).getStringListClaim("cognito:groups")).containsExactly("readers");
	}

	@Test
	void refreshThenClaimsFromTheUserAndGroupsAsTheyAreNow() throws Exception {
		String pool = pool();
		String client = client(pool);
		User user = user(pool);
		IssuedTokens first = this.tokens.issue(signedIn(pool, user), client, COGNITO_SCOPES);
		assertThat(claims(first.idToken()).getClaims()).doesNotContainKeys("cognito:groups", "cognito:roles");

		this.groups.create(new GroupChange(pool, "readers", null, READER_ROLE, 5));
		this.groups.create(new GroupChange(pool, "admins", null, ADMIN_ROLE, 1));
		this.groups.create(new GroupChange(pool, "everyone", null, null, null));
		this.groups.addUser(pool, "readers", user.sub());
		this.groups.addUser(pool, "everyone", user.sub());
		this.groups.addUser(pool, "admins", user.sub());
		this.users.updateAttributes(this.pools.userSettings(pool), user.sub(), Map.of("name", "Renamed"),
				io.gatehouse.userpool.user.AttributeWriter.ADMIN);
		IssuedTokens refreshed = this.tokens.refresh(pool, client, first.refreshToken());

		var id = claims(refreshed.idToken());
		var access = claims(refreshed.accessToken());
		// Precedence order, groups without one last; the lowest precedence's role is preferred.
		assertThat(id.getStringListClaim("cognito:groups")).containsExactly("admins", "readers", "everyone");
		assertThat(id.getStringListClaim("cognito:roles")).containsExactly(ADMIN_ROLE, READER_ROLE);
		assertThat(id.getStringClaim("cognito:preferred_role")).isEqualTo(ADMIN_ROLE);
		assertThat(id.getStringClaim("name")).isEqualTo("Renamed");
		assertThat(id.getStringClaim("email")).isEqualTo(user.attributes().get("email"));
		assertThat(id.getBooleanClaim("email_verified")).isTrue();
		assertThat(access.getStringListClaim("cognito:groups")).containsExactly("admins", "readers", "everyone");
		assertThat(access.getClaims()).doesNotContainKeys("cognito:roles", "cognito:preferred_role");
		assertThat(access.getStringClaim("username")).isEqualTo(user.username());

		this.groups.removeUser(pool, "admins", user.sub());
		var again = claims(this.tokens.refresh(pool, client, refreshed.refreshToken()).idToken());
		assertThat(again.getStringListClaim("cognito:groups")).containsExactly("readers", "everyone");
		assertThat(again.getStringClaim("cognito:preferred_role")).isEqualTo(READER_ROLE);
	}

	@Test
	void familyReadThenTheUserIsHandedToTheClaimsOnlyOutsideATransaction() {
		String pool = pool();
		String client = client(pool);
		User user = user(pool);
		IssuedTokens issued = this.tokens.issue(signedIn(pool, user), client, COGNITO_SCOPES);
		Object userKey = CognitoTokenCustomizer.userKey(pool, user.sub());

		// Inside a transaction the claims read through the persistence context, which may hold changes this read
		// cannot see: nothing is handed over. Outside one, the family's user is.
		Object inside = inPoolContext(pool, () -> {
			new TransactionTemplate(this.transactions).executeWithoutResult((status) -> this.authorizations
				.findByToken(issued.refreshToken(), OAuth2TokenType.REFRESH_TOKEN));
			return PoolAuthorizationServerContext.<Object>memoize(userKey, () -> "not handed over");
		});
		Object outside = inPoolContext(pool, () -> {
			this.authorizations.findByToken(issued.refreshToken(), OAuth2TokenType.REFRESH_TOKEN);
			return PoolAuthorizationServerContext.<Object>memoize(userKey, () -> "not handed over");
		});

		assertThat(inside).isEqualTo("not handed over");
		assertThat(outside).isInstanceOfSatisfying(Optional.class,
				(found) -> assertThat(found).map((u) -> ((User) u).sub()).contains(user.sub()));
	}

	@Test
	void familyReadWhenAPointerNamesAnotherFamilysTokenThenThatTokenIsLeftOut() {
		String pool = pool();
		String client = client(pool);
		IssuedTokens mine = this.tokens.issue(signedIn(pool, user(pool)), client, COGNITO_SCOPES);
		IssuedTokens theirs = this.tokens.issue(signedIn(pool, user(pool)), client, COGNITO_SCOPES);
		this.jdbc.sql("UPDATE user_pool.oauth2_authorization SET current_access = ? WHERE current_refresh = ?")
			.params(TokenHashes.sha256(theirs.accessToken()), TokenHashes.sha256(mine.refreshToken()))
			.update();

		OAuth2Authorization found = this.authorizations.findByToken(mine.refreshToken(), OAuth2TokenType.REFRESH_TOKEN);

		assertThat(found).isNotNull();
		assertThat(found.getRefreshToken()).isNotNull();
		assertThat(found.getAccessToken()).isNull();
		assertThat(this.authorizations.findById(found.getId()).getAccessToken()).isNull();
	}

	private <T> T inPoolContext(String pool, java.util.function.Supplier<T> work) {
		var previous = AuthorizationServerContextHolder.getContext();
		AuthorizationServerContextHolder.setContext(new PoolAuthorizationServerContext(
				URI.create("http://localhost:" + this.port), pool, AuthorizationServerSettings.builder().build()));
		try {
			return work.get();
		}
		finally {
			AuthorizationServerContextHolder.setContext(previous);
		}
	}

	private static com.nimbusds.jwt.JWTClaimsSet claims(String jwt) {
		try {
			return SignedJWT.parse(jwt).getJWTClaimsSet();
		}
		catch (java.text.ParseException ex) {
			throw new AssertionError(ex);
		}
	}

	@Test
	void refreshWhenFamilyDeletedBetweenLoadAndSaveThenInvalidGrant() {
		String pool = pool();
		IssuedTokens issued = this.tokens.issue(signedIn(pool, user(pool)), client(pool), COGNITO_SCOPES);
		OAuth2Authorization loaded = this.authorizations.findByToken(issued.refreshToken(),
				OAuth2TokenType.REFRESH_TOKEN);
		Instant now = Instant.now();
		OAuth2Authorization refreshed = OAuth2Authorization.from(loaded)
			.refreshToken(new OAuth2RefreshToken("successor-" + now.toEpochMilli(), now, now.plusSeconds(3600)))
			.build();
		// The user was deleted while the refresh was minting (their families go with them).
		this.jdbc.sql("DELETE FROM user_pool.oauth2_authorization WHERE id = ?").param(loaded.getId()).update();

		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> this.authorizations.save(refreshed))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo(OAuth2ErrorCodes.INVALID_GRANT));
		assertThat(this.jdbc.sql("SELECT count(*) FROM user_pool.oauth2_token WHERE authorization_id = ?")
			.param(loaded.getId())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void refreshWhenOtherPoolOtherClientOrDisabledUserThenInvalid() {
		String pool = pool();
		String otherPool = pool();
		String client = client(pool);
		String otherClient = client(pool);
		User user = user(pool);
		IssuedTokens issued = this.tokens.issue(signedIn(pool, user), client, COGNITO_SCOPES);

		assertThatExceptionOfType(InvalidRefreshTokenException.class)
			.isThrownBy(() -> this.tokens.refresh(otherPool, client, issued.refreshToken()));
		assertThatExceptionOfType(InvalidRefreshTokenException.class)
			.isThrownBy(() -> this.tokens.refresh(pool, otherClient, issued.refreshToken()));
		this.users.setEnabled(pool, user.sub(), false);
		assertThatExceptionOfType(InvalidRefreshTokenException.class)
			.isThrownBy(() -> this.tokens.refresh(pool, client, issued.refreshToken()))
			.withMessage("User is disabled.");
	}

	@Test
	void issueWhenClientOfAnotherPoolThenRefused() {
		String pool = pool();
		String otherClient = client(pool());

		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.tokens.issue(signedIn(pool, user(pool)), otherClient, COGNITO_SCOPES));
	}

	@Test
	void revokeAndRevokeAllThenTokensInactive() throws Exception {
		String pool = pool();
		String client = client(pool);
		User user = user(pool);
		IssuedTokens one = this.tokens.issue(signedIn(pool, user), client, COGNITO_SCOPES);
		IssuedTokens two = this.tokens.issue(signedIn(pool, user), client, COGNITO_SCOPES);
		IssuedTokens three = this.tokens.issue(signedIn(pool, user), client, COGNITO_SCOPES);

		this.tokens.revoke(pool, client, one.refreshToken());
		this.tokens.revoke(pool, client, "unknown-token");

		assertThat(active(pool, one)).isFalse();
		assertThat(active(pool, two)).isTrue();
		this.tokens.revokeAll(pool, user.sub());
		assertThat(active(pool, two)).isFalse();
		assertThat(active(pool, three)).isFalse();
		assertThatExceptionOfType(InvalidRefreshTokenException.class)
			.isThrownBy(() -> this.tokens.refresh(pool, client, three.refreshToken()));
		assertThat(this.tokens.isAccessTokenActive(pool, "no-such-jti")).isFalse();
	}

	private boolean active(String pool, IssuedTokens issued) throws Exception {
		return this.tokens.isAccessTokenActive(pool, SignedJWT.parse(issued.accessToken()).getJWTClaimsSet().getJWTID());
	}

	private String pool() {
		return this.cognito.createUserPool((r) -> r.poolName("issuer-" + System.nanoTime())).userPool().id();
	}

	private String client(String pool) {
		return this.cognito
			.createUserPoolClient((r) -> r.userPoolId(pool)
				.clientName("door")
				.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
						ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
			.userPoolClient()
			.clientId();
	}

	private User user(String pool) {
		return TestUsers.confirmed().withVerifiedEmail("u" + System.nanoTime() + "@example.com")
			.createIn(this.users, this.pools.userSettings(pool));
	}

	private static PoolUserAuthentication signedIn(String pool, User user) {
		return new PoolUserAuthentication(pool, user.sub(), user.username(), Instant.now(), List.of("pwd"));
	}

}
