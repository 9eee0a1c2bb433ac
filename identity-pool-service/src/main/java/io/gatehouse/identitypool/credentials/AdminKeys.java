package io.gatehouse.identitypool.credentials;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.gatehouse.boot.MasterKey;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The long-term admin access keys that sign management calls. Either configured
 * ({@code gatehouse.admin.access-key-id} / {@code secret-access-key}) or generated once on first start,
 * stored encrypted under the master key and printed once to standard output, never to the log.
 */
@Component
final class AdminKeys {

	private static final String PURPOSE = "identity_pool.admin_key";

	private final AdminKeyRepository repository;

	private final MasterKey masterKey;

	private final Clock clock;

	private final AdminProperties properties;

	private final Map<String, String> known = new ConcurrentHashMap<>();

	AdminKeys(AdminKeyRepository repository, MasterKey masterKey, Clock clock, AdminProperties properties) {
		this.repository = repository;
		this.masterKey = masterKey;
		this.clock = clock;
		this.properties = properties;
		if (configured()) {
			this.known.put(properties.accessKeyId(), properties.secretAccessKey());
		}
	}

	Optional<String> secretFor(String accessKeyId) {
		String secret = this.known.get(accessKeyId);
		if (secret != null || configured()) {
			return Optional.ofNullable(secret);
		}
		return this.repository.findById(accessKeyId).map((key) -> {
			String plain = this.masterKey.decryptFromBase64(key.secretEncrypted(), PURPOSE);
			this.known.put(accessKeyId, plain);
			return plain;
		});
	}

	@EventListener(ApplicationReadyEvent.class)
	void generateWhenNoneConfigured() {
		if (configured() || this.repository.count() > 0) {
			return;
		}
		String accessKeyId = RandomIds.accessKeyId("AKIA");
		String secret = RandomIds.secretAccessKey();
		this.repository.save(new AdminKey(accessKeyId, this.masterKey.encryptToBase64(secret, PURPOSE), this.clock.instant()));
		// Printed once, on purpose to the console rather than the log: this is the only time it is shown.
		System.out.println(String.join(System.lineSeparator(), List.of("",
				"=== Gatehouse identity-pool-service: generated admin access key (shown once) ===",
				"  aws_access_key_id     = " + accessKeyId, "  aws_secret_access_key = " + secret,
				"  Set gatehouse.admin.access-key-id / secret-access-key to use your own.",
				"================================================================================", "")));
	}

	private boolean configured() {
		return StringUtils.hasText(this.properties.accessKeyId()) && StringUtils.hasText(this.properties.secretAccessKey());
	}

}
