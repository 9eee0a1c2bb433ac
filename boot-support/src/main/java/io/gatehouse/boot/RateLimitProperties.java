package io.gatehouse.boot;

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
 */
@ConfigurationProperties("gatehouse.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("20") double requestsPerSecond,
		@DefaultValue("50") int burst, @DefaultValue("100000") int maxTrackedSources) {

	public RateLimitProperties {
		if (requestsPerSecond <= 0 || burst < 1 || maxTrackedSources < 1) {
			throw new IllegalArgumentException(
					"gatehouse.rate-limit.requests-per-second, burst and max-tracked-sources must be positive");
		}
	}

}
