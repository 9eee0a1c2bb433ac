package io.gatehouse.userpool.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.gatehouse.boot.MasterKey;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * App client secrets: 51 random lowercase alphanumerics, as Cognito issues them. Each is stored twice:
 * sealed under the master key (bound to its client id) so DescribeUserPoolClient can return it, and as an
 * HMAC-SHA256 under a server-side key so a token request is checked in microseconds. A slow password hash
 * (bcrypt, Argon2) buys nothing for a 260-bit random secret and would make every token request slow.
 */
@Component
public final class ClientSecrets {

	static final int LENGTH = 51;

	private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

	private static final String HASH_KEY_PURPOSE = "user_pool.client_secret_hash_key";

	private final SecureRandom random = new SecureRandom();

	private final MasterKey masterKey;

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private volatile SecretKeySpec hashKey;

	ClientSecrets(MasterKey masterKey, JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.masterKey = masterKey;
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	String generate() {
		StringBuilder secret = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			secret.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return secret.toString();
	}

	String seal(String clientId, String secret) {
		return this.masterKey.encryptToBase64(secret, purpose(clientId));
	}

	String unseal(String clientId, String sealed) {
		return this.masterKey.decryptFromBase64(sealed, purpose(clientId));
	}

	byte[] hash(String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(hashKey());
			return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is unavailable", ex);
		}
	}

	/** Constant-time check of a presented secret against a stored hash. */
	public boolean matches(CharSequence presented, byte[] storedHash) {
		if (presented == null || storedHash == null) {
			return false;
		}
		return MessageDigest.isEqual(hash(presented.toString()), storedHash);
	}

	/**
	 * Verifies presented client secrets against {@link RegisteredClient#getClientSecret()} values from
	 * {@link AppClientRegisteredClientRepository}, for Spring Authorization Server's client
	 * authentication providers. Deliberately not a bean: a second {@code PasswordEncoder} bean would
	 * change what user-password code and Spring Security pick up by type.
	 */
	public PasswordEncoder passwordEncoder() {
		return new PasswordEncoder() {

			@Override
			public String encode(CharSequence rawPassword) {
				throw new UnsupportedOperationException("app client secrets are issued by CreateUserPoolClient");
			}

			@Override
			public boolean matches(CharSequence rawPassword, String encodedPassword) {
				if (encodedPassword == null || !encodedPassword.startsWith(AppClientRegisteredClientRepository.SECRET_PREFIX)) {
					return false;
				}
				byte[] stored;
				try {
					stored = Base64.getDecoder()
						.decode(encodedPassword.substring(AppClientRegisteredClientRepository.SECRET_PREFIX.length()));
				}
				catch (IllegalArgumentException ex) {
					return false;
				}
				return ClientSecrets.this.matches(rawPassword, stored);
			}

		};
	}

	private static String purpose(String clientId) {
		return "user_pool.app_client.client_secret:" + clientId;
	}

	// Created once, in its own transaction: a key cached from a rolled-back insert would make every hash
	// computed with it unverifiable after a restart.
	private SecretKeySpec hashKey() {
		SecretKeySpec key = this.hashKey;
		if (key == null) {
			synchronized (this) {
				key = this.hashKey;
				if (key == null) {
					String sealed = this.ownTransaction.execute((status) -> {
						byte[] fresh = new byte[32];
						this.random.nextBytes(fresh);
						this.jdbc
							.sql("insert into user_pool.client_secret_hash_key (id, key_ciphertext, created_at) values (1, ?, now()) on conflict (id) do nothing")
							.param(Base64.getEncoder().encodeToString(this.masterKey.encrypt(fresh, HASH_KEY_PURPOSE)))
							.update();
						return this.jdbc.sql("select key_ciphertext from user_pool.client_secret_hash_key where id = 1")
							.query(String.class)
							.single();
					});
					key = new SecretKeySpec(this.masterKey.decrypt(Base64.getDecoder().decode(sealed), HASH_KEY_PURPOSE),
							"HmacSHA256");
					this.hashKey = key;
				}
			}
		}
		return key;
	}

}
