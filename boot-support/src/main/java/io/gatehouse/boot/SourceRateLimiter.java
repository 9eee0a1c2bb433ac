package io.gatehouse.boot;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.gatehouse.shared.policy.IpRange;

/**
 * Token buckets per source address for the operations anyone may call without credentials (both
 * services: the user pool's client-keyed Cognito operations and token-status endpoint, the identity pool's
 * unsigned ones). Kept in this
 * instance's memory on purpose: a throttle must not need the database (it also protects the database),
 * and an exact cluster-wide count is not needed to stop a flood. The source is the servlet's remote
 * address: behind a proxy, set {@code server.forward-headers-strategy} so it is the client's.
 */
public final class SourceRateLimiter {

	private final RateLimitProperties properties;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final List<IpRange> exempt;

	public SourceRateLimiter(RateLimitProperties properties) {
		this.properties = properties;
		this.exempt = properties.exemptSources().stream().map((block) -> IpRange.parse(block.trim())).toList();
	}

	/** Takes one request from the source's budget; false when the budget is spent. Exempt sources always pass. */
	public boolean tryAcquire(String source) {
		if (!this.properties.enabled()) {
			return true;
		}
		for (IpRange block : this.exempt) {
			if (block.contains(source)) {
				return true;
			}
		}
		long now = System.nanoTime();
		if (this.buckets.size() >= this.properties.maxTrackedSources() && !this.buckets.containsKey(source)) {
			forgetIdle(now);
		}
		Bucket bucket = this.buckets.computeIfAbsent(String.valueOf(source),
				(key) -> new Bucket(this.properties.burst(), now));
		return bucket.take(now, this.properties.requestsPerSecond(), this.properties.burst());
	}

	/** Drops full buckets (sources idle long enough to have their whole budget back); else everything. */
	private void forgetIdle(long now) {
		this.buckets.values().removeIf((bucket) -> bucket.full(now, this.properties.requestsPerSecond(), this.properties.burst()));
		if (this.buckets.size() >= this.properties.maxTrackedSources()) {
			this.buckets.clear();
		}
	}

	private static final class Bucket {

		private double tokens;

		private long refilledAt;

		Bucket(double tokens, long now) {
			this.tokens = tokens;
			this.refilledAt = now;
		}

		synchronized boolean take(long now, double perSecond, int burst) {
			refill(now, perSecond, burst);
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return true;
			}
			return false;
		}

		synchronized boolean full(long now, double perSecond, int burst) {
			refill(now, perSecond, burst);
			return this.tokens >= burst;
		}

		private void refill(long now, double perSecond, int burst) {
			this.tokens = Math.min(burst, this.tokens + (now - this.refilledAt) / 1e9 * perSecond);
			this.refilledAt = now;
		}

	}

}
