package io.gatehouse.boot;

import java.util.List;

import io.gatehouse.shared.policy.IpRange;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The budget of the unauthenticated operations per source address (user pool: the client-keyed Cognito
 * operations such as {@code SignUp}, {@code InitiateAuth}, {@code ForgotPassword}, and
 * {@code {issuer}/token-status}; identity pool:
 * {@code GetId}, {@code GetCredentialsForIdentity}, {@code GetOpenIdToken}, STS
 * {@code AssumeRoleWithWebIdentity}): a token bucket that
 * holds {@code burst} requests and refills at {@code requestsPerSecond}. Node-local: with n instances
 * behind a load balancer a source gets up to n times the budget.
 *
 * @param maxTrackedSources how many source addresses are tracked at once; beyond that, idle ones are
 * forgotten first
 * @param exemptSources addresses or CIDR blocks that are never throttled: the installation's own services
 * (the identity pool asking a user pool's {@code token-status} for every checked login comes from one
 * address) or a trusted proxy tier that throttles by itself
 */
@ConfigurationProperties("gatehouse.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("20") double requestsPerSecond,
		@DefaultValue("50") int burst, @DefaultValue("100000") int maxTrackedSources,
		@DefaultValue({}) List<String> exemptSources) {

	public RateLimitProperties {
		if (requestsPerSecond <= 0 || burst < 1 || maxTrackedSources < 1) {
			throw new IllegalArgumentException(
					"gatehouse.rate-limit.requests-per-second, burst and max-tracked-sources must be positive");
		}
		exemptSources = (exemptSources != null) ? List.copyOf(exemptSources) : List.of();
		for (String block : exemptSources) {
			if (IpRange.parse((block != null) ? block.trim() : "") == null) {
				throw new IllegalArgumentException(
						"gatehouse.rate-limit.exempt-sources: '" + block + "' is not an IP address or CIDR block");
			}
		}
	}

}
