package io.gatehouse.identitypool.provider;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gatehouse.identitypool.RefusedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A provider that rotates its keys is followed, and tokens with invented key ids cannot make this service
 * hammer the provider: an unknown {@code kid} refetches the JWKS at most once per
 * {@code jwks-refetch-interval}. The upstream is a real HTTP server whose key set the test rotates and whose
 * JWKS fetches it counts; time is a clock the test moves.
 */
class ProviderKeysRefetchTest {

	static final Duration REFETCH_INTERVAL = Duration.ofSeconds(30);

	HttpServer upstream;

	String issuer;

	volatile JWKSet published;

	final AtomicInteger jwksFetches = new AtomicInteger();

	final MovableClock clock = new MovableClock(Instant.parse("2030-01-01T00:00:00Z"));

	TokenVerifier verifier;

	@BeforeEach
	void upstream() throws IOException {
		this.upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.issuer = "http://127.0.0.1:" + this.upstream.getAddress().getPort() + "/rotating";
		this.upstream.createContext("/rotating/.well-known/openid-configuration", (exchange) -> respond(exchange,
				"{\"issuer\":\"" + this.issuer + "\",\"jwks_uri\":\"" + this.issuer + "/jwks\"}"));
		this.upstream.createContext("/rotating/jwks", (exchange) -> {
			this.jwksFetches.incrementAndGet();
			respond(exchange, this.published.toString(true));
		});
		this.upstream.start();
		ProviderProperties properties = new ProviderProperties(16384, Duration.ofSeconds(60), Duration.ofMinutes(10),
				REFETCH_INTERVAL, Duration.ofSeconds(5), Set.of("127.0.0.1"), Duration.ofSeconds(2));
		this.verifier = new TokenVerifier(new ProviderKeys(properties, this.clock), properties, this.clock);
	}

	@AfterEach
	void stop() {
		this.upstream.stop(0);
	}

	@Test
	void unknownKeyIdsThenAtMostOneRefetchPerIntervalAndARotatedKeyIsPickedUpAfterIt() throws Exception {
		RSAKey first = new RSAKeyGenerator(2048).keyID("first").generate();
		RSAKey second = new RSAKeyGenerator(2048).keyID("second").generate();
		this.published = new JWKSet(List.<JWK>of(first.toPublicJWK()));

		assertThat(verify(token(first)).subject()).isEqualTo("user");
		assertThat(this.jwksFetches).hasValue(1);

		for (int i = 0; i < 25; i++) {
			RSAKey invented = new RSAKeyGenerator(2048).keyID("invented-" + i).generate();
			assertThatExceptionOfType(RefusedException.class).isThrownBy(() -> verify(token(invented)))
				.withMessageContaining("key id");
		}
		assertThat(this.jwksFetches).as("invented key ids within the interval fetch nothing").hasValue(1);

		this.published = new JWKSet(List.<JWK>of(second.toPublicJWK(), first.toPublicJWK()));
		this.clock.advance(REFETCH_INTERVAL.minusSeconds(1));
		assertThatExceptionOfType(RefusedException.class).isThrownBy(() -> verify(token(second)));
		assertThat(this.jwksFetches).hasValue(1);

		this.clock.advance(Duration.ofSeconds(1));
		assertThat(verify(token(second)).subject()).as("the rotated key, once the interval has passed").isEqualTo("user");
		assertThat(this.jwksFetches).hasValue(2);
		assertThat(verify(token(first)).subject()).as("the old key still verifies during the overlap").isEqualTo("user");

		RSAKey invented = new RSAKeyGenerator(2048).keyID("invented-again").generate();
		assertThatExceptionOfType(RefusedException.class).isThrownBy(() -> verify(token(invented)));
		assertThat(this.jwksFetches).hasValue(2);
	}

	@Test
	void providerUnreachableAfterAFetchThenKeptKeysStillVerify() throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("kept").generate();
		this.published = new JWKSet(List.<JWK>of(key.toPublicJWK()));
		assertThat(verify(token(key)).subject()).isEqualTo("user");

		this.upstream.stop(0);
		this.clock.advance(Duration.ofMinutes(11));
		assertThat(verify(token(key)).subject()).isEqualTo("user");
	}

	private VerifiedToken verify(String token) {
		return this.verifier.verify(token, this.issuer, Set.of("client"), null);
	}

	private String token(RSAKey key) throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
				new JWTClaimsSet.Builder().issuer(this.issuer)
					.subject("user")
					.audience("client")
					.issueTime(Date.from(this.clock.instant()))
					.expirationTime(Date.from(this.clock.instant().plus(Duration.ofHours(1))))
					.build());
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private static void respond(HttpExchange exchange, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	static final class MovableClock extends Clock {

		private volatile Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
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
