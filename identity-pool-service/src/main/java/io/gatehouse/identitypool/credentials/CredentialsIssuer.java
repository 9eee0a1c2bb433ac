package io.gatehouse.identitypool.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

/** Mints temporary credentials ({@code ASIA…}) whose session token carries everything needed to verify them. */
@Service
public final class CredentialsIssuer {

	private final SessionTokens tokens;

	private final Clock clock;

	private final Duration lifetime;

	CredentialsIssuer(SessionTokens tokens, Clock clock, CredentialsProperties properties) {
		this.tokens = tokens;
		this.clock = clock;
		this.lifetime = properties.lifetime();
	}

	/** Credentials for the configured lifetime. */
	public TemporaryCredentials issue(String identityId, String identityPoolId, String roleArn, List<String> amr,
			Map<String, String> principalTags) {
		return issue(identityId, identityPoolId, roleArn, amr, principalTags, this.lifetime);
	}

	public TemporaryCredentials issue(String identityId, String identityPoolId, String roleArn, List<String> amr,
			Map<String, String> principalTags, Duration lifetime) {
		return issue(new Session(identityId, identityPoolId, roleArn, identityId, SessionClaims.COGNITO_IDENTITY, amr,
				Map.of(), principalTags), lifetime);
	}

	/** Credentials for a role session, as STS AssumeRoleWithWebIdentity issues them. */
	public TemporaryCredentials issue(Session session, Duration lifetime) {
		Instant now = this.clock.instant();
		Instant expiration = now.plus(lifetime);
		String accessKeyId = RandomIds.accessKeyId("ASIA");
		String secret = RandomIds.secretAccessKey();
		SessionClaims claims = new SessionClaims(accessKeyId, secret, session.identityId(), session.identityPoolId(),
				session.roleArn(), session.amr(), session.principalTags(), now.getEpochSecond(),
				expiration.getEpochSecond(), session.sessionName(), session.provider(), session.webIdentityKeys());
		return new TemporaryCredentials(accessKeyId, secret, this.tokens.seal(claims), expiration);
	}

	/**
	 * Who a role session is for; see {@link SessionClaims} for each component.
	 */
	public record Session(String identityId, String identityPoolId, String roleArn, String sessionName,
			String provider, List<String> amr, Map<String, List<String>> webIdentityKeys,
			Map<String, String> principalTags) {
	}

}
