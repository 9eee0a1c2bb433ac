package io.gatehouse.identitypool.provider;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.gatehouse.identitypool.Refusal;
import io.gatehouse.identitypool.RefusedException;

import org.springframework.stereotype.Component;

/**
 * {@code ServerSideTokenCheck}: before a user pool's ID token buys an identity or credentials, the user pool that
 * issued it is asked whether it is still good (the user may have signed out everywhere, been disabled or
 * deleted since). Gatehouse user pools answer at {@code POST {issuer}/token-status} with
 * {@code token=<ID token>} (form-encoded, as RFC 7662 introspection) and {@code {"active":true|false}}.
 * <p>
 * Fail closed: an inactive token is refused ({@code NotAuthorizedException}); a user pool that does not answer
 * within {@code gatehouse.providers.token-check-timeout}, or answers anything but that document, refuses the login
 * with {@code ExternalServiceException} (Cognito's error for a provider that failed), and a user pool that
 * throttles this service with {@code TooManyRequestsException}, so the app's SDK backs off. Never accepted
 * unchecked. Only the token's own issuer is asked, whose name the identity pool's administrator configured.
 */
@Component
final class ServerSideTokenCheck {

	static final String PATH = "/token-status";

	private static final Logger logger = LoggerFactory.getLogger(ServerSideTokenCheck.class);

	private static final int MAX_ANSWER_BYTES = 4096;

	private final ProviderProperties properties;

	private final HttpClient http;

	private final JsonMapper json = JsonMapper.builder().build();

	ServerSideTokenCheck(ProviderProperties properties) {
		this.properties = properties;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.tokenCheckTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * @param issuer the user pool's issuer, whose signature on the token was already verified
	 * @throws RefusedException {@code NOT_AUTHORIZED} when the user pool says the token is not active,
	 * {@code EXTERNAL_SERVICE} or {@code TOO_MANY_REQUESTS} when it gave no usable answer
	 */
	void requireActive(String issuer, String idToken) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + PATH))
			.timeout(this.properties.tokenCheckTimeout())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(idToken, StandardCharsets.UTF_8)))
			.build();
		HttpResponse<byte[]> response = send(issuer, request);
		if (response.statusCode() == 429) {
			logger.warn("The user pool {} throttled a token check", issuer);
			throw new RefusedException(Refusal.TOO_MANY_REQUESTS,
					"The user pool is busy and could not check the login token. Try again later.");
		}
		if (response.statusCode() != 200) {
			logger.warn("The user pool {} answered a token check with {}", issuer, response.statusCode());
			throw unavailable();
		}
		JsonNode answer;
		try {
			answer = this.json.readTree(response.body());
		}
		catch (JacksonException ex) {
			logger.warn("The user pool {} answered a token check with something other than JSON", issuer);
			throw unavailable();
		}
		JsonNode active = answer.path("active");
		if (!active.isBoolean()) {
			logger.warn("The user pool {} answered a token check without \"active\"", issuer);
			throw unavailable();
		}
		if (!active.booleanValue()) {
			throw RefusedException.notAuthorized("Invalid login token. Token is revoked.");
		}
	}

	/** One deadline for the whole exchange: a user pool that sends headers and then stalls is cut off too. */
	private HttpResponse<byte[]> send(String issuer, HttpRequest request) {
		CompletableFuture<HttpResponse<byte[]>> exchange = this.http.sendAsync(request,
				(info) -> new LimitedBody(MAX_ANSWER_BYTES));
		try {
			return exchange.get(this.properties.tokenCheckTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			exchange.cancel(true);
			logger.warn("The user pool {} did not answer a token check within {}", issuer,
					this.properties.tokenCheckTimeout());
			throw unavailable();
		}
		catch (ExecutionException ex) {
			logger.warn("The user pool {} could not be asked about a token: {}", issuer, ex.getCause().toString());
			throw unavailable();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			exchange.cancel(true);
			throw unavailable();
		}
	}

	private static RefusedException unavailable() {
		return new RefusedException(Refusal.EXTERNAL_SERVICE,
				"The user pool could not confirm that the login token is still valid.");
	}

	/** A response body kept in memory up to a limit; beyond it the exchange fails rather than buffering more. */
	private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

		private final int limit;

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private final CompletableFuture<byte[]> result = new CompletableFuture<>();

		private Flow.Subscription subscription;

		LimitedBody(int limit) {
			this.limit = limit;
		}

		@Override
		public CompletionStage<byte[]> getBody() {
			return this.result;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(List<ByteBuffer> buffers) {
			if (this.result.isDone()) {
				return;
			}
			for (ByteBuffer buffer : buffers) {
				if (this.bytes.size() + buffer.remaining() > this.limit) {
					this.subscription.cancel();
					this.result.completeExceptionally(new IllegalStateException("the answer is too large"));
					return;
				}
				byte[] chunk = new byte[buffer.remaining()];
				buffer.get(chunk);
				this.bytes.write(chunk, 0, chunk.length);
			}
		}

		@Override
		public void onError(Throwable error) {
			this.result.completeExceptionally(error);
		}

		@Override
		public void onComplete() {
			this.result.complete(this.bytes.toByteArray());
		}

	}

}
