package io.gatehouse.boot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A per-instance cache of values read from the database on hot paths (pool configurations, role
 * policies). An entry lives for a fixed time, so a change made through another instance is seen after at
 * most that long; a change made through this instance evicts the entry when its transaction commits.
 * Only what the loader found is cached: unknown keys sent by callers never fill it.
 */
public final class ExpiringCache<K, V> {

	private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

	private final Duration ttl;

	private final Clock clock;

	public ExpiringCache(Duration ttl, Clock clock) {
		this.ttl = ttl;
		this.clock = clock;
	}

	/** The cached value, or the loader's (cached when not null); a loader's exception is not cached. */
	public V get(K key, Function<K, V> loader) {
		Instant now = this.clock.instant();
		Entry<V> entry = this.entries.get(key);
		if (entry != null && entry.until().isAfter(now)) {
			return entry.value();
		}
		V value = loader.apply(key);
		if (value != null && !this.ttl.isZero()) {
			this.entries.put(key, new Entry<>(value, now.plus(this.ttl)));
		}
		else {
			this.entries.remove(key);
		}
		return value;
	}

	/** Drops every entry now and, inside a transaction, again once it completes. */
	public void clear() {
		this.entries.clear();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					ExpiringCache.this.entries.clear();
				}
			});
		}
	}

	/** Drops one entry now and, inside a transaction, again once it completes. */
	public void evict(K key) {
		this.entries.remove(key);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					ExpiringCache.this.entries.remove(key);
				}
			});
		}
	}

	private record Entry<V>(V value, Instant until) {
	}

}
