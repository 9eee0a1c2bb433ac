package io.gatehouse.identitypool.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.gatehouse.identitypool.RefusedException;
import io.gatehouse.identitypool.config.GatehouseProperties;
import io.gatehouse.identitypool.config.ReceivedRequest;
import io.gatehouse.identitypool.credentials.Authentication;
import io.gatehouse.identitypool.credentials.Caller;
import io.gatehouse.identitypool.credentials.RequestAuthenticator;
import io.gatehouse.identitypool.credentials.SessionClaims;
import io.gatehouse.shared.policy.Decision;
import io.gatehouse.shared.sigv4.SigV4Expectation;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The authorization decision API for resource servers: {@code POST /decisions} with a
 * {@link DecisionRequest}, answered with a {@link DecisionResponse}. The forwarded request's signature is
 * verified with the secret sealed in its session token, so any instance answers without a database read
 * for the credentials; the role's policies come from a short-lived cache.
 */
@RestController
final class DecisionController {

	private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

	private final RequestAuthenticator authenticator;

	private final PolicyDecisions decisions;

	private final GatehouseProperties gatehouse;

	private final JsonMapper json;

	DecisionController(RequestAuthenticator authenticator, PolicyDecisions decisions, GatehouseProperties gatehouse) {
		this.authenticator = authenticator;
		this.decisions = decisions;
		this.gatehouse = gatehouse;
		JsonFactory factory = JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(64 * 1024).build())
			.build();
		this.json = JsonMapper.builder(factory)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
			.build();
	}

	@PostMapping(path = "/decisions")
	ResponseEntity<byte[]> decide(HttpServletRequest servletRequest) {
		ReceivedRequest received = ReceivedRequest.read(servletRequest, this.gatehouse.maxRequestSize().toBytes());
		DecisionRequest request;
		try {
			request = this.json.readValue(received.body(), DecisionRequest.class);
		}
		catch (JacksonException ex) {
			throw RefusedException.invalidParameter("The body is not a valid decision request.");
		}
		if (request == null || request.request() == null || blank(request.request().method())
				|| blank(request.request().path()) || request.request().headers() == null
				|| blank(request.signingService()) || blank(request.action())) {
			throw RefusedException.invalidParameter(
					"A decision request needs request.method, request.path, request.headers, signingService and action.");
		}
		DecisionResponse response = answer(request);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this.json.writeValueAsBytes(response));
	}

	private DecisionResponse answer(DecisionRequest request) {
		DecisionRequest.ForwardedRequest forwarded = request.request();
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		forwarded.headers().forEach((name, values) -> {
			if (name != null && values != null) {
				headers.put(name, values.stream().filter((v) -> v != null).toList());
			}
		});
		String payload = forwarded.payloadSha256();
		if (blank(payload)) {
			List<String> declared = headers.get("x-amz-content-sha256");
			payload = (declared != null && !declared.isEmpty()) ? declared.get(0) : EMPTY_SHA256;
		}
		ReceivedRequest signed = ReceivedRequest.forwarded(forwarded.method(), forwarded.path(), forwarded.query(),
				headers, payload.toLowerCase(java.util.Locale.ROOT));
		String region = blank(request.signingRegion()) ? this.gatehouse.region() : request.signingRegion();
		Authentication authentication = this.authenticator.authenticate(signed,
				SigV4Expectation.of(request.signingService(), region));
		if (authentication instanceof Authentication.Refused refused) {
			return refused(code(refused.failure()), refused.message());
		}
		Caller caller = ((Authentication.Authenticated) authentication).caller();
		if (!(caller instanceof Caller.AssumedRole assumed)) {
			return refused("InvalidClientTokenId", "Only temporary credentials of an identity pool are decided here.");
		}
		SessionClaims session = assumed.session();
		PolicyDecisions.Outcome outcome = this.decisions.decide(session, request.action(), request.resource(),
				(request.context() == null) ? Map.of() : request.context());
		Decision decision = outcome.decision();
		DecisionResponse.Principal principal = new DecisionResponse.Principal(
				this.gatehouse.stsArn("assumed-role/" + session.roleName() + "/" + session.sessionName()),
				session.identityId(), session.identityPoolId(), session.accessKeyId(), session.amr(),
				session.expiration());
		DecisionResponse.Statement statement = decision.statement()
			.map((ref) -> new DecisionResponse.Statement(outcome.policyName().orElse(null), ref.statementIndex(),
					ref.sid().orElse(null), ref.effect().name()))
			.orElse(null);
		List<String> reasons = new ArrayList<>();
		if (outcome.problem() != null) {
			reasons.add(outcome.problem());
		}
		for (Decision.Mismatch mismatch : decision.mismatches()) {
			String policy = (outcome.role() != null) ? outcome.role().policyNames().get(mismatch.statement().policyIndex()) : "?";
			reasons.add(policy + "[" + mismatch.statement().statementIndex() + "]"
					+ mismatch.statement().sid().map((sid) -> " (" + sid + ")").orElse("") + ": " + mismatch.detail());
		}
		if (decision.outcome() == Decision.Outcome.IMPLICIT_DENY && reasons.isEmpty()) {
			reasons.add("The role has no policy statement for this action.");
		}
		return new DecisionResponse(decision.isAllowed(), decision.outcome().name(), null, principal,
				session.roleArn(), session.principalTags(), statement, reasons.isEmpty() ? null : reasons);
	}

	private static DecisionResponse refused(String code, String message) {
		return new DecisionResponse(false, "NOT_AUTHENTICATED", new DecisionResponse.Error(code, message), null, null,
				null, null, null);
	}

	private static String code(Authentication.Failure failure) {
		return switch (failure) {
			case MISSING -> "MissingAuthenticationToken";
			case INCOMPLETE -> "IncompleteSignature";
			case UNRECOGNIZED -> "InvalidClientTokenId";
			case INVALID_SIGNATURE -> "SignatureDoesNotMatch";
			case EXPIRED_TOKEN -> "ExpiredToken";
		};
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
