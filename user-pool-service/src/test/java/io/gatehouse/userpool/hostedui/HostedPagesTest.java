package io.gatehouse.userpool.hostedui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.userpool.TestOutbox;
import io.gatehouse.userpool.TestPools;
import io.gatehouse.userpool.pool.UserPool;
import io.gatehouse.userpool.pool.UserPoolService;
import io.gatehouse.userpool.user.PoolUserSettings;
import io.gatehouse.userpool.user.TestUsers;
import io.gatehouse.userpool.user.User;
import io.gatehouse.userpool.user.UserService;
import io.gatehouse.userpool.user.UserStatus;
import io.gatehouse.userpool.useradmin.UserAdministration;
import org.htmlunit.Page;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The hosted pages in a real browser engine (HtmlUnit) against the running service and PostgreSQL. */
@HostedUiTest
class HostedPagesTest {

	private static final String NEW_PASSWORD = "Quiet-Harbour-Lantern-5";

	private final TestOutbox outbox = new TestOutbox(HostedUiTest.DATA_DIRECTORY);

	@LocalServerPort
	private int port;

	@Autowired
	private UserPoolService pools;

	@Autowired
	private UserService users;

	@Autowired
	private UserAdministration administration;

	private UserPool pool;

	private PoolUserSettings settings;

	private Browser browser;

	@BeforeEach
	void openBrowserAtNewPool() {
		this.pool = TestPools.named("hosted").create(this.pools);
		this.settings = this.pools.userSettings(this.pool.id());
		this.browser = new Browser("http://localhost:" + this.port);
	}

	@AfterEach
	void closeBrowser() {
		this.browser.close();
	}

	@Test
	void signUpThenMailedCodeConfirmsThenSignInThenSignedIn() {
		String email = "ada-" + UUID.randomUUID() + "@example.com";
		HtmlPage signUp = this.browser.open(page("signup"));
		assertThat(signUp.asNormalizedText()).contains(this.pool.name()).contains("Create an account");

		Browser.fill(signUp, "Username", "ada");
		Browser.fill(signUp, "Email", email);
		Browser.fill(signUp, "Password", TestUsers.PASSWORD);
		HtmlPage confirm = Browser.submit(signUp);
		assertThat(confirm.getUrl().getPath()).isEqualTo(page("confirm"));
		assertThat(confirm.asNormalizedText()).contains("We sent you a code");

		Browser.fill(confirm, "Confirmation code", this.outbox.latestCodeTo(email));
		HtmlPage login = Browser.submit(confirm);
		assertThat(login.getUrl().getPath()).isEqualTo(page("login"));
		assertThat(login.asNormalizedText()).contains("Your account is confirmed");
		assertThat(login.getElementById("username").getAttribute("value")).isEqualTo("ada");

		Browser.fill(login, "Password", TestUsers.PASSWORD);
		HtmlPage signedIn = Browser.submit(login);
		assertThat(signedIn.getUrl().getPath()).isEqualTo(page("signed-in"));
		assertThat(signedIn.asNormalizedText()).contains("You are signed in").contains("ada");

		User user = this.users.findByUsername(this.settings, "ada").orElseThrow();
		assertThat(user.status()).isEqualTo(UserStatus.CONFIRMED);
		assertThat(user.emailVerified()).isTrue();
	}

	@Test
	void signUpWhenUserWaitsThenWrongCodeRefusedAndNewCodeWorks() {
		String email = "bo-" + UUID.randomUUID() + "@example.com";
		HtmlPage signUp = this.browser.open(page("signup"));
		Browser.fill(signUp, "Username", "bo");
		Browser.fill(signUp, "Email", email);
		Browser.fill(signUp, "Password", TestUsers.PASSWORD);
		HtmlPage confirm = Browser.submit(signUp);
		String first = this.outbox.latestCodeTo(email);

		Browser.fill(confirm, "Confirmation code", first.equals("000000") ? "111111" : "000000");
		HtmlPage wrong = Browser.submit(confirm);
		assertThat(Browser.status(wrong)).isEqualTo(400);
		assertThat(alert(wrong)).contains("That code is not right");

		HtmlPage resend = this.browser.open(page("resend") + "?username=bo");
		HtmlPage again = Browser.submit(resend);
		assertThat(again.asNormalizedText()).contains("we sent it a new code");
		assertThat(this.outbox.countTo(email)).isEqualTo(2);
		Browser.fill(again, "Confirmation code", first);
		// The first code was superseded by the new one: it is now simply wrong.
		assertThat(alert(Browser.submit(again))).contains("That code is not right");
		Browser.fill(again, "Confirmation code", this.outbox.latestCodeTo(email));
		assertThat(Browser.submit(again).asNormalizedText()).contains("Your account is confirmed");
	}

	@Test
	void forgotPasswordThenCodeResetsThenOldPasswordRefusedNewWorksAndOtherSessionsEnded() {
		String email = "cy-" + UUID.randomUUID() + "@example.com";
		User user = TestUsers.confirmed().withVerifiedEmail(email).createIn(this.users, this.settings);
		try (Browser other = new Browser("http://localhost:" + this.port)) {
			assertThat(signIn(other, user.username(), TestUsers.PASSWORD).getUrl().getPath()).isEqualTo(page("signed-in"));

			HtmlPage forgot = this.browser.open(page("forgot-password"));
			Browser.fill(forgot, "Username", user.username());
			HtmlPage reset = Browser.submit(forgot);
			assertThat(reset.getUrl().getPath()).isEqualTo(page("reset-password"));
			Browser.fill(reset, "Reset code", this.outbox.latestCodeTo(email));
			Browser.fill(reset, "New password", NEW_PASSWORD);
			Browser.fill(reset, "New password again", NEW_PASSWORD);
			HtmlPage login = Browser.submit(reset);
			assertThat(login.asNormalizedText()).contains("Your password has been changed");

			HtmlPage refused = signIn(this.browser, user.username(), TestUsers.PASSWORD);
			assertThat(alert(refused)).isEqualTo("Incorrect username or password.");
			assertThat(signIn(this.browser, user.username(), NEW_PASSWORD).getUrl().getPath()).isEqualTo(page("signed-in"));
			// The browser that was signed in before the reset is signed out.
			assertThat(other.open(page("signed-in")).getUrl().getPath()).isEqualTo(page("login"));
		}
	}

	@Test
	void adminDisablesOrSignsOutUserThenTheirBrowserSessionsEnd() {
		User disabled = TestUsers.confirmed().createIn(this.users, this.settings);
		User signedOut = TestUsers.confirmed().createIn(this.users, this.settings);
		try (Browser other = new Browser("http://localhost:" + this.port)) {
			signIn(this.browser, disabled.username(), TestUsers.PASSWORD);
			signIn(other, signedOut.username(), TestUsers.PASSWORD);

			this.administration.disable(this.pool.id(), disabled.username());
			this.administration.globalSignOut(this.pool.id(), signedOut.username());

			assertThat(this.browser.open(page("signed-in")).getUrl().getPath()).isEqualTo(page("login"));
			assertThat(other.open(page("signed-in")).getUrl().getPath()).isEqualTo(page("login"));
		}
	}

	@Test
	void forgotPasswordWhenUnknownUserThenAnsweredAsIfSentAndNothingSent() {
		HtmlPage forgot = this.browser.open(page("forgot-password"));
		Browser.fill(forgot, "Username", "nobody-" + UUID.randomUUID());
		HtmlPage answer = Browser.submit(forgot);

		assertThat(answer.getUrl().getPath()).isEqualTo(page("reset-password"));
		assertThat(answer.asNormalizedText()).contains("If an account with that name has a verified email");
	}

	@Test
	void signInWithTemporaryPasswordThenMustChooseOwnPasswordThenSignedIn() {
		User invited = TestUsers.confirmed().withStatus(UserStatus.FORCE_CHANGE_PASSWORD).createIn(this.users,
				this.settings);

		HtmlPage choose = signIn(this.browser, invited.username(), TestUsers.PASSWORD);
		assertThat(choose.getUrl().getPath()).isEqualTo(page("new-password"));

		Browser.fill(choose, "New password", NEW_PASSWORD);
		Browser.fill(choose, "New password again", NEW_PASSWORD + "x");
		HtmlPage mismatch = Browser.submit(choose);
		assertThat(Browser.status(mismatch)).isEqualTo(400);
		assertThat(alert(mismatch)).contains("do not match");

		Browser.fill(mismatch, "New password", "password");
		Browser.fill(mismatch, "New password again", "password");
		HtmlPage weak = Browser.submit(mismatch);
		assertThat(Browser.status(weak)).isEqualTo(400);
		assertThat(weak.getElementById("password").getAttribute("aria-invalid")).isEqualTo("true");

		Browser.fill(weak, "New password", NEW_PASSWORD);
		Browser.fill(weak, "New password again", NEW_PASSWORD);
		HtmlPage signedIn = Browser.submit(weak);
		assertThat(signedIn.getUrl().getPath()).isEqualTo(page("signed-in"));
		assertThat(this.users.findBySub(this.pool.id(), invited.sub()).orElseThrow().status()).isEqualTo(UserStatus.CONFIRMED);
	}

	@Test
	void signInWhenUnknownUserOrWrongPasswordThenTheSameAnswer() {
		User user = TestUsers.confirmed().createIn(this.users, this.settings);

		HtmlPage unknown = signIn(this.browser, "nobody-" + UUID.randomUUID(), TestUsers.PASSWORD);
		HtmlPage wrong = signIn(this.browser, user.username(), "Not-The-Password-1");

		assertThat(Browser.status(unknown)).isEqualTo(Browser.status(wrong)).isEqualTo(400);
		assertThat(alert(unknown)).isEqualTo(alert(wrong)).isEqualTo("Incorrect username or password.");
	}

	@Test
	void signInWhenUnconfirmedThenSentToConfirmOnlyWithTheRightPassword() {
		User waiting = TestUsers.unconfirmed().withEmail("dee-" + UUID.randomUUID() + "@example.com").createIn(this.users,
				this.settings);

		assertThat(alert(signIn(this.browser, waiting.username(), "Not-The-Password-1")))
			.isEqualTo("Incorrect username or password.");
		HtmlPage confirm = signIn(this.browser, waiting.username(), TestUsers.PASSWORD);
		assertThat(confirm.getUrl().getPath()).isEqualTo(page("confirm"));
		assertThat(confirm.asNormalizedText()).contains("not confirmed yet");
	}

	@Test
	void postWithoutCsrfTokenThenRefusedAndNotSignedIn() {
		User user = TestUsers.confirmed().createIn(this.users, this.settings);
		this.browser.open(page("login"));

		HtmlPage refused = this.browser.post(page("login"),
				Map.of("username", user.username(), "password", TestUsers.PASSWORD), false);

		assertThat(Browser.status(refused)).isEqualTo(403);
		assertThat(refused.asNormalizedText()).contains("This form has expired");
		assertThat(this.browser.open(page("signed-in")).getUrl().getPath()).isEqualTo(page("login"));
		assertThat(Browser.status(this.browser.post(page("signout"), Map.of(), false))).isEqualTo(403);
	}

	@Test
	void everyPageForbidsFramingAndRunsNoScript() {
		for (String name : HostedUiPaths.PAGES) {
			Page page = this.browser.get(page(name));
			assertThat(page.getWebResponse().getResponseHeaderValue("X-Frame-Options")).as(name).isEqualTo("DENY");
			assertThat(page.getWebResponse().getResponseHeaderValue("Content-Security-Policy")).as(name)
				.contains("frame-ancestors 'none'")
				.contains("default-src 'none'")
				.doesNotContain("script-src");
			assertThat(page.getWebResponse().getContentAsString()).as(name).doesNotContain("<script");
		}
	}

	@Test
	void sessionSignedInAtOnePoolIsAnonymousAtAnother() {
		UserPool other = TestPools.named("other").create(this.pools);
		User user = TestUsers.confirmed().createIn(this.users, this.settings);
		signIn(this.browser, user.username(), TestUsers.PASSWORD);

		assertThat(this.browser.open("/" + other.id() + "/signed-in").getUrl().getPath()).isEqualTo("/" + other.id() + "/login");
		assertThat(this.browser.open("/" + other.id() + "/signout").asNormalizedText()).contains("You are not signed in");
		// Signing out at the other pool does not sign the user out here.
		HtmlPage otherLogout = this.browser.post("/" + other.id() + "/signout", Map.of(), "/" + other.id() + "/login");
		assertThat(otherLogout.getUrl().getPath()).isEqualTo("/" + other.id() + "/login");
		assertThat(this.browser.open(page("signed-in")).asNormalizedText()).contains("You are signed in");

		HtmlPage signedOut = Browser.submit(this.browser.open(page("signed-in")));
		assertThat(signedOut.asNormalizedText()).contains("You have signed out");
		assertThat(this.browser.open(page("signed-in")).getUrl().getPath()).isEqualTo(page("login"));
	}

	@Test
	void signInThenSessionCookieIsNewHttpOnlyAndSameSite() {
		User user = TestUsers.confirmed().createIn(this.users, this.settings);
		this.browser.open(page("login"));
		String before = cookie();

		signIn(this.browser, user.username(), TestUsers.PASSWORD);

		assertThat(cookie()).isNotNull().isNotEqualTo(before);
		org.htmlunit.util.Cookie session = this.browser.client().getCookieManager().getCookie("GATEHOUSE_SESSION");
		assertThat(session.isHttpOnly()).isTrue();
		assertThat(session.getSameSite()).isEqualToIgnoringCase("Lax");
	}

	@Test
	void unknownOrMalformedPoolThenPlainNotFoundPage() {
		for (String path : List.of("/local-1_NoSuchPool/login", "/not-a-pool/signup", "/local-1_" + "x".repeat(80) + "/login")) {
			HtmlPage page = this.browser.open(path);
			assertThat(Browser.status(page)).as(path).isEqualTo(404);
			assertThat(page.asNormalizedText()).as(path).contains("Page not found");
			assertNothingLeaks(page);
		}
	}

	@Test
	void badInputOnEveryFormThenFriendlyErrorAndNeverAServerError() {
		String huge = "x".repeat(3000);
		Map<String, List<String>> forms = new LinkedHashMap<>();
		forms.put("login", List.of("username", "password"));
		forms.put("signup", List.of("username", "attribute.email", "password"));
		forms.put("confirm", List.of("username", "code"));
		forms.put("resend", List.of("username"));
		forms.put("forgot-password", List.of("username"));
		forms.put("reset-password", List.of("username", "code", "password", "confirmPassword"));
		forms.forEach((form, fields) -> {
			HtmlPage missing = this.browser.post(page(form), Map.of(), true);
			assertFriendlyError(form + " (missing)", missing);
			for (String field : fields) {
				Map<String, String> oversized = new LinkedHashMap<>();
				fields.forEach((name) -> oversized.put(name, "valid-" + name));
				oversized.put(field, huge);
				HtmlPage page = this.browser.post(page(form), oversized, true);
				assertFriendlyError(form + " (" + field + " oversized)", page);
				assertThat((Object) page.querySelector("[aria-invalid=true]")).as(form + " " + field).isNotNull();
			}
			Map<String, String> strange = new LinkedHashMap<>();
			fields.forEach((name) -> strange.put(name, "\u0000<script>alert(1)</script>\uD800"));
			HtmlPage odd = this.browser.post(page(form), strange, true);
			assertThat(Browser.status(odd)).as(form + " (odd characters)").isLessThan(500);
			assertThat(odd.getWebResponse().getContentAsString()).as(form).doesNotContain("<script>alert(1)");
			assertNothingLeaks(odd);
		});
		HtmlPage noChallenge = this.browser.post(page("new-password"),
				Map.of("password", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD), false);
		assertThat(Browser.status(noChallenge)).isEqualTo(403);
	}

	@Test
	void errorsAreAnnouncedAndTiedToTheirFieldsAndEveryFieldIsLabelled() {
		for (String name : List.of("login", "signup", "confirm", "resend", "forgot-password", "reset-password")) {
			HtmlPage page = this.browser.post(page(name), Map.of(), true);
			DomElement alert = page.querySelector("[role=alert]");
			assertThat((Object) alert).as(name).isNotNull();
			for (DomElement input : page.querySelectorAll("main input:not([type=hidden])").stream()
				.map(DomElement.class::cast)
				.toList()) {
				String id = input.getAttribute("id");
				assertThat((Object) page.querySelector("label[for='" + id + "']")).as(name + " label for " + id).isNotNull();
				if ("true".equals(input.getAttribute("aria-invalid"))) {
					String describedBy = input.getAttribute("aria-describedby");
					assertThat((Object) page.getElementById(describedBy)).as(name + " description of " + id).isNotNull();
				}
			}
		}
	}

	@Test
	void signUpWhenPoolAllowsAdministratorsOnlyThenNoForm() {
		UserPool closed = TestPools.named("closed")
			.settings("{\"AdminCreateUserConfig\":{\"AllowAdminCreateUserOnly\":true}}")
			.create(this.pools);

		HtmlPage page = this.browser.open("/" + closed.id() + "/signup");
		assertThat((Object) page.querySelector("main form")).isNull();
		assertThat(this.browser.open("/" + closed.id() + "/login").asNormalizedText()).doesNotContain("Create an account");
		HtmlPage posted = this.browser.post("/" + closed.id() + "/login", Map.of(), true);
		assertThat(Browser.status(posted)).isEqualTo(400);
	}

	private HtmlPage signIn(Browser client, String username, String password) {
		HtmlPage login = client.open(page("login"));
		Browser.fill(login, this.settings.usernameAttributes().isEmpty() ? "Username" : "Email", username);
		Browser.fill(login, "Password", password);
		return Browser.submit(login);
	}

	private String cookie() {
		org.htmlunit.util.Cookie cookie = this.browser.client().getCookieManager().getCookie("GATEHOUSE_SESSION");
		return (cookie != null) ? cookie.getValue() : null;
	}

	private String page(String name) {
		return "/" + this.pool.id() + "/" + name;
	}

	private static String alert(HtmlPage page) {
		DomElement alert = page.querySelector("[role=alert]");
		assertThat((Object) alert).as("an error announced on " + page.getUrl()).isNotNull();
		return alert.asNormalizedText();
	}

	private static void assertFriendlyError(String what, HtmlPage page) {
		assertThat(Browser.status(page)).as(what).isEqualTo(400);
		assertThat((Object) page.querySelector("[role=alert]")).as(what).isNotNull();
		assertNothingLeaks(page);
	}

	private static void assertNothingLeaks(HtmlPage page) {
		String body = page.getWebResponse().getContentAsString();
		assertThat(body).doesNotContain("Exception").doesNotContain("at io.gatehouse").doesNotContain("org.springframework")
			.doesNotContain("SQL");
	}

}
