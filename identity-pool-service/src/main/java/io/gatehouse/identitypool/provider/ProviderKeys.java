package io.gatehouse.identitypool.provider;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.gatehouse.identitypool.Refusal;
import io.gatehouse.identitypool.RefusedException;

import org.springframework.stereotype.Component;

/**
 * The signing keys of trusted issuers, learned through OpenID Connect Discovery 1.0 (§4) and the JWKS it
 * names (RFC 7517 §5), cached per issuer. Keys are fetched again when the cache ages, and when a token
 * names an unknown {@code kid} (a provider rotated its keys) but at most once per refetch interval, so a
 * flood of tokens with invented key ids cannot turn this service into a load generator against a provider.
 */
@Component
final class ProviderKeys {

	private static final Logger logger = LoggerFactory.getLogger(ProviderKeys.class);

	private static final int MAX_DOCUMENT_BYTES = 256 * 1024;

	private final ProviderProperties properties;

	private final Clock clock;

	private final HttpClient http;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	ProviderKeys(ProviderProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.httpTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * The keys of a trusted issuer that could have signed a token with this key id (all keys when the token
	 * names none).
	 */
	List<JWK> candidates(String issuer, String kid) {
		Entry entry = entry(issuer, false);
		List<JWK> keys = select(entry.keys(), kid);
		if (keys.isEmpty() && kid != null) {
			Instant now = this.clock.instant();
			if (Duration.between(entry.fetchedAt(), now).compareTo(this.properties.jwksRefetchInterval()) >= 0) {
				keys = select(entry(issuer, true).keys(), kid);
			}
		}
		return keys;
	}

	private static List<JWK> select(JWKSet keys, String kid) {
		if (kid == null) {
			return keys.getKeys();
		}
		JWK key = keys.getKeyByKeyId(kid);
		return (key != null) ? List.of(key) : List.of();
	}

	private Entry entry(String issuer, boolean refetch) {
		Instant now = this.clock.instant();
		Entry entry = this.entries.get(issuer);
		if (!refetch && entry != null && entry.fetchedAt().plus(this.properties.jwksCacheTtl()).isAfter(now)) {
			return entry;
		}
		synchronized (this.entries) {
			Entry again = this.entries.get(issuer);
			if (again != null && again != entry) {
				return again;
			}
			try {
				Entry fetched = new Entry(fetch(issuer), this.clock.instant());
				this.entries.put(issuer, fetched);
				return fetched;
			}
			catch (RefusedException ex) {
				if (entry != null) {
					// Keep verifying with the keys we have while the provider is unreachable.
					logger.warn("Cannot refresh the keys of {}: {}", issuer, ex.getMessage());
					Entry kept = new Entry(entry.keys(), this.clock.instant());
					this.entries.put(issuer, kept);
					return kept;
				}
				throw ex;
			}
		}
	}

	private JWKSet fetch(String issuer) {
		JsonNode discovery;
		try {
			discovery = this.json.readTree(get(issuer + "/.well-known/openid-configuration"));
		}
		catch (JacksonException ex) {
			throw unavailable(issuer);
		}
		if (!issuer.equals(discovery.path("issuer").asString(null))) {
			// OpenID Connect Discovery 1.0 §4.3: the issuer in the document must be the one asked for.
			logger.warn("The discovery document of {} names another issuer", issuer);
			throw unavailable(issuer);
		}
		String jwksUri = discovery.path("jwks_uri").asString(null);
		if (jwksUri == null || !(jwksUri.startsWith("https://") || jwksUri.startsWith("http://"))) {
			throw unavailable(issuer);
		}
		try {
			return JWKSet.parse(get(jwksUri));
		}
		catch (ParseException ex) {
			throw unavailable(issuer);
		}
	}

	private String get(String url) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(url))
				.timeout(this.properties.httpTimeout())
				.header("Accept", "application/json")
				.GET()
				.build();
			HttpResponse<InputStream> response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = response.body()) {
				byte[] bytes = body.readNBytes(MAX_DOCUMENT_BYTES + 1);
				if (response.statusCode() != 200 || bytes.length > MAX_DOCUMENT_BYTES) {
					logger.warn("Fetching {} answered {}", url, response.statusCode());
					throw unavailable(url);
				}
				return new String(bytes, StandardCharsets.UTF_8);
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			logger.warn("Cannot fetch {}: {}", url, ex.toString());
			throw unavailable(url);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable(url);
		}
	}

	private static RefusedException unavailable(String where) {
		return new RefusedException(Refusal.EXTERNAL_SERVICE, "The identity provider's keys could not be obtained.");
	}

	Optional<Instant> fetchedAt(String issuer) {
		return Optional.ofNullable(this.entries.get(issuer)).map(Entry::fetchedAt);
	}

	private record Entry(JWKSet keys, Instant fetchedAt) {
	}

}
