package io.gatehouse.identitypool.config;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatehouse.identitypool.RefusedException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Query-protocol requests posted to {@code /} (the IAM and STS SDK clients drop an endpoint's path): routed
 * by the service of the signature's credential scope, else by the action. The Cognito JSON door also lives
 * at {@code /} but always carries {@code X-Amz-Target}.
 */
@RestController
final class QueryProtocolRouter {

	private static final Pattern SCOPE_SERVICE = Pattern.compile("Credential=[^/,\\s]+/\\d{8}/[^/,\\s]+/([^/,\\s]+)/aws4_request");

	private final List<QuerySurface> surfaces;

	private final GatehouseProperties gatehouse;

	QueryProtocolRouter(List<QuerySurface> surfaces, GatehouseProperties gatehouse) {
		this.surfaces = surfaces;
		this.gatehouse = gatehouse;
	}

	@PostMapping(path = "/", headers = "!X-Amz-Target")
	ResponseEntity<byte[]> route(HttpServletRequest servletRequest) {
		ReceivedRequest request = ReceivedRequest.read(servletRequest, this.gatehouse.maxRequestSize().toBytes());
		String service = request.header("Authorization").map(SCOPE_SERVICE::matcher).filter(Matcher::find)
			.map((m) -> m.group(1)).orElse(null);
		String action = request.queryProtocolParameters().getOrDefault("Action", "");
		for (QuerySurface surface : this.surfaces) {
			if ((service != null) ? surface.signingService().equals(service) : surface.handlesAction(action)) {
				return surface.handle(request);
			}
		}
		throw RefusedException.invalidParameter("The request names no known service or action.");
	}

}
