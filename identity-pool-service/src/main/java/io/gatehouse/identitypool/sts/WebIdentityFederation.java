package io.gatehouse.identitypool.sts;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.gatehouse.identitypool.Refusal;
import io.gatehouse.identitypool.RefusedException;
import io.gatehouse.identitypool.config.GatehouseProperties;
import io.gatehouse.identitypool.credentials.CredentialsIssuer;
import io.gatehouse.identitypool.credentials.SessionClaims;
import io.gatehouse.identitypool.credentials.TemporaryCredentials;
import io.gatehouse.identitypool.openid.OpenIdTokens;
import io.gatehouse.identitypool.provider.VerifiedToken;
import io.gatehouse.identitypool.provider.WebIdentityVerifier;
import io.gatehouse.identitypool.role.RolePolicies;
import io.gatehouse.identitypool.role.RoleService;
import io.gatehouse.shared.policy.Principal;
import io.gatehouse.shared.policy.RequestContext;

import org.springframework.stereotype.Service;

/**
 * STS {@code AssumeRoleWithWebIdentity}: a web identity token, from this service's own issuer (the identity
 * pool's basic flow, {@code GetOpenIdToken}) or from an OpenID Connect provider registered through IAM,
 * buys credentials for a role whose trust policy allows it. The token is verified like any received token;
 * the trust policy sees the federated principal ({@code cognito-identity.amazonaws.com} or the provider's
 * ARN) and the token's {@code aud}, {@code sub} and {@code amr} as condition keys, as in AWS.
 */
@Service
final class WebIdentityFederation {

	static final String ACTION = "sts:AssumeRoleWithWebIdentity";

	private static final String COGNITO = SessionClaims.COGNITO_IDENTITY;

	private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");

	private static final String NOT_AUTHORIZED = "Not authorized to perform sts:AssumeRoleWithWebIdentity";

	private final WebIdentityVerifier verifier;

	private final OpenIdTokens openIdTokens;

	private final RoleService roles;

	private final CredentialsIssuer issuer;

	private final GatehouseProperties gatehouse;

	private final Clock clock;

	WebIdentityFederation(WebIdentityVerifier verifier, OpenIdTokens openIdTokens, RoleService roles,
			CredentialsIssuer issuer, GatehouseProperties gatehouse, Clock clock) {
		this.verifier = verifier;
		this.openIdTokens = openIdTokens;
		this.roles = roles;
		this.issuer = issuer;
		this.gatehouse = gatehouse;
		this.clock = clock;
	}

	AssumedRole assume(String roleArn, String sessionName, String token, Integer durationSeconds) {
		if (roleArn == null || roleArn.length() < 20 || roleArn.length() > 2048) {
			throw RefusedException.invalidParameter("RoleArn must be a role ARN of 20 to 2048 characters.");
		}
		if (sessionName == null || !SESSION_NAME.matcher(sessionName).matches()) {
			throw RefusedException.invalidParameter(
					"RoleSessionName must be 2 to 64 characters of letters, digits and +=,.@_-.");
		}
		if (token == null || token.length() < 4) {
			throw RefusedException.invalidParameter("WebIdentityToken must be at least 4 characters.");
		}
		if (durationSeconds != null && (durationSeconds < 900 || durationSeconds > 43200)) {
			throw RefusedException.invalidParameter("DurationSeconds must be between 900 and 43200.");
		}
		RolePolicies role = this.roles.policiesOf(roleArn)
			.orElseThrow(() -> new RefusedException(Refusal.ACCESS_DENIED, NOT_AUTHORIZED));
		int duration = (durationSeconds == null) ? 3600 : durationSeconds;
		if (duration > role.role().maxSessionDuration()) {
			throw RefusedException.invalidParameter(
					"The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
		}
		String issuer = this.verifier.unverifiedIssuer(token);
		Federated federated = issuer.equals(this.openIdTokens.issuer()) ? ownToken(token)
				: registeredProviderToken(token);
		RequestContext.Builder context = RequestContext.builder(ACTION)
			.principal(Principal.federated(federated.principal()))
			.currentTime(this.clock.instant());
		federated.keys().forEach(context::key);
		if (!role.trustPolicy().evaluate(context.build()).isAllowed()) {
			throw new RefusedException(Refusal.ACCESS_DENIED, NOT_AUTHORIZED);
		}
		if (federated.principal().equals(COGNITO)) {
			// A trust policy for Cognito identities that does not pin the identity pool would let the identities
			// of every pool of this installation in; refuse it rather than guess (AWS refuses it too).
			context.key(COGNITO + ":aud", "unpinned:" + UUID.randomUUID());
			if (role.trustPolicy().evaluate(context.build()).isAllowed()) {
				throw new RefusedException(Refusal.ACCESS_DENIED,
						NOT_AUTHORIZED + ": the role's trust policy must restrict cognito-identity.amazonaws.com:aud.");
			}
			federated.keys().forEach(context::key);
		}
		Map<String, String> tags = principalTags(federated.token());
		if (!tags.isEmpty() && !role.trustPolicy().evaluate(context.action("sts:TagSession").build()).isAllowed()) {
			throw new RefusedException(Refusal.ACCESS_DENIED,
					"Not authorized to perform sts:TagSession: the token carries principal tags.");
		}
		boolean cognito = federated.principal().equals(COGNITO);
		VerifiedToken verified = federated.token();
		CredentialsIssuer.Session session = new CredentialsIssuer.Session(cognito ? verified.subject() : null,
				cognito ? verified.audience() : null, role.role().arn(), sessionName, federated.principal(),
				cognito ? strings(verified.claims().get("amr")) : List.of(), cognito ? Map.of() : federated.keys(), tags);
		TemporaryCredentials credentials = this.issuer.issue(session, Duration.ofSeconds(duration));
		return new AssumedRole(credentials, this.gatehouse.stsArn("assumed-role/" + role.role().name() + "/" + sessionName),
				role.role().roleId() + ":" + sessionName, verified.subject(), verified.audience(),
				withoutScheme(verified.issuer()));
	}

	private Federated ownToken(String token) {
		VerifiedToken verified = this.openIdTokens.verify(token);
		Map<String, List<String>> keys = new LinkedHashMap<>();
		keys.put(COGNITO + ":aud", List.of(verified.audience()));
		keys.put(COGNITO + ":sub", List.of(verified.subject()));
		keys.put(COGNITO + ":amr", strings(verified.claims().get("amr")));
		return new Federated(COGNITO, verified, keys);
	}

	private Federated registeredProviderToken(String token) {
		WebIdentityVerifier.RegisteredProviderToken registered = this.verifier.verifyRegistered(token);
		VerifiedToken verified = registered.token();
		String prefix = registered.provider().urlWithoutScheme() + ":";
		Map<String, List<String>> keys = new LinkedHashMap<>();
		keys.put(prefix + "aud", List.of(verified.audience()));
		keys.put(prefix + "sub", List.of(verified.subject()));
		List<String> amr = strings(verified.claims().get("amr"));
		if (!amr.isEmpty()) {
			keys.put(prefix + "amr", amr);
		}
		return new Federated(registered.provider().arn(), verified, keys);
	}

	/** Session tags from {@code https://aws.amazon.com/tags} {@code principal_tags}, one value per tag. */
	private static Map<String, String> principalTags(VerifiedToken token) {
		Map<String, String> tags = new LinkedHashMap<>();
		if (token.claims().get("https://aws.amazon.com/tags") instanceof Map<?, ?> claim
				&& claim.get("principal_tags") instanceof Map<?, ?> principalTags) {
			principalTags.forEach((tag, values) -> {
				List<String> value = strings(values);
				if (tag instanceof String name && name.length() <= 128 && value.size() == 1 && value.get(0).length() <= 256) {
					tags.put(name, value.get(0));
				}
			});
			if (tags.size() > 50) {
				throw RefusedException.invalidParameter("The token carries more than 50 principal tags.");
			}
		}
		return tags;
	}

	private static List<String> strings(Object claim) {
		List<String> values = new ArrayList<>();
		if (claim instanceof Collection<?> list) {
			list.stream().filter((v) -> v instanceof String).forEach((v) -> values.add((String) v));
		}
		else if (claim instanceof String value) {
			values.add(value);
		}
		return values;
	}

	private static String withoutScheme(String url) {
		int scheme = url.indexOf("://");
		return (scheme < 0) ? url : url.substring(scheme + 3);
	}

	private record Federated(String principal, VerifiedToken token, Map<String, List<String>> keys) {
	}

	record AssumedRole(TemporaryCredentials credentials, String assumedRoleArn, String assumedRoleId, String subject,
			String audience, String provider) {
	}

}
