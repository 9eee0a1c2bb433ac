package io.gatehouse.boot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ExpiringCacheTest {

	private Instant now = Instant.parse("2026-11-26T08:00:00Z");

	private final Clock clock = new Clock() {
		@Override
		public Instant instant() {
			return ExpiringCacheTest.this.now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	};

	private final AtomicInteger loads = new AtomicInteger();

	private final ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofSeconds(5), this.clock);

	@AfterEach
	void endSynchronization() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	private String load(String key) {
		this.loads.incrementAndGet();
		return key.startsWith("known") ? key + "@" + this.loads.get() : null;
	}

	@Test
	void getWhenWithinTtlThenLoadedOnceAndAfterTtlLoadedAgain() {
		assertThat(this.cache.get("known-1", this::load)).isEqualTo("known-1@1");
		this.now = this.now.plusMillis(4_999);
		assertThat(this.cache.get("known-1", this::load)).isEqualTo("known-1@1");
		this.now = this.now.plusMillis(1);
		assertThat(this.cache.get("known-1", this::load)).isEqualTo("known-1@2");
		assertThat(this.loads).hasValue(2);
	}

	@Test
	void getWhenLoaderFindsNothingThenNothingCached() {
		assertThat(this.cache.get("unknown", this::load)).isNull();
		assertThat(this.cache.get("unknown", this::load)).isNull();
		assertThat(this.loads).hasValue(2);
	}

	@Test
	void getWhenLoaderThrowsThenNothingCachedAndNextCallLoads() {
		assertThatIllegalStateException().isThrownBy(() -> this.cache.get("known-1", (key) -> {
			throw new IllegalStateException("database down");
		}));
		assertThat(this.cache.get("known-1", this::load)).isEqualTo("known-1@1");
	}

	@Test
	void getWhenTtlZeroThenNeverCached() {
		ExpiringCache<String, String> uncached = new ExpiringCache<>(Duration.ZERO, this.clock);
		uncached.get("known-1", this::load);
		uncached.get("known-1", this::load);
		assertThat(this.loads).hasValue(2);
	}

	@Test
	void evictWhenOutsideTransactionThenNextGetLoads() {
		this.cache.get("known-1", this::load);
		this.cache.get("known-2", this::load);
		this.cache.evict("known-1");
		assertThat(this.cache.get("known-1", this::load)).isEqualTo("known-1@3");
		assertThat(this.cache.get("known-2", this::load)).isEqualTo("known-2@2");
		this.cache.clear();
		assertThat(this.cache.get("known-2", this::load)).isEqualTo("known-2@4");
	}

	@Test
	void evictWhenInTransactionThenAlsoDroppedWhenItCompletes() {
		TransactionSynchronizationManager.initSynchronization();
		this.cache.get("known-1", this::load);
		this.cache.evict("known-1");
		// A reader during the transaction caches the value it still sees (the change is not committed yet)...
		assertThat(this.cache.get("known-1", this::load)).isEqualTo("known-1@2");
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			synchronization.afterCompletion(TransactionSynchronization.STATUS_COMMITTED);
		}
		// ...and that stale value goes once the transaction has committed.
		assertThat(this.cache.get("known-1", this::load)).isEqualTo("known-1@3");
	}

	@Test
	void clearWhenInTransactionThenAlsoDroppedWhenItCompletes() {
		TransactionSynchronizationManager.initSynchronization();
		this.cache.clear();
		this.cache.get("known-1", this::load);
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			synchronization.afterCompletion(TransactionSynchronization.STATUS_COMMITTED);
		}
		assertThat(this.cache.get("known-1", this::load)).isEqualTo("known-1@2");
	}

}
