package io.gatehouse.identitypool.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.gatehouse.identitypool.RefusedException;
import io.gatehouse.shared.sigv4.SignableRequest;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A request exactly as it arrived, body included, read once with a size limit. SigV4 signs the bytes as
 * sent, so the body is read from the stream before anything (such as a form-parameter lookup) could
 * consume or re-encode it.
 *
 * @param headers header names are case-insensitive
 * @param sourceAddress the address the request came from (the servlet's remote address), null when forwarded
 */
public record ReceivedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
		byte[] body, String payloadSha256Hex, String sourceAddress) {

	/** A request a resource server forwarded in parts: no body, only its hash. */
	public static ReceivedRequest forwarded(String method, String rawPath, String rawQuery,
			Map<String, List<String>> headers, String payloadSha256Hex) {
		return new ReceivedRequest(method, rawPath, rawQuery, headers, new byte[0], payloadSha256Hex, null);
	}

	public static ReceivedRequest read(HttpServletRequest request, long maxBytes) {
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (String name : Collections.list(request.getHeaderNames())) {
			headers.put(name, Collections.list(request.getHeaders(name)));
		}
		if (request.getContentLengthLong() > maxBytes) {
			throw RefusedException.invalidParameter("The request is too large.");
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (body.length > maxBytes) {
			throw RefusedException.invalidParameter("The request is too large.");
		}
		return new ReceivedRequest(request.getMethod(), request.getRequestURI(), request.getQueryString(), headers, body,
				sha256Hex(body), request.getRemoteAddr());
	}

	public Optional<String> header(String name) {
		List<String> values = this.headers.get(name);
		return (values == null || values.isEmpty()) ? Optional.empty() : Optional.of(values.get(0));
	}

	public SignableRequest signable() {
		return new SignableRequest(this.method, this.rawPath, this.rawQuery, this.headers, this.payloadSha256Hex);
	}

	/** The query string's parameters, decoded; the first value of a repeated name wins. */
	public Map<String, String> queryParameters() {
		return formParameters(this.rawQuery);
	}

	/** AWS Query protocol parameters: the query string and, for a form POST, the body. */
	public Map<String, String> queryProtocolParameters() {
		Map<String, String> parameters = new LinkedHashMap<>(formParameters(this.rawQuery));
		String contentType = header("Content-Type").orElse("");
		if (contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
			formParameters(new String(this.body, StandardCharsets.UTF_8)).forEach(parameters::putIfAbsent);
		}
		return parameters;
	}

	/** The values of {@code Name.member.1}, {@code Name.member.2}, ... in order. */
	public static List<String> members(Map<String, String> parameters, String name) {
		List<String> values = new ArrayList<>();
		for (int i = 1; i <= 1000; i++) {
			String value = parameters.get(name + ".member." + i);
			if (value == null) {
				break;
			}
			values.add(value);
		}
		return values;
	}

	static Map<String, String> formParameters(String encoded) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (encoded == null || encoded.isEmpty()) {
			return parameters;
		}
		for (String pair : encoded.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			try {
				String name = URLDecoder.decode((eq < 0) ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
				String value = (eq < 0) ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
				parameters.putIfAbsent(name, value);
			}
			catch (IllegalArgumentException ex) {
				throw RefusedException.invalidParameter("The request has a malformed parameter encoding.");
			}
		}
		return parameters;
	}

	public static String sha256Hex(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
