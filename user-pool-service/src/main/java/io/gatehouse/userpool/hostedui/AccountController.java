package io.gatehouse.userpool.hostedui;

import java.util.LinkedHashMap;
import java.util.Map;

import io.gatehouse.userpool.auth.AuthException;
import io.gatehouse.userpool.auth.ClientPolicies;
import io.gatehouse.userpool.code.CodeLimitExceededException;
import io.gatehouse.userpool.mail.MessageDeliveryException;
import io.gatehouse.userpool.password.InvalidPasswordException;
import io.gatehouse.userpool.recovery.PasswordRecoveryService;
import io.gatehouse.userpool.signup.SignUpService;
import io.gatehouse.userpool.user.AliasExistsException;
import io.gatehouse.userpool.user.InvalidUserParameterException;
import io.gatehouse.userpool.user.UsernameExistsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sign-up ({@code signup}), confirmation ({@code confirm}, {@code resend}) and forgotten passwords
 * ({@code forgot-password}, {@code reset-password}) on the hosted pages: thin forms over
 * {@link SignUpService} and {@link PasswordRecoveryService}, the services the Cognito API uses too. What a
 * page says about a user follows the services: for a client that hides users, "we sent a code if..." for
 * everyone.
 */
@Controller
final class AccountController {

	private final HostedPools pools;

	private final SignUpService signUp;

	private final PasswordRecoveryService recovery;

	private final ClientPolicies clients;

	AccountController(HostedPools pools, SignUpService signUp, PasswordRecoveryService recovery,
			ClientPolicies clients) {
		this.pools = pools;
		this.signUp = signUp;
		this.recovery = recovery;
		this.clients = clients;
	}

	@GetMapping("/{userPoolId}/signup")
	ModelAndView signUpPage(@PathVariable String userPoolId) {
		HostedPool pool = this.pools.find(userPoolId);
		return signUpForm(pool, Map.of(), HttpStatus.OK);
	}

	@PostMapping("/{userPoolId}/signup")
	ModelAndView signUp(@PathVariable String userPoolId, @RequestParam Map<String, String> form,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		HostedPool pool = this.pools.find(userPoolId);
		if (!pool.signUpAllowed()) {
			return signUpForm(pool, form, HttpStatus.FORBIDDEN);
		}
		ModelAndView page = signUpForm(pool, form, HttpStatus.OK);
		String username = Pages.required(page, form, "username", pool.usernameIsEmail() ? "Email" : "Username",
				Pages.MAX_NAME);
		Map<String, String> attributes = new LinkedHashMap<>();
		for (HostedPool.Field field : pool.signUpFields()) {
			String value = form.get(field.param());
			if (field.required()) {
				value = Pages.required(page, form, field.param(), field.label(), Pages.MAX_ATTRIBUTE);
			}
			else if (value != null && value.length() > Pages.MAX_ATTRIBUTE) {
				Pages.errors(page).put(field.param(), field.label() + " is too long.");
				value = null;
			}
			if (value != null && !value.isBlank()) {
				attributes.put(field.name(), value.strip());
			}
		}
		String password = Pages.required(page, form, "password", "Password", Pages.MAX_PASSWORD);
		ModelAndView invalid = Pages.ifInvalid(page);
		if (invalid != null) {
			return invalid;
		}
		try {
			this.signUp.signUp(pool.id(), Pages.clientOf(request, response, pool, this.clients), username.strip(),
					password, attributes, SignInController.context(request));
		}
		catch (InvalidPasswordException ex) {
			return Pages.withError(page, "password", ex.getMessage());
		}
		catch (UsernameExistsException | AliasExistsException ex) {
			return Pages.withError(page, "username", "An account with this name already exists. Sign in instead.");
		}
		catch (InvalidUserParameterException ex) {
			String field = ex.attributeName().map((name) -> "attribute." + name).orElse("username");
			return Pages.withError(page, field, ex.getMessage());
		}
		catch (AuthException | CodeLimitExceededException ex) {
			return Pages.withError(page, null, ex.getMessage());
		}
		catch (MessageDeliveryException ex) {
			return Pages.withError(page, null,
					"Your account was created but we could not send the code. Ask for a new code below.");
		}
		redirect.addFlashAttribute("notice", "We sent you a code. Enter it to confirm your account.");
		return Pages.seeOther(Pages.path(pool.id(), "confirm", "username", username.strip()));
	}

	/** A form page that only needs the pool and the (length-limited) username it was linked with. */
	private ModelAndView usernamePage(String userPoolId, String view, String username) {
		ModelAndView page = Pages.page(view, this.pools.find(userPoolId), HttpStatus.OK);
		page.addObject("username", limited(username));
		return page;
	}

	@GetMapping("/{userPoolId}/confirm")
	ModelAndView confirmPage(@PathVariable String userPoolId, @RequestParam(required = false) String username) {
		return usernamePage(userPoolId, "confirm", username);
	}

	@PostMapping("/{userPoolId}/confirm")
	ModelAndView confirm(@PathVariable String userPoolId, @RequestParam Map<String, String> form,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		HostedPool pool = this.pools.find(userPoolId);
		ModelAndView page = Pages.page("confirm", pool, HttpStatus.OK);
		String username = Pages.required(page, form, "username", pool.signInLabel(), Pages.MAX_NAME);
		page.addObject("username", username);
		String code = Pages.required(page, form, "code", "Code", Pages.MAX_CODE);
		ModelAndView invalid = Pages.ifInvalid(page);
		if (invalid != null) {
			return invalid;
		}
		try {
			this.signUp.confirmSignUp(pool.id(), Pages.clientOf(request, response, pool, this.clients), username,
					code.strip(), false, SignInController.context(request));
		}
		catch (AuthException ex) {
			return Pages.withError(page, "code", codeMessage(ex));
		}
		catch (AliasExistsException ex) {
			return Pages.withError(page, null, ex.getMessage());
		}
		redirect.addFlashAttribute("notice", "Your account is confirmed. You can sign in now.");
		return Pages.seeOther(Pages.path(pool.id(), "login", "login_hint", username));
	}

	@GetMapping("/{userPoolId}/resend")
	ModelAndView resendPage(@PathVariable String userPoolId, @RequestParam(required = false) String username) {
		return usernamePage(userPoolId, "resend", username);
	}

	@PostMapping("/{userPoolId}/resend")
	ModelAndView resend(@PathVariable String userPoolId, @RequestParam Map<String, String> form,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		HostedPool pool = this.pools.find(userPoolId);
		ModelAndView page = Pages.page("resend", pool, HttpStatus.OK);
		String username = Pages.required(page, form, "username", pool.signInLabel(), Pages.MAX_NAME);
		page.addObject("username", username);
		ModelAndView invalid = Pages.ifInvalid(page);
		if (invalid != null) {
			return invalid;
		}
		try {
			this.signUp.resendConfirmationCode(pool.id(), Pages.clientOf(request, response, pool, this.clients),
					username, SignInController.context(request));
		}
		catch (AuthException | CodeLimitExceededException ex) {
			return Pages.withError(page, null, ex.getMessage());
		}
		catch (MessageDeliveryException ex) {
			return Pages.withError(page, null, "We could not send the code. Try again later.");
		}
		redirect.addFlashAttribute("notice",
				"If an account with that name is waiting for confirmation, we sent it a new code.");
		return Pages.seeOther(Pages.path(pool.id(), "confirm", "username", username));
	}

	@GetMapping("/{userPoolId}/forgot-password")
	ModelAndView forgotPasswordPage(@PathVariable String userPoolId, @RequestParam(required = false) String username) {
		return usernamePage(userPoolId, "forgot-password", username);
	}

	@PostMapping("/{userPoolId}/forgot-password")
	ModelAndView forgotPassword(@PathVariable String userPoolId, @RequestParam Map<String, String> form,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		HostedPool pool = this.pools.find(userPoolId);
		ModelAndView page = Pages.page("forgot-password", pool, HttpStatus.OK);
		String username = Pages.required(page, form, "username", pool.signInLabel(), Pages.MAX_NAME);
		page.addObject("username", username);
		ModelAndView invalid = Pages.ifInvalid(page);
		if (invalid != null) {
			return invalid;
		}
		try {
			this.recovery.forgotPassword(pool.id(), Pages.clientOf(request, response, pool, this.clients), username,
					SignInController.context(request));
		}
		catch (AuthException | CodeLimitExceededException ex) {
			return Pages.withError(page, null, ex.getMessage());
		}
		catch (MessageDeliveryException ex) {
			return Pages.withError(page, null, "We could not send the code. Try again later.");
		}
		redirect.addFlashAttribute("notice", "If an account with that name has a verified email address or phone"
				+ " number, we sent it a code. Enter it with your new password.");
		return Pages.seeOther(Pages.path(pool.id(), "reset-password", "username", username));
	}

	@GetMapping("/{userPoolId}/reset-password")
	ModelAndView resetPasswordPage(@PathVariable String userPoolId, @RequestParam(required = false) String username) {
		return usernamePage(userPoolId, "reset-password", username);
	}

	@PostMapping("/{userPoolId}/reset-password")
	ModelAndView resetPassword(@PathVariable String userPoolId, @RequestParam Map<String, String> form,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		HostedPool pool = this.pools.find(userPoolId);
		ModelAndView page = Pages.page("reset-password", pool, HttpStatus.OK);
		String username = Pages.required(page, form, "username", pool.signInLabel(), Pages.MAX_NAME);
		page.addObject("username", username);
		String code = Pages.required(page, form, "code", "Code", Pages.MAX_CODE);
		String password = Pages.required(page, form, "password", "New password", Pages.MAX_PASSWORD);
		String confirmation = Pages.required(page, form, "confirmPassword", "Password confirmation",
				Pages.MAX_PASSWORD);
		if (password != null && confirmation != null && !password.equals(confirmation)) {
			Pages.errors(page).put("confirmPassword", "The two passwords do not match.");
		}
		ModelAndView invalid = Pages.ifInvalid(page);
		if (invalid != null) {
			return invalid;
		}
		try {
			this.recovery.confirmForgotPassword(pool.id(), Pages.clientOf(request, response, pool, this.clients),
					username, code.strip(), password, SignInController.context(request));
		}
		catch (InvalidPasswordException ex) {
			return Pages.withError(page, "password", ex.getMessage());
		}
		catch (AuthException ex) {
			return Pages.withError(page, "code", codeMessage(ex));
		}
		redirect.addFlashAttribute("notice", "Your password has been changed. Sign in with your new password.");
		return Pages.seeOther(Pages.path(pool.id(), "login", "login_hint", username));
	}

	private static ModelAndView signUpForm(HostedPool pool, Map<String, String> form, HttpStatus status) {
		ModelAndView page = Pages.page("signup", pool, status);
		Map<String, String> values = new LinkedHashMap<>();
		form.forEach((name, value) -> {
			if (!name.equals("password") && !name.equals("_csrf") && value != null && value.length() <= Pages.MAX_ATTRIBUTE) {
				values.put(name, value);
			}
		});
		page.addObject("values", values);
		if (status == HttpStatus.FORBIDDEN) {
			page.addObject("error", "Sign-up is not available here. Ask the administrator for an account.");
		}
		return page;
	}

	private static String codeMessage(AuthException ex) {
		return switch (ex.error()) {
			case CODE_MISMATCH -> "That code is not right. Check it and try again.";
			case EXPIRED_CODE -> "That code has expired or was already used. Ask for a new one.";
			case TOO_MANY_FAILED_ATTEMPTS -> "Too many wrong codes. Ask for a new code later.";
			default -> ex.getMessage();
		};
	}

	private static String limited(String value) {
		return (value != null && value.length() <= Pages.MAX_NAME) ? value : null;
	}

}
