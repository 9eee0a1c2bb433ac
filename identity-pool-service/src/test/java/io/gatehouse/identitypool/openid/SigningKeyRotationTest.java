package io.gatehouse.identitypool.openid;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.JWK;
import io.gatehouse.boot.MasterKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SECURITY.md "Signing keys rotate with overlap: the next key is published before use, old tokens verify
 * until they expire", for the identity pool's own issuer; private keys are stored only encrypted.
 */
class SigningKeyRotationTest {

	static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

	final Map<String, SigningKey> stored = new ConcurrentHashMap<>();

	final MovableClock clock = new MovableClock(START);

	final SigningKeys keys = new SigningKeys(repository(), MasterKey.fromBase64("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="),
			this.clock, new OpenIdProperties(Duration.ofMinutes(10), Duration.ofDays(7), Duration.ofDays(1)));

	@Test
	void rotationThenNextKeyPublishedADayAheadOldKeyPublishedUntilItsTokensExpired() {
		SigningKeys.Key first = this.keys.signing();
		assertThat(kids()).containsExactly(first.kid());
		assertThat(this.stored.get(first.kid()).privateKeyEncrypted())
			.doesNotContain(first.rsa().getPrivateExponent().toString());
		assertThat(this.stored.get(first.kid()).publicJwk()).doesNotContain("\"d\"");

		this.clock.set(START.plus(Duration.ofDays(6)));
		assertThat(this.keys.signing().kid()).as("the next key is published, not used yet").isEqualTo(first.kid());
		assertThat(kids()).hasSize(2);
		String second = kids().stream().filter((kid) -> !kid.equals(first.kid())).findFirst().orElseThrow();

		this.clock.set(START.plus(Duration.ofDays(7)));
		assertThat(this.keys.signing().kid()).isEqualTo(second);
		assertThat(kids()).as("the superseded key verifies the tokens it signed").contains(first.kid(), second);
		assertThat(this.keys.find(first.kid())).isPresent();

		this.clock.set(START.plus(Duration.ofDays(12)));
		assertThat(this.keys.signing().kid()).isEqualTo(second);
		assertThat(kids()).as("a key superseded for longer than any token's life is withdrawn")
			.doesNotContain(first.kid())
			.contains(second)
			.hasSize(2);
	}

	private java.util.List<String> kids() {
		return this.keys.published().getKeys().stream().map(JWK::getKeyID).toList();
	}

	private SigningKeyRepository repository() {
		return (SigningKeyRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { SigningKeyRepository.class }, (proxy, method, args) -> switch (method.getName()) {
					case "findAll" -> new ArrayList<>(this.stored.values());
					case "save" -> {
						SigningKey key = (SigningKey) args[0];
						this.stored.put(key.kid(), key);
						yield key;
					}
					case "deleteById" -> {
						this.stored.remove((String) args[0]);
						yield null;
					}
					default -> throw new UnsupportedOperationException(method.getName());
				});
	}

	static final class MovableClock extends Clock {

		private volatile Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void set(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
