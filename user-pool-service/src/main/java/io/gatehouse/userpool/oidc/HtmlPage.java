package io.gatehouse.userpool.oidc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.util.HtmlUtils;

/**
 * The minimal pages of the provider itself. Mostly errors a browser sees when an authorization or end-session
 * request cannot be answered at the client's redirect URI: the client is unknown or the redirect URI is not
 * registered, so redirecting would hand the response to whoever wrote the link (RFC 6749 §4.1.2.1, RFC 9700
 * §4.1). Never a redirect; never framed; every value escaped.
 */
final class HtmlPage {

	private HtmlPage() {
	}

	static void write(HttpServletResponse response, int status, String title, String message) throws IOException {
		response.setStatus(status);
		response.setContentType("text/html;charset=UTF-8");
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
		String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
				+ HtmlUtils.htmlEscape(title) + "</title></head><body><main><h1>" + HtmlUtils.htmlEscape(title)
				+ "</h1><p role=\"alert\">" + HtmlUtils.htmlEscape(message) + "</p></main></body></html>\n";
		response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
	}

}
