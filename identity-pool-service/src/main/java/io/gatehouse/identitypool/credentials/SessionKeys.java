package io.gatehouse.identitypool.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.spec.SecretKeySpec;

import io.gatehouse.boot.MasterKey;

import org.springframework.stereotype.Component;

/**
 * The rotating keys that seal session tokens. Keys live in the database (encrypted under the master key)
 * so every instance seals and opens with the same ones, and in memory so that opening a token needs no
 * database read once a key is known.
 */
@Component
final class SessionKeys {

	private static final String PURPOSE = "identity_pool.session_key";

	/** Longest life any credential may have (AssumeRoleWithWebIdentity allows 12 h), plus clock skew. */
	private static final Duration LONGEST_CREDENTIAL = Duration.ofHours(12).plusMinutes(15);

	private static final Duration RELOAD_AT_MOST_EVERY = Duration.ofSeconds(1);

	private final SessionKeyRepository repository;

	private final MasterKey masterKey;

	private final Clock clock;

	private final Duration rotation;

	private final Map<String, Key> keys = new ConcurrentHashMap<>();

	private volatile Key current;

	private volatile Instant lastReload = Instant.EPOCH;

	SessionKeys(SessionKeyRepository repository, MasterKey masterKey, Clock clock, CredentialsProperties properties) {
		this.repository = repository;
		this.masterKey = masterKey;
		this.clock = clock;
		this.rotation = properties.sessionKeyRotation();
	}

	/** The key to seal with now, rotating when the newest one is older than the rotation period. */
	Key current() {
		Key key = this.current;
		if (key != null && fresh(key)) {
			return key;
		}
		synchronized (this) {
			if (this.current != null && fresh(this.current)) {
				return this.current;
			}
			reload();
			Key newest = this.keys.values().stream().max(Comparator.comparing(Key::createdAt)).orElse(null);
			if (newest == null || !fresh(newest)) {
				newest = create();
				this.repository.deleteCreatedBefore(this.clock.instant().minus(this.rotation).minus(LONGEST_CREDENTIAL));
			}
			this.current = newest;
			return newest;
		}
	}

	/** The key with this id; an unknown id reloads from the database at most once a second. */
	Optional<Key> find(String kid) {
		Key key = this.keys.get(kid);
		if (key != null) {
			return Optional.of(key);
		}
		synchronized (this) {
			if (Duration.between(this.lastReload, this.clock.instant()).compareTo(RELOAD_AT_MOST_EVERY) >= 0) {
				reload();
			}
		}
		return Optional.ofNullable(this.keys.get(kid));
	}

	private boolean fresh(Key key) {
		return key.createdAt().plus(this.rotation).isAfter(this.clock.instant());
	}

	private void reload() {
		List<SessionKey> stored = this.repository.findAll();
		for (SessionKey entity : stored) {
			this.keys.computeIfAbsent(entity.kid(), (kid) -> decrypt(entity));
		}
		this.keys.keySet().retainAll(stored.stream().map(SessionKey::kid).toList());
		this.lastReload = this.clock.instant();
	}

	private Key create() {
		byte[] material = RandomIds.bytes(32);
		String kid = Base64.getUrlEncoder().withoutPadding().encodeToString(RandomIds.bytes(9));
		Instant now = this.clock.instant();
		this.repository.save(new SessionKey(kid, Base64.getEncoder().encodeToString(this.masterKey.encrypt(material, PURPOSE)), now));
		Key key = new Key(kid, new SecretKeySpec(material, "AES"), now);
		this.keys.put(kid, key);
		return key;
	}

	private Key decrypt(SessionKey entity) {
		byte[] material = this.masterKey.decrypt(Base64.getDecoder().decode(entity.keyEncrypted()), PURPOSE);
		return new Key(entity.kid(), new SecretKeySpec(material, "AES"), entity.createdAt());
	}

	record Key(String kid, SecretKeySpec secret, Instant createdAt) {

		@Override
		public String toString() {
			return "Key[" + this.kid + "]";
		}

	}

}
