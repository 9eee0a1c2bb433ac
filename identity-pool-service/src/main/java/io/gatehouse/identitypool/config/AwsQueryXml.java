package io.gatehouse.identitypool.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * XML responses of the AWS Query protocol (IAM, STS), per the Smithy "AWS query protocol" specification:
 * {@code <ActionResponse xmlns=…><ActionResult>…</ActionResult><ResponseMetadata>…} and
 * {@code <ErrorResponse><Error><Type>Sender</Type><Code>…}.
 */
public final class AwsQueryXml {

	private final StringBuilder xml = new StringBuilder(512);

	private AwsQueryXml() {
	}

	public static AwsQueryXml result() {
		return new AwsQueryXml();
	}

	public AwsQueryXml element(String name, String value) {
		if (value != null) {
			this.xml.append('<').append(name).append('>').append(escape(value)).append("</").append(name).append('>');
		}
		return this;
	}

	public AwsQueryXml element(String name, Instant value) {
		return (value == null) ? this : element(name, value.truncatedTo(ChronoUnit.SECONDS).toString());
	}

	public AwsQueryXml open(String name) {
		this.xml.append('<').append(name).append('>');
		return this;
	}

	public AwsQueryXml close(String name) {
		this.xml.append("</").append(name).append('>');
		return this;
	}

	/** {@code <Name><member>a</member>…</Name>}. */
	public AwsQueryXml members(String name, Iterable<String> values) {
		open(name);
		for (String value : values) {
			element("member", value);
		}
		return close(name);
	}

	/** The document as IAM returns policy documents: percent-encoded (RFC 3986). */
	public static String urlEncoded(String document) {
		return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
	}

	public ResponseEntity<byte[]> respond(String action, String namespace, boolean hasResult) {
		return respond(action, namespace, hasResult, UUID.randomUUID().toString());
	}

	public ResponseEntity<byte[]> respond(String action, String namespace, boolean hasResult, String requestId) {
		StringBuilder out = new StringBuilder(this.xml.length() + 256);
		out.append("<").append(action).append("Response xmlns=\"").append(namespace).append("\">");
		if (hasResult) {
			out.append('<').append(action).append("Result>").append(this.xml).append("</").append(action).append("Result>");
		}
		out.append("<ResponseMetadata><RequestId>").append(requestId).append("</RequestId></ResponseMetadata>");
		out.append("</").append(action).append("Response>");
		return ResponseEntity.ok()
			.contentType(MediaType.TEXT_XML)
			.header("x-amzn-RequestId", requestId)
			.body(out.toString().getBytes(StandardCharsets.UTF_8));
	}

	public static ResponseEntity<byte[]> error(String namespace, int status, String type, String code, String message) {
		return error(namespace, status, type, code, message, UUID.randomUUID().toString());
	}

	public static ResponseEntity<byte[]> error(String namespace, int status, String type, String code, String message,
			String requestId) {
		String body = "<ErrorResponse xmlns=\"" + namespace + "\"><Error><Type>" + type + "</Type><Code>" + escape(code)
				+ "</Code><Message>" + escape(message) + "</Message></Error><RequestId>" + requestId
				+ "</RequestId></ErrorResponse>";
		return ResponseEntity.status(status)
			.contentType(MediaType.TEXT_XML)
			.header("x-amzn-RequestId", requestId)
			.body(body.getBytes(StandardCharsets.UTF_8));
	}

	static String escape(String value) {
		StringBuilder out = new StringBuilder(value.length() + 16);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&apos;");
				default -> {
					if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
						out.append("&#").append((int) c).append(';');
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

}
