package io.gatehouse.userpool.hostedui;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.gatehouse.userpool.auth.AuthContext;
import io.gatehouse.userpool.auth.AuthDoor;
import io.gatehouse.userpool.auth.AuthError;
import io.gatehouse.userpool.auth.AuthStep;
import io.gatehouse.userpool.auth.AuthenticationEngine;
import io.gatehouse.userpool.auth.ChallengeName;
import io.gatehouse.userpool.auth.ClientPolicies;
import io.gatehouse.userpool.auth.PoolUserAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sign-in ({@code /{userPoolId}/login}), the forced new password ({@code new-password}), the signed-in page
 * and local sign-out ({@code signout}), all driving the one {@link AuthenticationEngine}. After sign-in the
 * user continues to the OAuth request that sent them here (saved in the session by the authorization
 * endpoint) or, without one, to the signed-in page.
 */
@Controller
final class SignInController {

	/** The challenge a sign-in is waiting on, kept in the web session between the two pages. */
	static final String PENDING_CHALLENGE = SignInController.class.getName() + ".PENDING_CHALLENGE";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HostedPools pools;

	private final AuthenticationEngine engine;

	private final ClientPolicies clients;

	private final HostedUiSessions sessions;

	SignInController(HostedPools pools, AuthenticationEngine engine, ClientPolicies clients, HostedUiSessions sessions) {
		this.pools = pools;
		this.engine = engine;
		this.clients = clients;
		this.sessions = sessions;
	}

	@GetMapping("/{userPoolId}/login")
	ModelAndView loginPage(@PathVariable String userPoolId, @RequestParam(name = "login_hint", required = false) String hint,
			@RequestParam(name = "signed_out", required = false) String signedOut, HttpServletRequest request,
			HttpServletResponse response) {
		HostedPool pool = this.pools.find(userPoolId);
		ModelAndView page = Pages.page("login", pool, HttpStatus.OK);
		String username = (hint != null) ? hint
				: Pages.savedAuthorization(request, response, pool.id()).map(Pages.SavedAuthorization::loginHint).orElse(null);
		page.addObject("username", (username != null && username.length() <= Pages.MAX_NAME) ? username : null);
		if (signedOut != null) {
			page.addObject("notice", "You have signed out.");
		}
		return page;
	}

	@PostMapping("/{userPoolId}/login")
	ModelAndView login(@PathVariable String userPoolId, @RequestParam Map<String, String> form,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		HostedPool pool = this.pools.find(userPoolId);
		ModelAndView page = Pages.page("login", pool, HttpStatus.OK);
		String username = Pages.required(page, form, "username", pool.signInLabel(), Pages.MAX_NAME);
		page.addObject("username", username);
		String password = Pages.required(page, form, "password", "Password", Pages.MAX_PASSWORD);
		ModelAndView invalid = Pages.ifInvalid(page);
		if (invalid != null) {
			return invalid;
		}
		String clientId = Pages.clientOf(request, response, pool, this.clients);
		AuthStep step = this.engine.start(pool.id(), clientId, username, password, context(request));
		if (step instanceof AuthStep.Failed failed) {
			if (failed.reason() == AuthError.USER_NOT_CONFIRMED) {
				redirect.addFlashAttribute("notice",
						"Your account is not confirmed yet. Enter the code we sent you, or ask for a new one.");
				return Pages.seeOther(Pages.path(pool.id(), "confirm", "username", username));
			}
			if (failed.reason() == AuthError.PASSWORD_RESET_REQUIRED) {
				redirect.addFlashAttribute("notice", "You need to choose a new password. Ask for a reset code below.");
				return Pages.seeOther(Pages.path(pool.id(), "forgot-password", "username", username));
			}
			return Pages.withError(page, null, signInMessage(failed));
		}
		return proceed(pool, clientId, username, step, request, response);
	}

	@GetMapping("/{userPoolId}/new-password")
	ModelAndView newPasswordPage(@PathVariable String userPoolId, HttpServletRequest request) {
		HostedPool pool = this.pools.find(userPoolId);
		PendingChallenge pending = pending(request, pool);
		if (pending == null) {
			return Pages.seeOther(Pages.path(pool.id(), "login"));
		}
		return newPasswordForm(pool, pending, HttpStatus.OK);
	}

	@PostMapping("/{userPoolId}/new-password")
	ModelAndView newPassword(@PathVariable String userPoolId, @RequestParam Map<String, String> form,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		HostedPool pool = this.pools.find(userPoolId);
		PendingChallenge pending = pending(request, pool);
		if (pending == null) {
			redirect.addFlashAttribute("notice", "Your sign-in expired. Please sign in again.");
			return Pages.seeOther(Pages.path(pool.id(), "login"));
		}
		ModelAndView page = newPasswordForm(pool, pending, HttpStatus.OK);
		String password = Pages.required(page, form, "password", "New password", Pages.MAX_PASSWORD);
		String confirmation = Pages.required(page, form, "confirmPassword", "Password confirmation", Pages.MAX_PASSWORD);
		if (password != null && confirmation != null && !password.equals(confirmation)) {
			Pages.errors(page).put("confirmPassword", "The two passwords do not match.");
		}
		Map<String, String> responses = new LinkedHashMap<>();
		for (HostedPool.Field field : requiredFields(pending)) {
			String value = Pages.required(page, form, field.param(), field.label(), Pages.MAX_ATTRIBUTE);
			if (value != null) {
				responses.put("userAttributes." + field.name(), value);
			}
		}
		ModelAndView invalid = Pages.ifInvalid(page);
		if (invalid != null) {
			return invalid;
		}
		responses.put("NEW_PASSWORD", password);
		AuthStep step = this.engine.respond(pool.id(), pending.clientId(), pending.session(),
				ChallengeName.valueOf(pending.challenge()), responses, context(request));
		if (step instanceof AuthStep.Failed failed) {
			if (!failed.retryable()) {
				request.getSession().removeAttribute(PENDING_CHALLENGE);
				redirect.addFlashAttribute("notice", (failed.reason() == AuthError.SESSION_EXPIRED)
						? "Your sign-in expired. Please sign in again." : failed.message());
				return Pages.seeOther(Pages.path(pool.id(), "login", "login_hint", pending.signInName()));
			}
			String field = (failed.reason() == AuthError.INVALID_PASSWORD) ? "password" : null;
			return Pages.withError(page, field, failed.message());
		}
		request.getSession().removeAttribute(PENDING_CHALLENGE);
		return proceed(pool, pending.clientId(), pending.signInName(), step, request, response);
	}

	@GetMapping("/{userPoolId}/signed-in")
	ModelAndView signedIn(@PathVariable String userPoolId) {
		HostedPool pool = this.pools.find(userPoolId);
		PoolUserAuthentication user = this.sessions.currentUser(pool.id());
		if (user == null) {
			return Pages.seeOther(Pages.path(pool.id(), "login"));
		}
		ModelAndView page = Pages.page("signed-in", pool, HttpStatus.OK);
		page.addObject("username", user.username());
		return page;
	}

	@GetMapping("/{userPoolId}/signout")
	ModelAndView signOutPage(@PathVariable String userPoolId) {
		HostedPool pool = this.pools.find(userPoolId);
		ModelAndView page = Pages.page("signout", pool, HttpStatus.OK);
		page.addObject("signedIn", this.sessions.currentUser(pool.id()) != null);
		return page;
	}

	/**
	 * Local sign-out: ends this browser's web session. Applications end their tokens too at the OpenID Connect
	 * end-session endpoint, {@code {issuer}/logout}.
	 */
	@PostMapping("/{userPoolId}/signout")
	ModelAndView signOut(@PathVariable String userPoolId, HttpServletRequest request) {
		HostedPool pool = this.pools.find(userPoolId);
		if (this.sessions.currentUser(pool.id()) != null) {
			this.sessions.signOut(request);
		}
		return Pages.seeOther(Pages.path(pool.id(), "login", "signed_out", ""));
	}

	private ModelAndView proceed(HostedPool pool, String clientId, String signInName, AuthStep step,
			HttpServletRequest request, HttpServletResponse response) {
		if (step instanceof AuthStep.Challenge challenge) {
			request.getSession()
				.setAttribute(PENDING_CHALLENGE, new PendingChallenge(pool.id(), clientId, challenge.name().name(),
						challenge.session(), new LinkedHashMap<>(challenge.parameters()), signInName));
			return Pages.seeOther(Pages.path(pool.id(), pageOf(challenge.name())));
		}
		PoolUserAuthentication user = ((AuthStep.Authenticated) step).authentication();
		Optional<Pages.SavedAuthorization> saved = Pages.savedAuthorization(request, response, pool.id());
		this.sessions.signIn(user, request, response);
		if (saved.isPresent()) {
			Pages.forgetSavedAuthorization(request, response);
			return Pages.seeOther(saved.get().target());
		}
		return Pages.seeOther(Pages.path(pool.id(), "signed-in"));
	}

	/** The hosted page that asks each challenge; only NEW_PASSWORD_REQUIRED exists so far. */
	private static String pageOf(ChallengeName challenge) {
		if (challenge == ChallengeName.NEW_PASSWORD_REQUIRED) {
			return "new-password";
		}
		throw new IllegalStateException("no hosted page asks " + challenge);
	}

	private ModelAndView newPasswordForm(HostedPool pool, PendingChallenge pending, HttpStatus status) {
		ModelAndView page = Pages.page("new-password", pool, status);
		page.addObject("fields", requiredFields(pending));
		return page;
	}

	private static List<HostedPool.Field> requiredFields(PendingChallenge pending) {
		String required = pending.parameters().get("requiredAttributes");
		List<HostedPool.Field> fields = new ArrayList<>();
		if (required == null) {
			return fields;
		}
		for (String name : json.readValue(required, new TypeReference<List<String>>() {
		})) {
			String attribute = name.startsWith("userAttributes.") ? name.substring("userAttributes.".length()) : name;
			String label = attribute.replace("custom:", "").replace('_', ' ');
			fields.add(new HostedPool.Field(attribute, Character.toUpperCase(label.charAt(0)) + label.substring(1),
					"email".equals(attribute) ? "email" : "text", "off", true));
		}
		return fields;
	}

	private static PendingChallenge pending(HttpServletRequest request, HostedPool pool) {
		HttpSession session = request.getSession(false);
		Object pending = (session != null) ? session.getAttribute(PENDING_CHALLENGE) : null;
		return (pending instanceof PendingChallenge challenge && challenge.poolId().equals(pool.id())) ? challenge : null;
	}

	private static String signInMessage(AuthStep.Failed failed) {
		return switch (failed.reason()) {
			case USER_DISABLED -> "Your account is disabled. Contact the administrator.";
			case TEMPORARY_PASSWORD_EXPIRED ->
				"Your temporary password has expired. Ask the administrator for a new one.";
			default -> failed.message();
		};
	}

	static AuthContext context(HttpServletRequest request) {
		return new AuthContext(AuthDoor.HOSTED_UI, request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
	}

	/**
	 * A challenge waiting for the user, in the web session (serialized by Spring Session).
	 * @param session the engine's session value; it never leaves the server
	 */
	record PendingChallenge(String poolId, String clientId, String challenge, String session,
			LinkedHashMap<String, String> parameters, String signInName) implements Serializable {

		@Override
		public String toString() {
			return "PendingChallenge[poolId=" + this.poolId + ", challenge=" + this.challenge + "]";
		}

	}

}
