package io.gatehouse.identitypool.decision;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.gatehouse.identitypool.config.GatehouseProperties;
import io.gatehouse.identitypool.credentials.Caller;
import io.gatehouse.identitypool.credentials.SessionClaims;
import io.gatehouse.identitypool.identity.IdentityService;
import io.gatehouse.identitypool.role.RolePolicies;
import io.gatehouse.identitypool.role.RoleService;
import io.gatehouse.shared.policy.Decision;
import io.gatehouse.shared.policy.PolicyEvaluator;
import io.gatehouse.shared.policy.RequestContext;

import org.springframework.stereotype.Service;

/**
 * Decides whether temporary credentials may perform an action on a resource: the role's inline policies,
 * evaluated by shared-model with the request context an AWS service would build for a Cognito identity
 * ({@code cognito-identity.amazonaws.com:sub}, {@code :aud}, {@code :amr}, {@code aws:PrincipalTag/*},
 * {@code aws:userid}, {@code aws:PrincipalArn}, the current time).
 */
@Service
public final class PolicyDecisions {

	private static final String COGNITO = IdentityService.COGNITO_IDENTITY;

	private final RoleService roles;

	private final GatehouseProperties gatehouse;

	private final Clock clock;

	PolicyDecisions(RoleService roles, GatehouseProperties gatehouse, Clock clock) {
		this.roles = roles;
		this.gatehouse = gatehouse;
		this.clock = clock;
	}

	/**
	 * @param resource the resource ARN, or null for actions without one
	 * @param extraKeys context keys the resource server adds (for example {@code aws:SourceIp}); keys that
	 * describe the principal cannot be overridden this way
	 */
	public Outcome decide(SessionClaims session, String action, String resource, Map<String, List<String>> extraKeys) {
		Optional<RolePolicies> role = this.roles.policiesOf(session.roleArn());
		if (role.isEmpty()) {
			return new Outcome(new Decision(Decision.Outcome.IMPLICIT_DENY, Optional.empty(), List.of()), null,
					"The role of these credentials no longer exists.");
		}
		RequestContext.Builder context = RequestContext.builder(action).resource(resource);
		extraKeys.forEach((key, values) -> {
			if (!reserved(key) && !describesWebIdentity(key, session)) {
				context.key(key, values);
			}
		});
		Instant now = this.clock.instant();
		if (session.cognitoIdentity()) {
			context.key(COGNITO + ":sub", session.identityId())
				.key(COGNITO + ":aud", session.identityPoolId())
				.key(COGNITO + ":amr", session.amr());
		}
		else {
			session.webIdentityKeys().forEach(context::key);
		}
		context.currentTime(now)
			.key("aws:userid", role.get().role().roleId() + ":" + session.sessionName())
			.key("aws:PrincipalArn", session.roleArn())
			.key("aws:PrincipalAccount", this.gatehouse.accountId())
			.key("aws:PrincipalType", "AssumedRole")
			.key("aws:TokenIssueTime", Instant.ofEpochSecond(session.issuedAt()).toString())
			.key("aws:FederatedProvider", session.provider());
		session.principalTags().forEach((tag, value) -> context.key("aws:PrincipalTag/" + tag, value));
		Decision decision = PolicyEvaluator.evaluate(context.build(), role.get().permissions());
		return new Outcome(decision, role.get(), null);
	}

	/** Whether a caller of an admin surface may perform the action: admin keys may, roles as their policies say. */
	public boolean allows(Caller caller, String action, String resource) {
		if (caller instanceof Caller.AssumedRole role) {
			return decide(role.session(), action, resource, Map.of()).decision().isAllowed();
		}
		return caller instanceof Caller.Admin;
	}

	/** A key under the prefix of the session's web identity provider ({@code <provider url>:...}). */
	private static boolean describesWebIdentity(String key, SessionClaims session) {
		String lower = key.toLowerCase(Locale.ROOT);
		for (String own : session.webIdentityKeys().keySet()) {
			String prefix = own.substring(0, own.lastIndexOf(':') + 1).toLowerCase(Locale.ROOT);
			if (lower.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	private static boolean reserved(String key) {
		String lower = key.toLowerCase(Locale.ROOT);
		return lower.startsWith(COGNITO + ":") || lower.startsWith("aws:principal") || lower.equals("aws:userid")
				|| lower.equals("aws:currenttime") || lower.equals("aws:epochtime") || lower.equals("aws:tokenissuetime")
				|| lower.equals("aws:federatedprovider");
	}

	/**
	 * @param role the role evaluated, null when it no longer exists
	 * @param problem why nothing could be evaluated, or null
	 */
	public record Outcome(Decision decision, RolePolicies role, String problem) {

		/** The name of the inline policy the deciding statement sits in. */
		public Optional<String> policyName() {
			return this.decision.statement().map((ref) -> this.role.policyNames().get(ref.policyIndex()));
		}

	}

}
