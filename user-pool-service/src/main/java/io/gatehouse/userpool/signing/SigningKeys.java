package io.gatehouse.userpool.signing;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.gatehouse.boot.MasterKey;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RSA keys that sign a pool's tokens, with rotation that never breaks a token: each pool has a
 * {@code CURRENT} key (signs), a {@code NEXT} key (already published in JWKS, so relying parties that cache
 * JWKS know it before it signs anything), and {@code RETIRED} keys that stay published until every token
 * they signed has expired. Keys are created on first use of a pool's issuer.
 * <p>
 * Changes happen in a transaction holding a PostgreSQL advisory lock on the pool, so several instances
 * rotating or creating keys at the same moment do it once; partial unique indexes back that up.
 */
@Service
public final class SigningKeys {

	private static final String PURPOSE = "user_pool.signing_key:";

	private final JdbcClient jdbc;

	private final MasterKey masterKey;

	private final SigningKeyProperties properties;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final Map<String, PoolKeys> cache = new ConcurrentHashMap<>();

	SigningKeys(JdbcClient jdbc, MasterKey masterKey, SigningKeyProperties properties,
			PlatformTransactionManager transactions, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.masterKey = masterKey;
		this.properties = properties;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** The key that signs the pool's tokens now, as a JWK with its private part (made per call; see currentKey). */
	public RSAKey signingKey(String poolId) {
		PoolKeys keys = keys(poolId);
		// The current key is the first published one.
		return new RSAKey.Builder(keys.published().get(0)).privateKey((RSAPrivateKey) keys.currentKey().privateKey())
			.build();
	}

	/**
	 * The key that signs the pool's tokens now, as its id and a private key object made once per load (making
	 * one from the JWK's numbers costs more than the signature itself).
	 */
	public CurrentKey currentKey(String poolId) {
		return keys(poolId).currentKey();
	}

	/** A pool's current signing key: {@code kid} for the header, the private key for the signature. */
	public record CurrentKey(String kid, PrivateKey privateKey) {

		@Override
		public String toString() {
			return "CurrentKey[kid=" + this.kid + ", privateKey=redacted]";
		}

	}

	/** Every key a verifier of the pool's tokens needs (current, next, retired but not yet expired), public only. */
	public List<RSAKey> publishedKeys(String poolId) {
		return keys(poolId).published();
	}

	/**
	 * The public keys that verify the pool's tokens, for verifiers inside this service (the Cognito API's
	 * access-token check). Unlike {@link #publishedKeys} this never creates keys: a pool that has none has signed
	 * nothing, and a token naming an unknown pool must not make it grow keys.
	 */
	public List<RSAKey> verificationKeys(String poolId) {
		PoolKeys cached = this.cache.get(poolId);
		if (cached != null && cached.loadedAt().plus(this.properties.cacheTtl()).isAfter(this.clock.instant())) {
			return cached.published();
		}
		PoolKeys loaded = load(poolId);
		if (loaded == null) {
			return List.of();
		}
		this.cache.put(poolId, loaded);
		return loaded.published();
	}

	/**
	 * Rotates the pool's keys now: the next key (published since the previous rotation) starts signing, the
	 * current one is retired but stays published for {@code retired-key-retention}, and a new next key is
	 * created. Use after a suspected key compromise, or let {@link SigningKeyRotationPolicy} do it on schedule.
	 * @return the key id that signs from now on
	 */
	public String rotate(String poolId) {
		String kid = this.transaction.execute((status) -> {
			lock(poolId);
			ensureInLock(poolId);
			return rotateInLock(poolId);
		});
		this.cache.remove(poolId);
		return kid;
	}

	/** Rotates every pool whose current key has signed for at least the rotation period. */
	public int rotateDue() {
		Instant due = now().minus(this.properties.rotationPeriod());
		List<String> pools = this.jdbc
			.sql("SELECT pool_id FROM user_pool.signing_key WHERE status = 'CURRENT' AND activated_at <= ?")
			.param(Timestamp.from(due))
			.query(String.class)
			.list();
		int rotated = 0;
		for (String poolId : pools) {
			Boolean done = this.transaction.execute((status) -> {
				lock(poolId);
				// Re-checked under the lock: another instance may have rotated it a moment ago.
				Boolean stillDue = this.jdbc
					.sql("SELECT EXISTS (SELECT 1 FROM user_pool.signing_key WHERE pool_id = ? AND status = 'CURRENT' AND activated_at <= ?)")
					.params(poolId, Timestamp.from(due))
					.query(Boolean.class)
					.single();
				if (!stillDue) {
					return false;
				}
				rotateInLock(poolId);
				return true;
			});
			if (Boolean.TRUE.equals(done)) {
				this.cache.remove(poolId);
				rotated++;
			}
		}
		return rotated;
	}

	/** Deletes retired keys whose tokens have all expired. */
	public int purgeExpired() {
		return this.jdbc.sql("DELETE FROM user_pool.signing_key WHERE status = 'RETIRED' AND publish_until < ?")
			.param(Timestamp.from(now()))
			.update();
	}

	private PoolKeys keys(String poolId) {
		Instant now = this.clock.instant();
		PoolKeys cached = this.cache.get(poolId);
		if (cached != null && cached.loadedAt().plus(this.properties.cacheTtl()).isAfter(now)) {
			return cached;
		}
		PoolKeys loaded = load(poolId);
		if (loaded == null) {
			this.transaction.executeWithoutResult((status) -> {
				lock(poolId);
				ensureInLock(poolId);
			});
			loaded = load(poolId);
		}
		if (loaded == null) {
			throw new IllegalStateException("no signing key could be created for the pool");
		}
		this.cache.put(poolId, loaded);
		return loaded;
	}

	private PoolKeys load(String poolId) {
		Instant now = now();
		List<StoredKey> rows = this.jdbc
			.sql("SELECT kid, status, public_jwk, private_key_ciphertext, publish_until FROM user_pool.signing_key"
					+ " WHERE pool_id = ? ORDER BY created_at DESC")
			.param(poolId)
			.query((rs, n) -> new StoredKey(rs.getString("kid"), rs.getString("status"), rs.getString("public_jwk"),
					rs.getBytes("private_key_ciphertext"),
					rs.getTimestamp("publish_until") != null ? rs.getTimestamp("publish_until").toInstant() : null))
			.list();
		CurrentKey currentKey = null;
		List<RSAKey> published = new ArrayList<>();
		for (StoredKey row : rows) {
			if ("RETIRED".equals(row.status()) && (row.publishUntil() == null || !row.publishUntil().isAfter(now))) {
				continue;
			}
			RSAKey publicKey = parsePublic(row.publicJwk());
			if ("CURRENT".equals(row.status())) {
				RSAPrivateKey privateKey = privateKey(poolId, row);
				currentKey = new CurrentKey(row.kid(), privateKey);
				published.add(0, publicKey);
			}
			else {
				published.add(publicKey);
			}
		}
		if (currentKey == null) {
			return null;
		}
		return new PoolKeys(currentKey, List.copyOf(published), this.clock.instant());
	}

	private void ensureInLock(String poolId) {
		boolean hasCurrent = exists(poolId, "CURRENT");
		if (!hasCurrent) {
			insert(poolId, "CURRENT");
		}
		if (!exists(poolId, "NEXT")) {
			insert(poolId, "NEXT");
		}
	}

	private String rotateInLock(String poolId) {
		Instant now = now();
		String next = this.jdbc.sql("SELECT kid FROM user_pool.signing_key WHERE pool_id = ? AND status = 'NEXT'")
			.param(poolId)
			.query(String.class)
			.single();
		this.jdbc
			.sql("UPDATE user_pool.signing_key SET status = 'RETIRED', retired_at = ?, publish_until = ?"
					+ " WHERE pool_id = ? AND status = 'CURRENT'")
			.params(Timestamp.from(now), Timestamp.from(now.plus(this.properties.retiredKeyRetention())), poolId)
			.update();
		this.jdbc.sql("UPDATE user_pool.signing_key SET status = 'CURRENT', activated_at = ? WHERE kid = ?")
			.params(Timestamp.from(now), next)
			.update();
		insert(poolId, "NEXT");
		return next;
	}

	private boolean exists(String poolId, String status) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM user_pool.signing_key WHERE pool_id = ? AND status = ?)")
			.params(poolId, status)
			.query(Boolean.class)
			.single();
	}

	private void insert(String poolId, String status) {
		KeyPair pair = generate();
		RSAKey publicKey;
		try {
			publicKey = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.keyIDFromThumbprint()
				.build();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("cannot compute a key thumbprint", ex);
		}
		String kid = publicKey.getKeyID();
		Instant now = now();
		this.jdbc
			.sql("INSERT INTO user_pool.signing_key (kid, pool_id, status, public_jwk, private_key_ciphertext, created_at,"
					+ " activated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(kid, poolId, status, publicKey.toPublicJWK().toJSONString(),
					this.masterKey.encrypt(pair.getPrivate().getEncoded(), purpose(poolId, kid)), Timestamp.from(now),
					"CURRENT".equals(status) ? Timestamp.from(now) : null)
			.update();
	}

	private KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(this.properties.keySize());
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("RSA is unavailable", ex);
		}
	}

	private RSAPrivateKey privateKey(String poolId, StoredKey row) {
		byte[] pkcs8 = this.masterKey.decrypt(row.privateKeyCiphertext(), purpose(poolId, row.kid()));
		try {
			return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("a stored signing key is unreadable", ex);
		}
	}

	private static RSAKey parsePublic(String json) {
		try {
			return RSAKey.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("a stored public key is unreadable", ex);
		}
	}

	private void lock(String poolId) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))")
			.param("gatehouse.signing-key:" + poolId)
			.query((rs, n) -> 1)
			.list();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static String purpose(String poolId, String kid) {
		return PURPOSE + poolId + ":" + kid;
	}

	private record StoredKey(String kid, String status, String publicJwk, byte[] privateKeyCiphertext,
			Instant publishUntil) {
	}

	private record PoolKeys(CurrentKey currentKey, List<RSAKey> published, Instant loadedAt) {
	}

}
