package io.gatehouse.userpool.demo;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.gatehouse.userpool.config.GatehouseProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The demo relying party: a tiny web app that signs its users in with the demo pool exactly as any app would
 * (authorization code with PKCE, {@code state} and {@code nonce}), exchanges the code on the server and shows
 * the tokens decoded. It talks to the pool only over HTTP, through the public base URL.
 */
@Controller
final class DemoController {

	private static final String FLOW = DemoController.class.getName() + ".FLOW";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final DemoSeed seed;

	private final GatehouseProperties gatehouse;

	private final RestClient http = RestClient.create();

	private final SecureRandom random = new SecureRandom();

	DemoController(DemoSeed seed, GatehouseProperties gatehouse) {
		this.seed = seed;
		this.gatehouse = gatehouse;
	}

	@GetMapping(DemoPaths.HOME)
	ModelAndView home() {
		Optional<DemoApp> app = this.seed.find();
		if (app.isEmpty()) {
			return new ModelAndView("demo/not-seeded", HttpStatus.NOT_FOUND);
		}
		ModelAndView page = new ModelAndView("demo/home");
		page.addObject("issuer", DemoSeed.issuer(this.gatehouse, app.get()).toString());
		return page;
	}

	@GetMapping(DemoPaths.START)
	ModelAndView start(HttpServletRequest request) {
		Optional<DemoApp> app = this.seed.find();
		if (app.isEmpty()) {
			return new ModelAndView("demo/not-seeded", HttpStatus.NOT_FOUND);
		}
		Flow flow = new Flow(randomValue(), randomValue(), randomValue());
		request.getSession().setAttribute(FLOW, flow);
		String authorize = UriComponentsBuilder.fromUriString(DemoSeed.issuer(this.gatehouse, app.get()) + "/oauth2/authorize")
			.queryParam("response_type", "code")
			.queryParam("client_id", app.get().clientId())
			.queryParam("redirect_uri", DemoPaths.base(this.gatehouse) + DemoPaths.CALLBACK)
			.queryParam("scope", "openid email profile")
			.queryParam("state", flow.state())
			.queryParam("nonce", flow.nonce())
			.queryParam("code_challenge", challenge(flow.verifier()))
			.queryParam("code_challenge_method", "S256")
			.encode()
			.build()
			.toUriString();
		RedirectView redirect = new RedirectView(authorize);
		redirect.setStatusCode(HttpStatus.SEE_OTHER);
		return new ModelAndView(redirect);
	}

	@GetMapping(DemoPaths.CALLBACK)
	ModelAndView callback(@RequestParam(required = false) String code, @RequestParam(required = false) String state,
			@RequestParam(required = false) String iss, @RequestParam(required = false) String error,
			HttpServletRequest request) {
		Optional<DemoApp> app = this.seed.find();
		HttpSession session = request.getSession(false);
		Flow flow = (session != null && session.getAttribute(FLOW) instanceof Flow saved) ? saved : null;
		if (app.isEmpty() || flow == null) {
			return problem("This sign-in did not start here. Start again from the demo page.");
		}
		session.removeAttribute(FLOW);
		String issuer = DemoSeed.issuer(this.gatehouse, app.get()).toString();
		if (error != null) {
			return problem("The sign-in ended with the error " + error + ".");
		}
		if (code == null || !flow.state().equals(state) || !issuer.equals(iss)) {
			return problem("The answer did not match the request (state or issuer). Start again.");
		}
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "authorization_code");
		form.add("code", code);
		form.add("redirect_uri", DemoPaths.base(this.gatehouse) + DemoPaths.CALLBACK);
		form.add("client_id", app.get().clientId());
		form.add("code_verifier", flow.verifier());
		JsonNode tokens;
		try {
			tokens = json.readTree(this.http.post()
				.uri(issuer + "/oauth2/token")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(form)
				.retrieve()
				.body(String.class));
		}
		catch (RestClientResponseException ex) {
			return problem("The token endpoint refused the code (HTTP " + ex.getStatusCode().value() + ").");
		}
		Map<String, String> decoded = new LinkedHashMap<>();
		JsonNode idToken = claims(tokens.path("id_token").asString(""));
		if (!flow.nonce().equals(idToken.path("nonce").asString(""))) {
			return problem("The ID token does not carry this sign-in's nonce.");
		}
		decoded.put("ID token", json.writerWithDefaultPrettyPrinter().writeValueAsString(idToken));
		decoded.put("Access token",
				json.writerWithDefaultPrettyPrinter().writeValueAsString(claims(tokens.path("access_token").asString(""))));
		ModelAndView page = new ModelAndView("demo/tokens");
		page.addObject("tokens", decoded);
		page.addObject("refreshToken", abbreviate(tokens.path("refresh_token").asString("")));
		page.addObject("expiresIn", tokens.path("expires_in").asString(""));
		page.addObject("logout", UriComponentsBuilder.fromUriString(issuer + "/logout")
			.queryParam("client_id", app.get().clientId())
			.queryParam("logout_uri", DemoPaths.base(this.gatehouse) + DemoPaths.HOME)
			.queryParam("id_token_hint", tokens.path("id_token").asString(""))
			.queryParam("post_logout_redirect_uri", DemoPaths.base(this.gatehouse) + DemoPaths.HOME)
			.encode()
			.build()
			.toUriString());
		return page;
	}

	private static ModelAndView problem(String message) {
		ModelAndView page = new ModelAndView("demo/problem", HttpStatus.BAD_REQUEST);
		page.addObject("message", message);
		return page;
	}

	/** The claims of a JWT, decoded for display only: the demo shows tokens, it does not trust them. */
	private static JsonNode claims(String jwt) {
		String[] parts = jwt.split("\\.");
		if (parts.length != 3) {
			return json.createObjectNode();
		}
		return json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
	}

	private static String abbreviate(String token) {
		return (token.length() > 16) ? token.substring(0, 8) + "…" + token.substring(token.length() - 4) : token;
	}

	private String randomValue() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** One sign-in in progress, kept in the web session. */
	record Flow(String state, String nonce, String verifier) implements Serializable {
	}

}
