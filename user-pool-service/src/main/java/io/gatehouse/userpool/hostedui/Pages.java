package io.gatehouse.userpool.hostedui;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.gatehouse.userpool.auth.ClientPolicies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every hosted page does the same way: limits on what a form may carry, pages with errors, redirects
 * after POST (303), and the OAuth request that sent the user here.
 */
final class Pages {

	/** A sign-in name: username, email or phone number. */
	static final int MAX_NAME = 2048;

	/** Cognito's longest password; also {@code PasswordValidator.MAXIMUM_LENGTH}. */
	static final int MAX_PASSWORD = 256;

	static final int MAX_CODE = 64;

	static final int MAX_ATTRIBUTE = 2048;

	private static final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();

	private Pages() {
	}

	/** A page of {@code pool}; {@code status} is 200 for a page asked for, 400 for a form sent back with errors. */
	static ModelAndView page(String view, HostedPool pool, HttpStatus status) {
		ModelAndView page = new ModelAndView("hostedui/" + view, status);
		page.addObject("pool", pool);
		page.addObject("errors", new LinkedHashMap<String, String>());
		return page;
	}

	/** The form sent back with {@code message} announced at the top (and, when given, at {@code field}). */
	static ModelAndView withError(ModelAndView page, String field, String message) {
		page.setStatus(HttpStatus.BAD_REQUEST);
		if (field != null) {
			errors(page).put(field, message);
		}
		page.addObject("error", message);
		return page;
	}

	@SuppressWarnings("unchecked")
	static Map<String, String> errors(ModelAndView page) {
		return (Map<String, String>) page.getModel().get("errors");
	}

	/** Checks a required text field; records an error and returns null when it is missing or too long. */
	static String required(ModelAndView page, Map<String, String> form, String field, String label, int max) {
		String value = form.get(field);
		if (value == null || value.isBlank()) {
			errors(page).put(field, "Enter your " + label.toLowerCase(Locale.ROOT) + ".");
			return null;
		}
		if (value.length() > max) {
			errors(page).put(field, label + " is too long (at most " + max + " characters).");
			return null;
		}
		return value;
	}

	/** Turns recorded field errors into a 400 page with a summary; null when there were none. */
	static ModelAndView ifInvalid(ModelAndView page) {
		Map<String, String> errors = errors(page);
		if (errors.isEmpty()) {
			return null;
		}
		page.setStatus(HttpStatus.BAD_REQUEST);
		page.addObject("error", (errors.size() == 1) ? errors.values().iterator().next()
				: "Some fields need your attention: " + String.join(" ", errors.values()));
		return page;
	}

	/** 303 See Other to a path of this service (the Post/Redirect/Get pattern). */
	static ModelAndView seeOther(String path) {
		RedirectView redirect = new RedirectView(path, true);
		redirect.setStatusCode(HttpStatus.SEE_OTHER);
		redirect.setExposeModelAttributes(false);
		return new ModelAndView(redirect);
	}

	/** {@code /{poolId}/{page}?name=value...}, encoded. */
	static String path(String poolId, String page, String... query) {
		UriComponentsBuilder builder = UriComponentsBuilder.newInstance().pathSegment(poolId, page);
		Map<String, Object> values = new LinkedHashMap<>();
		for (int i = 0; i + 1 < query.length; i += 2) {
			if (query[i + 1] != null) {
				builder.queryParam(query[i], "{v" + i + "}");
				values.put("v" + i, query[i + 1]);
			}
		}
		return builder.encode().buildAndExpand(values).toUriString();
	}

	/**
	 * The OAuth authorization request that sent the user to sign in at {@code poolId}, saved in the session by
	 * the authorization endpoint; empty when there is none for this pool.
	 */
	static Optional<SavedAuthorization> savedAuthorization(HttpServletRequest request,
			HttpServletResponse response, String poolId) {
		SavedRequest saved = savedRequests.getRequest(request, response);
		if (saved == null) {
			return Optional.empty();
		}
		URI uri;
		try {
			uri = URI.create(saved.getRedirectUrl());
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		String path = uri.getRawPath();
		if (path == null || !path.startsWith("/" + poolId + "/")) {
			return Optional.empty();
		}
		// Only the path and query are kept: the redirect stays on this service whatever Host the request had.
		String target = path + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
		return Optional.of(new SavedAuthorization(first(saved, "client_id"), first(saved, "login_hint"), target));
	}

	/**
	 * The client of the OAuth request being served, when it is one of this pool's; null otherwise (the pages
	 * then act as for a client that reveals nothing about users).
	 */
	static String clientOf(HttpServletRequest request, HttpServletResponse response, HostedPool pool,
			ClientPolicies clients) {
		String clientId = savedAuthorization(request, response, pool.id()).map(SavedAuthorization::clientId)
			.orElse(null);
		if (clientId == null) {
			return null;
		}
		try {
			return clients.of(pool.id(), clientId).clientId();
		}
		catch (RuntimeException ex) {
			// Not a client of this pool (the authorization endpoint would not have saved it): act without one.
			return null;
		}
	}

	static void forgetSavedAuthorization(HttpServletRequest request, HttpServletResponse response) {
		savedRequests.removeRequest(request, response);
	}

	private static String first(SavedRequest saved, String name) {
		String[] values = saved.getParameterValues(name);
		return (values != null && values.length > 0 && values[0] != null && values[0].length() <= MAX_NAME) ? values[0]
				: null;
	}

	/**
	 * @param clientId the requesting client ({@code client_id}), already checked by the authorization endpoint
	 * @param loginHint OIDC {@code login_hint}
	 * @param target where to continue after sign-in: a path (with query) below the pool's issuer
	 */
	record SavedAuthorization(String clientId, String loginHint, String target) {
	}

}
