package io.gatehouse.identitypool.sts;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gatehouse.identitypool.RefusedException;
import io.gatehouse.identitypool.config.AwsQueryXml;
import io.gatehouse.identitypool.config.DatabaseFaults;
import io.gatehouse.boot.SourceRateLimiter;
import io.gatehouse.identitypool.config.GatehouseProperties;
import io.gatehouse.identitypool.config.QuerySurface;
import io.gatehouse.identitypool.config.ReceivedRequest;
import io.gatehouse.identitypool.credentials.Authentication;
import io.gatehouse.identitypool.credentials.Caller;
import io.gatehouse.identitypool.credentials.RequestAuthenticator;
import io.gatehouse.identitypool.credentials.SessionClaims;
import io.gatehouse.identitypool.role.RolePolicies;
import io.gatehouse.identitypool.role.RoleService;
import io.gatehouse.shared.sigv4.SigV4Expectation;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The STS subset at {@code /sts/}: AWS Query protocol, XML responses. {@code GetCallerIdentity} (SigV4 for
 * service {@code sts}) names the assumed role of temporary credentials, so the AWS SDK's STS client can
 * check credentials this service issued. {@code AssumeRoleWithWebIdentity} is unsigned, as in AWS: the web
 * identity token is the proof; it is rate-limited per source address.
 */
@RestController
final class StsController implements QuerySurface {

	private static final Logger logger = LoggerFactory.getLogger(StsController.class);

	static final String NS = "https://sts.amazonaws.com/doc/2011-06-15/";

	private final RequestAuthenticator authenticator;

	private final RoleService roles;

	private final WebIdentityFederation federation;

	private final SourceRateLimiter rateLimiter;

	private final GatehouseProperties gatehouse;

	StsController(RequestAuthenticator authenticator, RoleService roles, WebIdentityFederation federation,
			SourceRateLimiter rateLimiter, GatehouseProperties gatehouse) {
		this.authenticator = authenticator;
		this.roles = roles;
		this.federation = federation;
		this.rateLimiter = rateLimiter;
		this.gatehouse = gatehouse;
	}

	@RequestMapping(path = { "/sts", "/sts/" }, method = { RequestMethod.GET, RequestMethod.POST })
	ResponseEntity<byte[]> handle(HttpServletRequest servletRequest) {
		try {
			return handle(ReceivedRequest.read(servletRequest, this.gatehouse.maxRequestSize().toBytes()));
		}
		catch (RefusedException ex) {
			return refused(ex);
		}
	}

	@Override
	public String signingService() {
		return "sts";
	}

	@Override
	public boolean handlesAction(String action) {
		return "GetCallerIdentity".equals(action) || "AssumeRoleWithWebIdentity".equals(action);
	}

	@Override
	public ResponseEntity<byte[]> handle(ReceivedRequest request) {
		try {
			Map<String, String> parameters = request.queryProtocolParameters();
			String action = parameters.getOrDefault("Action", "");
			if (action.equals("AssumeRoleWithWebIdentity")) {
				return assumeRoleWithWebIdentity(request, parameters);
			}
			if (!action.equals("GetCallerIdentity")) {
				return error(400, "InvalidAction", "Could not find operation " + action + " for version 2011-06-15");
			}
			Authentication authentication = this.authenticator.authenticate(request,
					SigV4Expectation.of("sts", this.gatehouse.region(), "us-east-1"));
			if (authentication instanceof Authentication.Refused refused) {
				return error(403, code(refused.failure()), refused.message());
			}
			return getCallerIdentity(((Authentication.Authenticated) authentication).caller());
		}
		catch (RefusedException ex) {
			return refused(ex);
		}
		catch (RuntimeException ex) {
			if (DatabaseFaults.unavailable(ex)) {
				logger.warn("STS request failed: the database is unavailable ({})", ex.toString());
				return AwsQueryXml.error(NS, 503, "Receiver", "ServiceUnavailable",
						"The service is temporarily unavailable. Try again later.");
			}
			logger.error("STS request failed", ex);
			return AwsQueryXml.error(NS, 500, "Receiver", "InternalFailure", "An internal error occurred.");
		}
	}

	private ResponseEntity<byte[]> assumeRoleWithWebIdentity(ReceivedRequest request, Map<String, String> p) {
		// An Authorization header an SDK adds anyway is ignored: the token is the proof.
		if (!this.rateLimiter.tryAcquire(request.sourceAddress())) {
			return error(400, "Throttling", "Rate exceeded");
		}
		if (p.containsKey("ProviderId")) {
			return error(400, "ValidationError", "ProviderId is for OAuth 2.0 access tokens; only OpenID Connect ID tokens are accepted.");
		}
		if (p.containsKey("Policy") || p.keySet().stream().anyMatch((name) -> name.startsWith("PolicyArns."))) {
			return error(400, "ValidationError", "Session policies (Policy, PolicyArns) are not supported by this installation.");
		}
		Integer duration;
		try {
			duration = p.containsKey("DurationSeconds") ? Integer.valueOf(p.get("DurationSeconds")) : null;
		}
		catch (NumberFormatException ex) {
			return error(400, "ValidationError", "DurationSeconds must be a number.");
		}
		WebIdentityFederation.AssumedRole assumed = this.federation.assume(p.get("RoleArn"), p.get("RoleSessionName"),
				p.get("WebIdentityToken"), duration);
		return AwsQueryXml.result()
			.open("Credentials")
			.element("AccessKeyId", assumed.credentials().accessKeyId())
			.element("SecretAccessKey", assumed.credentials().secretAccessKey())
			.element("SessionToken", assumed.credentials().sessionToken())
			.element("Expiration", assumed.credentials().expiration())
			.close("Credentials")
			.element("SubjectFromWebIdentityToken", assumed.subject())
			.open("AssumedRoleUser")
			.element("Arn", assumed.assumedRoleArn())
			.element("AssumedRoleId", assumed.assumedRoleId())
			.close("AssumedRoleUser")
			.element("Provider", assumed.provider())
			.element("Audience", assumed.audience())
			.respond("AssumeRoleWithWebIdentity", NS, true);
	}

	/** STS's error codes for AssumeRoleWithWebIdentity and the common errors. */
	private static ResponseEntity<byte[]> refused(RefusedException ex) {
		return switch (ex.refusal()) {
			case INVALID_PARAMETER, MALFORMED_POLICY, CONFLICT, ALREADY_EXISTS, INVALID_POOL_CONFIGURATION,
					LIMIT_EXCEEDED -> error(400, "ValidationError", ex.getMessage());
			case NOT_AUTHORIZED, NOT_FOUND -> error(400, "InvalidIdentityToken", ex.getMessage());
			case EXPIRED_TOKEN -> error(400, "ExpiredTokenException", ex.getMessage());
			case EXTERNAL_SERVICE -> error(400, "IDPCommunicationError", ex.getMessage());
			case ACCESS_DENIED -> error(403, "AccessDenied", ex.getMessage());
			case TOO_MANY_REQUESTS -> error(400, "Throttling", "Rate exceeded");
		};
	}

	private ResponseEntity<byte[]> getCallerIdentity(Caller caller) {
		AwsQueryXml xml = AwsQueryXml.result();
		if (caller instanceof Caller.AssumedRole assumed) {
			SessionClaims session = assumed.session();
			String roleId = this.roles.policiesOf(session.roleArn())
				.map(RolePolicies::role)
				.map((role) -> role.roleId())
				.orElse("AROAUNKNOWN");
			xml.element("Arn", this.gatehouse.stsArn("assumed-role/" + session.roleName() + "/" + session.sessionName()))
				.element("UserId", roleId + ":" + session.sessionName())
				.element("Account", this.gatehouse.accountId());
		}
		else {
			xml.element("Arn", this.gatehouse.iamArn("root"))
				.element("UserId", this.gatehouse.accountId())
				.element("Account", this.gatehouse.accountId());
		}
		return xml.respond("GetCallerIdentity", NS, true);
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

	private static ResponseEntity<byte[]> error(int status, String code, String message) {
		return AwsQueryXml.error(NS, status, "Sender", code, message);
	}

}
