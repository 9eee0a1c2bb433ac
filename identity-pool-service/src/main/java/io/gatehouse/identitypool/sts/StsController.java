package io.gatehouse.identitypool.sts;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gatehouse.identitypool.RefusedException;
import io.gatehouse.identitypool.config.AwsQueryXml;
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
 * The STS subset at {@code /sts/}: AWS Query protocol, XML responses, SigV4 for service {@code sts}.
 * {@code GetCallerIdentity} names the assumed role of temporary credentials, so the AWS SDK's STS client
 * can check credentials this service issued.
 */
@RestController
final class StsController implements QuerySurface {

	private static final Logger logger = LoggerFactory.getLogger(StsController.class);

	static final String NS = "https://sts.amazonaws.com/doc/2011-06-15/";

	private final RequestAuthenticator authenticator;

	private final RoleService roles;

	private final GatehouseProperties gatehouse;

	StsController(RequestAuthenticator authenticator, RoleService roles, GatehouseProperties gatehouse) {
		this.authenticator = authenticator;
		this.roles = roles;
		this.gatehouse = gatehouse;
	}

	@RequestMapping(path = { "/sts", "/sts/" }, method = { RequestMethod.GET, RequestMethod.POST })
	ResponseEntity<byte[]> handle(HttpServletRequest servletRequest) {
		try {
			return handle(ReceivedRequest.read(servletRequest, this.gatehouse.maxRequestSize().toBytes()));
		}
		catch (RefusedException ex) {
			return error(400, "InvalidParameterValue", ex.getMessage());
		}
	}

	@Override
	public String signingService() {
		return "sts";
	}

	@Override
	public boolean handlesAction(String action) {
		return "GetCallerIdentity".equals(action);
	}

	@Override
	public ResponseEntity<byte[]> handle(ReceivedRequest request) {
		try {
			Map<String, String> parameters = request.queryProtocolParameters();
			String action = parameters.getOrDefault("Action", "");
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
			return error(400, "InvalidParameterValue", ex.getMessage());
		}
		catch (RuntimeException ex) {
			logger.error("STS request failed", ex);
			return AwsQueryXml.error(NS, 500, "Receiver", "InternalFailure", "An internal error occurred.");
		}
	}

	private ResponseEntity<byte[]> getCallerIdentity(Caller caller) {
		AwsQueryXml xml = AwsQueryXml.result();
		if (caller instanceof Caller.AssumedRole assumed) {
			SessionClaims session = assumed.session();
			String roleId = this.roles.policiesOf(session.roleArn())
				.map(RolePolicies::role)
				.map((role) -> role.roleId())
				.orElse("AROAUNKNOWN");
			xml.element("Arn", this.gatehouse.stsArn("assumed-role/" + session.roleName() + "/" + session.identityId()))
				.element("UserId", roleId + ":" + session.identityId())
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
