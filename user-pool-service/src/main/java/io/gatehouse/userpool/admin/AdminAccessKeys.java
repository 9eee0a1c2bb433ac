package io.gatehouse.userpool.admin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.gatehouse.boot.MasterKey;
import io.gatehouse.shared.sigv4.SigningKeyResolver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin access keys SigV4 signatures are checked against. Secrets are sealed under the master key
 * (a signature can only be recomputed from the secret itself, so it can't be hashed).
 */
@Component
class AdminAccessKeys implements SigningKeyResolver {

	private static final String KEY_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

	private final SecureRandom random = new SecureRandom();

	private final AdminAccessKeyRepository keys;

	private final MasterKey masterKey;

	private final JdbcClient jdbc;

	private final Clock clock;

	AdminAccessKeys(AdminAccessKeyRepository keys, MasterKey masterKey, JdbcClient jdbc, ObjectProvider<Clock> clock) {
		this.keys = keys;
		this.masterKey = masterKey;
		this.jdbc = jdbc;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * Long-term admin keys only: a session token means temporary credentials, which the identity pool
	 * issues and which this resolver does not know yet.
	 */
	@Override
	@Transactional(readOnly = true)
	public Optional<String> secretAccessKey(String accessKeyId, Optional<String> sessionToken) {
		if (accessKeyId == null || sessionToken.isPresent()) {
			return Optional.empty();
		}
		return this.keys.findById(accessKeyId)
			.map((key) -> this.masterKey.decryptFromBase64(key.secretCiphertext(), purpose(key.accessKeyId())));
	}

	/**
	 * Makes the configured key the only bootstrap key, or generates one when nothing is configured and no
	 * key exists yet. Serialized across instances by an advisory lock, so two instances starting on an
	 * empty database generate one key, not two.
	 *
	 * @return the generated key, to be shown once, or empty when none was generated
	 */
	@Transactional
	Optional<GeneratedKey> bootstrap(AdminProperties properties) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('gatehouse.admin_access_key'))").query().singleRow();
		if (properties.configured()) {
			String sealed = this.masterKey.encryptToBase64(properties.secretAccessKey(), purpose(properties.accessKeyId()));
			this.keys.findById(properties.accessKeyId())
				.ifPresentOrElse((key) -> key.reseal(sealed), () -> this.keys.save(new AdminAccessKeyEntity(
						properties.accessKeyId(), sealed, AdminAccessKeyEntity.Origin.CONFIGURED, now())));
			this.keys.flush();
			this.keys.deleteAllExcept(properties.accessKeyId());
			return Optional.empty();
		}
		if (this.keys.count() > 0) {
			return Optional.empty();
		}
		GeneratedKey generated = new GeneratedKey("AKIA" + random(KEY_ID_ALPHABET, 16), random(SECRET_ALPHABET, 40));
		this.keys.save(new AdminAccessKeyEntity(generated.accessKeyId(),
				this.masterKey.encryptToBase64(generated.secretAccessKey(), purpose(generated.accessKeyId())),
				AdminAccessKeyEntity.Origin.GENERATED, now()));
		return Optional.of(generated);
	}

	private String random(String alphabet, int length) {
		StringBuilder out = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			out.append(alphabet.charAt(this.random.nextInt(alphabet.length())));
		}
		return out.toString();
	}

	private Instant now() {
		return this.clock.instant();
	}

	private static String purpose(String accessKeyId) {
		return "user_pool.admin_access_key:" + accessKeyId;
	}

	record GeneratedKey(String accessKeyId, String secretAccessKey) {

		@Override
		public String toString() {
			return "GeneratedKey[accessKeyId=" + this.accessKeyId + ", secretAccessKey=[redacted]]";
		}

	}

}
