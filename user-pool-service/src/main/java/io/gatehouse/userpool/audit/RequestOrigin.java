package io.gatehouse.userpool.audit;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a request came from. Values are clipped to their column sizes; the user agent is whatever the client
 * sent, so it is stored as text and never interpreted.
 *
 * @param sourceIp the client address as the servlet container sees it (behind a proxy, configure
 * {@code server.forward-headers-strategy} so this is the client, not the proxy)
 * @param requestId the id the response carries ({@code x-amzn-RequestId}), to match a log line with a call
 */
public record RequestOrigin(String sourceIp, String userAgent, String requestId) {

	public RequestOrigin {
		sourceIp = clip(sourceIp, 64);
		userAgent = clip(userAgent, 512);
		requestId = clip(requestId, 64);
	}

	public static RequestOrigin of(HttpServletRequest request, String requestId) {
		return new RequestOrigin(request.getRemoteAddr(), request.getHeader("User-Agent"), requestId);
	}

	/** For work with no HTTP request behind it (scheduled jobs, tests). */
	public static RequestOrigin none() {
		return new RequestOrigin(null, null, null);
	}

	static String clip(String value, int max) {
		if (value == null) {
			return null;
		}
		String printable = value.replaceAll("\\p{Cntrl}", "?");
		return (printable.length() > max) ? printable.substring(0, max) : printable;
	}

}
