package io.gatehouse.userpool.cognito;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * CORS for browser apps calling the Cognito API's app-facing operations ({@code SignUp}, {@code InitiateAuth},
 * {@code GetUser}...) from their pages.
 *
 * @param allowedOrigins origins allowed besides those of every app client's {@code CallbackURLs}, exactly as a
 * browser sends them ({@code https://app.example.com}, no path, no trailing slash)
 * @param callbackOriginsRefresh the least time between two reads of the app clients' callback origins, which
 * happen when a request comes from an origin not yet known (bounds the database reads foreign origins can cause;
 * a new client's origin may wait this long on an instance that has just read them)
 */
@ConfigurationProperties("gatehouse.cors")
public record CorsProperties(@DefaultValue List<String> allowedOrigins,
		@DefaultValue("5s") Duration callbackOriginsRefresh) {

	public CorsProperties {
		allowedOrigins = List.copyOf(allowedOrigins);
		for (String origin : allowedOrigins) {
			if (origin.equals("*") || origin.endsWith("/") || !origin.matches("https?://[^/\\s]+")) {
				throw new IllegalArgumentException(
						"gatehouse.cors.allowed-origins must be origins like https://app.example.com, not '" + origin + "'");
			}
		}
		if (callbackOriginsRefresh.isNegative()) {
			throw new IllegalArgumentException("gatehouse.cors.callback-origins-refresh must not be negative");
		}
	}

}
