package io.gatehouse.shared.sigv4;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request as it arrived, in the parts AWS Signature Version 4 signs.
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param rawPath the request path exactly as sent (still percent-encoded), without the query
 * @param rawQuery the query string exactly as sent (still percent-encoded), without {@code ?}; may be null
 * @param headers every header as received; names are matched case-insensitively
 * @param payloadSha256Hex lowercase hex SHA-256 of the body as received
 */
public record SignableRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
		String payloadSha256Hex) {
}
