package io.gatehouse.userpool.cognito;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import io.gatehouse.userpool.client.AppClientService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * Which pages may call the Cognito API door from a browser: the origins of every app client's
 * {@code CallbackURLs} plus {@code gatehouse.cors.allowed-origins}. Only the app-facing operations
 * ({@code CLIENT} and {@code ACCESS_TOKEN}) answer a cross-origin call; admin operations never carry CORS
 * headers, so a page cannot read what they return. A preflight names no operation, so it is answered for the
 * allowed origins; the actual call is then judged by its {@code X-Amz-Target}. No credentials (cookies) are
 * ever allowed: these operations authenticate with what is in the body.
 */
@Component("cognitoApiCorsConfigurationSource")
final class CognitoCorsConfigurationSource implements CorsConfigurationSource {

	private static final List<String> ALLOWED_HEADERS = List.of("Content-Type", "X-Amz-Target", "X-Amz-User-Agent",
			"X-Amz-Date", "X-Amz-Security-Token", "X-Amz-Content-Sha256", "Authorization", "amz-sdk-invocation-id",
			"amz-sdk-request", "Cache-Control");

	private static final List<String> EXPOSED_HEADERS = List.of("x-amzn-RequestId", "x-amzn-ErrorType",
			"x-amzn-ErrorMessage", "Date");

	private final Set<String> appFacingOperations;

	private final AppClientService clients;

	private final CorsProperties properties;

	private final Clock clock;

	private volatile Snapshot callbackOrigins = new Snapshot(Set.of(), Instant.MIN);

	CognitoCorsConfigurationSource(List<CognitoOperation.Group> groups, AppClientService clients,
			CorsProperties properties, ObjectProvider<Clock> clock) {
		this.appFacingOperations = groups.stream()
			.flatMap((group) -> group.operations().stream())
			.filter((operation) -> operation.authentication() != CognitoOperation.Authentication.ADMIN_SIGV4)
			.map((operation) -> CognitoApiController.TARGET_PREFIX + operation.name())
			.collect(Collectors.toUnmodifiableSet());
		this.clients = clients;
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
		// Only the door, POST / (Spring Security may offer this source to other filter chains too).
		if (request.getHeader(HttpHeaders.ORIGIN) == null || !"/".equals(request.getRequestURI())) {
			return null;
		}
		boolean preflight = HttpMethod.OPTIONS.matches(request.getMethod())
				&& request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
		if (!preflight && !this.appFacingOperations.contains(request.getHeader("X-Amz-Target"))) {
			return null;
		}
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(allowed(origin) ? List.of(origin) : List.of());
		configuration.setAllowedMethods(List.of(HttpMethod.POST.name()));
		configuration.setAllowedHeaders(ALLOWED_HEADERS);
		configuration.setExposedHeaders(EXPOSED_HEADERS);
		configuration.setAllowCredentials(false);
		configuration.setMaxAge(600L);
		return configuration;
	}

	/**
	 * Configured origins, then the clients' callback origins as last read; an origin not among those re-reads
	 * them, at most once per {@code callback-origins-refresh}, so a new client's origin works at once while
	 * requests from foreign origins cannot make every request a database read.
	 */
	private boolean allowed(String origin) {
		if (this.properties.allowedOrigins().contains(origin) || this.callbackOrigins.origins().contains(origin)) {
			return true;
		}
		Instant now = this.clock.instant();
		Snapshot snapshot = this.callbackOrigins;
		if (snapshot.readAt().plus(this.properties.callbackOriginsRefresh()).isAfter(now)) {
			return false;
		}
		Snapshot fresh = new Snapshot(Set.copyOf(this.clients.callbackOrigins()), now);
		this.callbackOrigins = fresh;
		return fresh.origins().contains(origin);
	}

	private record Snapshot(Set<String> origins, Instant readAt) {
	}

}
