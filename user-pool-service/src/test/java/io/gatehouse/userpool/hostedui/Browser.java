package io.gatehouse.userpool.hostedui;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;

/**
 * A browser without JavaScript (the pages need none) that a test drives like a user: open a page, fill the
 * labelled fields, press the button. {@link #post} sends a form as a crafted request would, to test what the
 * server does with input a real form would never send.
 */
public final class Browser implements AutoCloseable {

	private final WebClient client = new WebClient();

	private final String baseUrl;

	public Browser(String baseUrl) {
		this.baseUrl = baseUrl;
		this.client.getOptions().setJavaScriptEnabled(false);
		this.client.getOptions().setCssEnabled(false);
		this.client.getOptions().setThrowExceptionOnFailingStatusCode(false);
		this.client.getOptions().setRedirectEnabled(true);
	}

	public WebClient client() {
		return this.client;
	}

	public HtmlPage open(String path) {
		return (HtmlPage) get(path);
	}

	public Page get(String path) {
		try {
			return this.client.getPage(path.startsWith("http") ? path : this.baseUrl + path);
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

	/** Types into the field labelled with {@code label} (a real label, so the test fails if a field has none). */
	public static HtmlPage fill(HtmlPage page, String label, String value) {
		DomElement labelElement = page.getElementsByTagName("label")
			.stream()
			.filter((element) -> element.getTextContent().trim().equals(label))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no field labelled '" + label + "' on " + page.getUrl()));
		HtmlInput input = page.getHtmlElementById(labelElement.getAttribute("for"));
		input.setValue(value);
		return page;
	}

	/** Presses the page's (only) submit button and returns where the browser ends up, a hosted page. */
	public static HtmlPage submit(HtmlPage page) {
		return (HtmlPage) press(page);
	}

	/** Presses the page's (only) submit button; the browser may end up anywhere (an application's callback). */
	public static Page press(HtmlPage page) {
		try {
			HtmlElement button = page.querySelector("main form button[type=submit]");
			return button.click();
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

	/** Posts {@code fields} to {@code path}, with this browser's cookies and (if {@code csrf}) a valid CSRF token. */
	public HtmlPage post(String path, Map<String, String> fields, boolean csrf) {
		return post(path, fields, csrf ? path : null);
	}

	/**
	 * Posts {@code fields} to {@code path} with the CSRF token of this browser's session as found on the form
	 * at {@code tokenFrom} (none when null).
	 */
	public HtmlPage post(String path, Map<String, String> fields, String tokenFrom) {
		try {
			List<NameValuePair> parameters = new ArrayList<>();
			if (tokenFrom != null) {
				HtmlPage form = open(tokenFrom);
				DomElement token = form.querySelector("input[name=_csrf]");
				parameters.add(new NameValuePair("_csrf", token.getAttribute("value")));
			}
			fields.forEach((name, value) -> parameters.add(new NameValuePair(name, value)));
			WebRequest request = new WebRequest(new URL(this.baseUrl + path), HttpMethod.POST);
			request.setRequestParameters(parameters);
			return (HtmlPage) this.client.getPage(request);
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

	public static int status(Page page) {
		return page.getWebResponse().getStatusCode();
	}

	@Override
	public void close() {
		this.client.close();
	}

}
