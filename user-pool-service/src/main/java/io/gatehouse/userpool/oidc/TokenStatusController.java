package io.gatehouse.userpool.oidc;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gatehouse.boot.SourceRateLimiter;
import io.gatehouse.userpool.token.IdTokenStatus;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST {issuer}/token-status}: is this ID token of the pool still good? The question an identity pool
 * with {@code ServerSideTokenCheck} asks before it hands out an identity or credentials, since an ID token's
 * signature and expiry say nothing about a sign-out or a disabled user ({@link IdTokenStatus} says what
 * "active" means).
 * <p>
 * Shaped after token introspection (RFC 7662 §2.1, §2.2), with one difference: possession of the token is the
 * only credential. The answer says no more than the holder learns by using the token anywhere that checks it
 * (an identity pool, the self-service API), so no client authentication is asked for; anyone may call it, so
 * it is throttled per source like the other unauthenticated doors.
 * <ul>
 * <li>Request: {@code application/x-www-form-urlencoded}, {@code token=<ID token>}; the body at most 32 KiB.</li>
 * <li>200 {@code {"active":true}} or {@code {"active":false}}, with no reason: expired, revoked, forged,
 * another pool's or not a JWT at all are the same answer.</li>
 * <li>400 {@code {"error":"invalid_request"}} when there is no single {@code token} parameter, the body is not
 * a form or is too large; 429 {@code {"error":"temporarily_unavailable"}} over the source's budget; 503 the
 * same error when the database is unavailable. Never a stack trace.</li>
 * </ul>
 */
@RestController
final class TokenStatusController {

	static final String PATH = "/{userPoolId}/token-status";

	private static final Logger logger = LoggerFactory.getLogger(TokenStatusController.class);

	private static final int MAX_BODY_BYTES = 32 * 1024;

	private static final byte[] ACTIVE = "{\"active\":true}".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] INACTIVE = "{\"active\":false}".getBytes(StandardCharsets.US_ASCII);

	private final IdTokenStatus status;

	private final SourceRateLimiter rateLimiter;

	TokenStatusController(IdTokenStatus status, SourceRateLimiter rateLimiter) {
		this.status = status;
		this.rateLimiter = rateLimiter;
	}

	@PostMapping(PATH)
	ResponseEntity<byte[]> status(@PathVariable String userPoolId, HttpServletRequest request) {
		if (!this.rateLimiter.tryAcquire(request.getRemoteAddr())) {
			return error(HttpStatus.TOO_MANY_REQUESTS, "temporarily_unavailable", "Rate exceeded.");
		}
		if (!isForm(request.getContentType())) {
			return error(HttpStatus.BAD_REQUEST, "invalid_request",
					"The body must be application/x-www-form-urlencoded.");
		}
		String token;
		try {
			token = tokenParameter(request);
		}
		catch (BadRequest ex) {
			return error(HttpStatus.BAD_REQUEST, "invalid_request", ex.getMessage());
		}
		try {
			return answer(this.status.isActive(userPoolId, token) ? ACTIVE : INACTIVE);
		}
		catch (DataAccessException | TransactionException ex) {
			logger.warn("Token status not answered: the database is unavailable ({})", ex.getClass().getSimpleName());
			return error(HttpStatus.SERVICE_UNAVAILABLE, "temporarily_unavailable",
					"The service is temporarily unavailable. Try again later.");
		}
	}

	private static boolean isForm(String contentType) {
		try {
			return contentType != null
					&& MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * The one {@code token} parameter of the form body, read here with a size limit (the container's form
	 * parsing would accept megabytes). A repeated parameter is refused (RFC 6749 §3.1).
	 */
	private static String tokenParameter(HttpServletRequest request) {
		if (request.getContentLengthLong() > MAX_BODY_BYTES) {
			throw new BadRequest("The body is larger than " + MAX_BODY_BYTES + " bytes.");
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(MAX_BODY_BYTES + 1);
		}
		catch (IOException ex) {
			throw new BadRequest("The body could not be read.");
		}
		if (body.length > MAX_BODY_BYTES) {
			throw new BadRequest("The body is larger than " + MAX_BODY_BYTES + " bytes.");
		}
		String token = null;
		for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			if (!"token".equals(name)) {
				continue;
			}
			if (token != null) {
				throw new BadRequest("The token parameter is repeated.");
			}
			try {
				token = URLDecoder.decode((equals < 0) ? "" : pair.substring(equals + 1), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				throw new BadRequest("The token parameter is not form-encoded.");
			}
		}
		if (token == null || token.isEmpty()) {
			throw new BadRequest("The token parameter is missing.");
		}
		return token;
	}

	private static ResponseEntity<byte[]> answer(byte[] body) {
		return ResponseEntity.ok().headers(noStore()).contentType(MediaType.APPLICATION_JSON).body(body);
	}

	/** Errors carry fixed texts only: nothing from the request is echoed. */
	private static ResponseEntity<byte[]> error(HttpStatus status, String error, String description) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
			.headers(noStore())
			.contentType(MediaType.APPLICATION_JSON);
		if (status == HttpStatus.TOO_MANY_REQUESTS || status == HttpStatus.SERVICE_UNAVAILABLE) {
			response.header(HttpHeaders.RETRY_AFTER, "1");
		}
		return response.body(("{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}")
			.getBytes(StandardCharsets.UTF_8));
	}

	private static HttpHeaders noStore() {
		HttpHeaders headers = new HttpHeaders();
		headers.setCacheControl("no-store");
		headers.setPragma("no-cache");
		return headers;
	}

	private static final class BadRequest extends RuntimeException {

		private static final long serialVersionUID = 1L;

		BadRequest(String message) {
			super(message, null, false, false);
		}

	}

}
