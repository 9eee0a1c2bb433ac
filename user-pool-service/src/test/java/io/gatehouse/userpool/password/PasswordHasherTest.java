package io.gatehouse.userpool.password;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {

	private static final PasswordHashingProperties DEFAULTS = Binder.get(new org.springframework.core.env.StandardEnvironment())
		.bindOrCreate("gatehouse.password-hashing", PasswordHashingProperties.class);

	private final PasswordHasher hasher = new PasswordHasher(DEFAULTS);

	@Test
	void hashWhenDefaultsThenArgon2idWith19MiBTwoIterationsOneLane() {
		assertThat(DEFAULTS).isEqualTo(new PasswordHashingProperties(19456, 2, 1, 16, 32, 0));
		assertThat(this.hasher.hash("Tangerine-Otter-42")).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
	}

	@Test
	void hashWhenConfiguredThenParametersUsed() {
		PasswordHashingProperties configured = new Binder(new MapConfigurationPropertySource(
				Map.of("gatehouse.password-hashing.memory-kib", "8192", "gatehouse.password-hashing.iterations", "3")))
			.bindOrCreate("gatehouse.password-hashing", PasswordHashingProperties.class);

		assertThat(new PasswordHasher(configured).hash("x")).startsWith("$argon2id$v=19$m=8192,t=3,p=1$");
	}

	@Test
	void verifyWhenLongPassphraseWithSpacesAndEmojiThenOnlyTheExactPassphraseMatches() {
		String passphrase = "correct horse battery staple 🐴🔋 and a very long tail well past seventy-two bytes"
				+ " so that bcrypt would have silently ignored this part 🦄 — ümlauts too";
		assertThat(passphrase.length()).isGreaterThan(128);
		String hash = this.hasher.hash(passphrase);

		assertThat(this.hasher.verify(passphrase, hash)).isTrue();
		assertThat(this.hasher.verify(passphrase.substring(0, passphrase.length() - 1), hash)).isFalse();
		assertThat(this.hasher.verify(passphrase.replace("🦄", "🐴"), hash)).isFalse();
		assertThat(this.hasher.verify(passphrase.substring(0, 72), hash)).isFalse();
		assertThat(this.hasher.verify(passphrase + " ", hash)).isFalse();
	}

	@Test
	void verifyWhenSameCharactersInDecomposedFormThenMatches() {
		String composed = "Caf\u00e9-Terrasse-9";
		String decomposed = "Cafe\u0301-Terrasse-9";

		assertThat(this.hasher.verify(decomposed, this.hasher.hash(composed))).isTrue();
	}

	@Test
	void verifyWhenNoHashOrDummyThenFalse() {
		assertThat(this.hasher.verify("anything", null)).isFalse();
		assertThat(this.hasher.verify("anything", "not-a-hash")).isFalse();
		assertThat(this.hasher.verifyDummy("anything")).isFalse();
	}

	@Test
	void needsRehashWhenHashMadeWithWeakerParametersThenTrue() {
		PasswordHasher weak = new PasswordHasher(new PasswordHashingProperties(4096, 1, 1, 16, 32, 0));
		String weakHash = weak.hash("Tangerine-Otter-42");

		assertThat(this.hasher.needsRehash(weakHash)).isTrue();
		assertThat(this.hasher.verify("Tangerine-Otter-42", weakHash)).isTrue();
		assertThat(this.hasher.needsRehash(this.hasher.hash("Tangerine-Otter-42"))).isFalse();
	}

	@Test
	void verifyWhenManyAtOnceThenNoMoreRunTogetherThanAllowedAndAllFinish() throws Exception {
		PasswordHasher oneAtATime = new PasswordHasher(new PasswordHashingProperties(4096, 1, 1, 16, 32, 1));
		String hash = oneAtATime.hash("Tangerine-Otter-42");
		java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(6);
		try {
			java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
			for (int i = 0; i < 12; i++) {
				String password = (i % 2 == 0) ? "Tangerine-Otter-42" : "wrong";
				results.add(callers.submit(() -> oneAtATime.verify(password, hash)));
			}
			for (int i = 0; i < results.size(); i++) {
				assertThat(results.get(i).get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(i % 2 == 0);
			}
		}
		finally {
			callers.shutdownNow();
		}
		assertThat(oneAtATime.peakConcurrency()).isEqualTo(1);
		assertThat(oneAtATime.verifications()).isEqualTo(12);
	}

	@Test
	void maxConcurrentWhenNotSetThenOnePerProcessor() throws Exception {
		PasswordHasher defaults = new PasswordHasher(new PasswordHashingProperties(4096, 1, 1, 16, 32, 0));
		String hash = defaults.hash("Tangerine-Otter-42");
		int cores = Runtime.getRuntime().availableProcessors();
		java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(cores * 4);
		try {
			java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
			for (int i = 0; i < cores * 8; i++) {
				results.add(callers.submit(() -> defaults.verify("Tangerine-Otter-42", hash)));
			}
			for (java.util.concurrent.Future<Boolean> result : results) {
				assertThat(result.get(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
			}
		}
		finally {
			callers.shutdownNow();
		}
		assertThat(defaults.peakConcurrency()).isBetween(1, cores);
	}

}
