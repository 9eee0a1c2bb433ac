package io.gatehouse.identitypool.openid;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gatehouse.boot.MasterKey;

import org.springframework.stereotype.Component;

/**
 * The RS256 keys of the identity pool's OpenID issuer, rotated with overlap (SECURITY.md: "the next key is
 * published before use, old tokens verify until they expire"):
 * <ul>
 * <li>a key signs once it has been published for {@code key-publish-ahead} (on a fresh installation the
 * first key signs at once: nobody can have cached an older key set);</li>
 * <li>the next key is created {@code key-publish-ahead} before the current one has signed for
 * {@code key-rotation};</li>
 * <li>a superseded key stays published until the longest token it could have signed has expired.</li>
 * </ul>
 * Keys live in the database (private halves encrypted under the master key) so every instance signs with
 * and publishes the same ones; each instance re-reads them at least every {@link #RELOAD_EVERY}. Two
 * instances rotating at the same moment may each create a key: both are published before either signs, so
 * this is harmless.
 */
@Component
final class SigningKeys {

	private static final Logger logger = LoggerFactory.getLogger(SigningKeys.class);

	private static final String PURPOSE = "identity_pool.openid_signing_key";

	static final Duration RELOAD_EVERY = Duration.ofSeconds(30);

	private static final Duration UNKNOWN_KID_RELOAD_AT_MOST_EVERY = Duration.ofSeconds(1);

	private static final Duration RETAIN_AFTER_SUPERSEDED = OpenIdProperties.LONGEST_TOKEN.plusMinutes(5);

	private final SigningKeyRepository repository;

	private final MasterKey masterKey;

	private final Clock clock;

	private final OpenIdProperties properties;

	private final Map<String, Key> keys = new ConcurrentHashMap<>();

	private volatile Instant lastReload = Instant.EPOCH;

	SigningKeys(SigningKeyRepository repository, MasterKey masterKey, Clock clock, OpenIdProperties properties) {
		this.repository = repository;
		this.masterKey = masterKey;
		this.clock = clock;
		this.properties = properties;
	}

	/** The key to sign with now; creates the first key, and the next one ahead of its use. */
	synchronized Key signing() {
		Instant now = this.clock.instant();
		if (this.keys.isEmpty() || !now.isBefore(this.lastReload.plus(RELOAD_EVERY))) {
			reload();
		}
		if (this.keys.isEmpty()) {
			return create(now);
		}
		List<Key> byAge = this.keys.values().stream().sorted(Comparator.comparing(Key::createdAt)).toList();
		Key newest = byAge.get(byAge.size() - 1);
		if (!now.isBefore(newest.createdAt().plus(this.properties.keyRotation()).minus(this.properties.keyPublishAhead()))) {
			newest = create(now);
			byAge = this.keys.values().stream().sorted(Comparator.comparing(Key::createdAt)).toList();
			removeSuperseded(byAge, now);
		}
		Key active = byAge.get(0);
		for (Key key : byAge) {
			if (!key.createdAt().plus(this.properties.keyPublishAhead()).isAfter(now)) {
				active = key;
			}
		}
		return active;
	}

	/** Every key a relying party may meet: the signing one, the next one and superseded ones still in use. */
	JWKSet published() {
		if (!this.clock.instant().isBefore(this.lastReload.plus(RELOAD_EVERY))) {
			synchronized (this) {
				try {
					reload();
				}
				catch (RuntimeException ex) {
					if (this.keys.isEmpty()) {
						throw ex;
					}
					// The database is away: keep publishing the keys already known, so tokens keep verifying.
					logger.warn("Cannot re-read the OpenID signing keys ({}); publishing the known ones", ex.toString());
				}
			}
		}
		if (this.keys.isEmpty()) {
			signing();
		}
		List<JWK> publicKeys = this.keys.values()
			.stream()
			.sorted(Comparator.comparing(Key::createdAt).reversed())
			.map((key) -> (JWK) key.rsa().toPublicJWK())
			.toList();
		return new JWKSet(publicKeys);
	}

	/** The public key with this id; an unknown id re-reads the database at most once a second. */
	Optional<RSAKey> find(String kid) {
		Key key = (kid == null) ? null : this.keys.get(kid);
		if (key == null && kid != null) {
			synchronized (this) {
				if (!this.clock.instant().isBefore(this.lastReload.plus(UNKNOWN_KID_RELOAD_AT_MOST_EVERY))) {
					reload();
				}
			}
			key = this.keys.get(kid);
		}
		return Optional.ofNullable(key).map((found) -> found.rsa().toPublicJWK());
	}

	private void removeSuperseded(List<Key> byAge, Instant now) {
		for (int i = 0; i < byAge.size() - 1; i++) {
			Key successor = byAge.get(i + 1);
			Instant supersededAt = successor.createdAt().plus(this.properties.keyPublishAhead());
			if (supersededAt.plus(RETAIN_AFTER_SUPERSEDED).isBefore(now)) {
				this.repository.deleteById(byAge.get(i).kid());
				this.keys.remove(byAge.get(i).kid());
			}
		}
	}

	private void reload() {
		List<SigningKey> stored = this.repository.findAll();
		for (SigningKey entity : stored) {
			this.keys.computeIfAbsent(entity.kid(), (kid) -> decrypt(entity));
		}
		this.keys.keySet().retainAll(stored.stream().map(SigningKey::kid).toList());
		this.lastReload = this.clock.instant();
	}

	private Key create(Instant now) {
		try {
			byte[] id = new byte[12];
			new java.security.SecureRandom().nextBytes(id);
			String kid = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
			RSAKey rsa = new RSAKeyGenerator(2048).keyID(kid)
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.generate();
			String sealed = Base64.getEncoder()
				.encodeToString(this.masterKey.encrypt(rsa.toJSONString().getBytes(StandardCharsets.UTF_8), PURPOSE));
			this.repository.save(new SigningKey(kid, sealed, rsa.toPublicJWK().toJSONString(), now));
			Key key = new Key(kid, rsa, now);
			this.keys.put(kid, key);
			return key;
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("RSA key generation is unavailable", ex);
		}
	}

	private Key decrypt(SigningKey entity) {
		byte[] json = this.masterKey.decrypt(Base64.getDecoder().decode(entity.privateKeyEncrypted()), PURPOSE);
		try {
			return new Key(entity.kid(), RSAKey.parse(new String(json, StandardCharsets.UTF_8)), entity.createdAt());
		}
		catch (ParseException ex) {
			throw new IllegalStateException("The stored signing key " + entity.kid() + " is not a valid JWK");
		}
	}

	record Key(String kid, RSAKey rsa, Instant createdAt) {

		@Override
		public String toString() {
			return "Key[" + this.kid + "]";
		}

	}

}
