package io.gatehouse.identitypool.iam;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gatehouse.identitypool.RefusedException;
import io.gatehouse.identitypool.audit.AuditLog;
import io.gatehouse.identitypool.audit.AuditRecord;
import io.gatehouse.identitypool.config.DatabaseFaults;
import io.gatehouse.identitypool.credentials.Caller;
import io.gatehouse.identitypool.config.AwsQueryXml;
import io.gatehouse.identitypool.config.GatehouseProperties;
import io.gatehouse.identitypool.config.QuerySurface;
import io.gatehouse.identitypool.config.ReceivedRequest;
import io.gatehouse.identitypool.credentials.Authentication;
import io.gatehouse.identitypool.credentials.RequestAuthenticator;
import io.gatehouse.identitypool.decision.PolicyDecisions;
import io.gatehouse.identitypool.provider.OidcProviderService;
import io.gatehouse.identitypool.provider.OidcProviderView;
import io.gatehouse.identitypool.role.RoleService;
import io.gatehouse.identitypool.role.RoleView;
import io.gatehouse.shared.sigv4.SigV4Expectation;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The IAM subset at {@code /iam/}: AWS Query protocol, XML responses, SigV4 for service {@code iam} (in the
 * configured region or {@code us-east-1}, where IAM clients sign). Policy documents are returned
 * percent-encoded, as IAM returns them.
 */
@RestController
final class IamController implements QuerySurface {

	private static final Logger logger = LoggerFactory.getLogger(IamController.class);

	private static final String NS = IamError.NAMESPACE;

	private static final Set<String> ACTIONS = Set.of("CreateRole", "GetRole", "ListRoles", "DeleteRole",
			"UpdateAssumeRolePolicy", "PutRolePolicy", "GetRolePolicy", "ListRolePolicies", "DeleteRolePolicy",
			"CreateOpenIDConnectProvider", "GetOpenIDConnectProvider", "ListOpenIDConnectProviders",
			"DeleteOpenIDConnectProvider");

	private final RoleService roles;

	private final OidcProviderService providers;

	private final RequestAuthenticator authenticator;

	private final PolicyDecisions decisions;

	private final GatehouseProperties gatehouse;

	private final AuditLog audit;

	IamController(RoleService roles, OidcProviderService providers, RequestAuthenticator authenticator,
			PolicyDecisions decisions, GatehouseProperties gatehouse, AuditLog audit) {
		this.audit = audit;
		this.roles = roles;
		this.providers = providers;
		this.authenticator = authenticator;
		this.decisions = decisions;
		this.gatehouse = gatehouse;
	}

	@RequestMapping(path = { "/iam", "/iam/" }, method = { RequestMethod.GET, RequestMethod.POST })
	ResponseEntity<byte[]> handle(HttpServletRequest servletRequest) {
		try {
			return handle(ReceivedRequest.read(servletRequest, this.gatehouse.maxRequestSize().toBytes()));
		}
		catch (RefusedException ex) {
			return error(IamError.of(ex.refusal()), ex.getMessage());
		}
	}

	@Override
	public String signingService() {
		return "iam";
	}

	@Override
	public boolean handlesAction(String action) {
		return ACTIONS.contains(action);
	}

	@Override
	public ResponseEntity<byte[]> handle(ReceivedRequest request) {
		Map<String, String> parameters = Map.of();
		Caller caller = null;
		String action = "";
		IamError failure = null;
		String requestId = UUID.randomUUID().toString();
		try {
			parameters = request.queryProtocolParameters();
			action = parameters.getOrDefault("Action", "");
			Authentication authentication = this.authenticator.authenticate(request,
					SigV4Expectation.of("iam", this.gatehouse.region(), "us-east-1"));
			if (authentication instanceof Authentication.Refused refused) {
				failure = IamError.of(refused.failure());
				return error(failure, refused.message(), requestId);
			}
			caller = ((Authentication.Authenticated) authentication).caller();
			if (!ACTIONS.contains(action)) {
				failure = IamError.INVALID_ACTION;
				return error(failure, "Could not find operation " + action + " for version 2010-05-08", requestId);
			}
			if (!this.decisions.allows(caller, "iam:" + action, resource(action, parameters))) {
				failure = IamError.ACCESS_DENIED;
				return error(failure, "The caller is not authorized to perform iam:" + action + ".", requestId);
			}
			return perform(action, parameters, requestId);
		}
		catch (RefusedException ex) {
			failure = IamError.of(ex.refusal());
			return error(failure, ex.getMessage(), requestId);
		}
		catch (RuntimeException ex) {
			if (DatabaseFaults.unavailable(ex)) {
				logger.warn("IAM request failed: the database is unavailable ({})", ex.toString());
				failure = IamError.SERVICE_UNAVAILABLE;
				return error(failure, "The service is temporarily unavailable. Try again later.", requestId);
			}
			logger.error("IAM request failed", ex);
			failure = IamError.SERVICE_FAILURE;
			return error(failure, "An internal error occurred.", requestId);
		}
		finally {
			audit(request, caller, action, parameters, (failure == null) ? AuditRecord.SUCCESS : failure.code(),
					requestId);
		}
	}

	/** Every IAM call is an administrative action: recorded, refused ones included, without documents. */
	private void audit(ReceivedRequest request, Caller caller, String action, Map<String, String> parameters,
			String outcome, String requestId) {
		String keyId;
		String arn = null;
		if (caller instanceof Caller.Admin admin) {
			keyId = admin.accessKeyId();
		}
		else if (caller instanceof Caller.AssumedRole role) {
			keyId = role.session().accessKeyId();
			arn = this.gatehouse.stsArn("assumed-role/" + role.session().roleName() + "/" + role.session().sessionName());
		}
		else {
			keyId = AuditRecord.claimedKeyId(request.header("Authorization").orElse(null));
		}
		String target = action.equals("CreateOpenIDConnectProvider") ? parameters.get("Url") : resource(action, parameters);
		this.audit.record(new AuditRecord(keyId, caller != null, arn, "iam:" + (action.isEmpty() ? "?" : action),
				"*".equals(target) ? null : target, outcome, request.sourceAddress(),
				request.header("User-Agent").orElse(null), requestId));
	}

	private ResponseEntity<byte[]> perform(String action, Map<String, String> p, String requestId) {
		AwsQueryXml xml = AwsQueryXml.result();
		switch (action) {
			case "CreateRole" -> {
				RoleView role = this.roles.create(required(p, "RoleName"), p.get("Path"),
						required(p, "AssumeRolePolicyDocument"), p.get("Description"), integer(p, "MaxSessionDuration"));
				role(xml.open("Role"), role).close("Role");
			}
			case "GetRole" -> role(xml.open("Role"), this.roles.get(required(p, "RoleName"))).close("Role");
			case "ListRoles" -> {
				List<RoleView> all = this.roles.list(p.get("PathPrefix"));
				int from = page(p.get("Marker"), all.size());
				int max = (integer(p, "MaxItems") == null) ? 100 : integer(p, "MaxItems");
				if (max < 1 || max > 1000) {
					throw RefusedException.invalidParameter("MaxItems must be between 1 and 1000.");
				}
				int to = Math.min(all.size(), from + max);
				xml.open("Roles");
				for (RoleView role : all.subList(from, to)) {
					role(xml.open("member"), role).close("member");
				}
				xml.close("Roles").element("IsTruncated", Boolean.toString(to < all.size()));
				if (to < all.size()) {
					xml.element("Marker", Integer.toString(to));
				}
			}
			case "DeleteRole" -> {
				this.roles.delete(required(p, "RoleName"));
				return xml.respond(action, NS, false, requestId);
			}
			case "UpdateAssumeRolePolicy" -> {
				this.roles.updateAssumeRolePolicy(required(p, "RoleName"), required(p, "PolicyDocument"));
				return xml.respond(action, NS, false, requestId);
			}
			case "PutRolePolicy" -> {
				this.roles.putRolePolicy(required(p, "RoleName"), required(p, "PolicyName"), required(p, "PolicyDocument"));
				return xml.respond(action, NS, false, requestId);
			}
			case "GetRolePolicy" -> {
				String roleName = required(p, "RoleName");
				String policyName = required(p, "PolicyName");
				String document = this.roles.getRolePolicy(roleName, policyName);
				xml.element("RoleName", roleName)
					.element("PolicyName", policyName)
					.element("PolicyDocument", AwsQueryXml.urlEncoded(document));
			}
			case "ListRolePolicies" -> xml.members("PolicyNames", this.roles.listRolePolicies(required(p, "RoleName")))
				.element("IsTruncated", "false");
			case "DeleteRolePolicy" -> {
				this.roles.deleteRolePolicy(required(p, "RoleName"), required(p, "PolicyName"));
				return xml.respond(action, NS, false, requestId);
			}
			case "CreateOpenIDConnectProvider" -> xml.element("OpenIDConnectProviderArn",
					this.providers.create(required(p, "Url"), ReceivedRequest.members(p, "ClientIDList"),
							ReceivedRequest.members(p, "ThumbprintList")));
			case "GetOpenIDConnectProvider" -> {
				OidcProviderView provider = this.providers.get(required(p, "OpenIDConnectProviderArn"));
				xml.element("Url", provider.urlWithoutScheme())
					.members("ClientIDList", provider.clientIds())
					.members("ThumbprintList", provider.thumbprints())
					.element("CreateDate", provider.createdAt());
			}
			case "ListOpenIDConnectProviders" -> {
				xml.open("OpenIDConnectProviderList");
				for (String arn : this.providers.list()) {
					xml.open("member").element("Arn", arn).close("member");
				}
				xml.close("OpenIDConnectProviderList");
			}
			case "DeleteOpenIDConnectProvider" -> {
				this.providers.delete(required(p, "OpenIDConnectProviderArn"));
				return xml.respond(action, NS, false, requestId);
			}
			default -> throw new IllegalStateException("unhandled action");
		}
		return xml.respond(action, NS, true, requestId);
	}

	private String resource(String action, Map<String, String> p) {
		if (action.contains("OpenIDConnectProvider")) {
			return p.getOrDefault("OpenIDConnectProviderArn", "*");
		}
		String roleName = p.get("RoleName");
		return (roleName == null) ? "*" : this.gatehouse.iamArn("role/" + roleName);
	}

	private static AwsQueryXml role(AwsQueryXml xml, RoleView role) {
		return xml.element("Path", role.path())
			.element("RoleName", role.name())
			.element("RoleId", role.roleId())
			.element("Arn", role.arn())
			.element("CreateDate", role.createdAt())
			.element("AssumeRolePolicyDocument", AwsQueryXml.urlEncoded(role.assumeRolePolicyDocument()))
			.element("Description", role.description())
			.element("MaxSessionDuration", Integer.toString(role.maxSessionDuration()));
	}

	private static String required(Map<String, String> parameters, String name) {
		String value = parameters.get(name);
		if (value == null || value.isEmpty()) {
			throw RefusedException.invalidParameter("1 validation error detected: Value null at '" + name
					+ "' failed to satisfy constraint: Member must not be null");
		}
		return value;
	}

	private static Integer integer(Map<String, String> parameters, String name) {
		String value = parameters.get(name);
		if (value == null) {
			return null;
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			throw RefusedException.invalidParameter(name + " must be a number.");
		}
	}

	private static int page(String marker, int size) {
		if (marker == null) {
			return 0;
		}
		try {
			int from = Integer.parseInt(marker);
			if (from < 0 || from > size) {
				throw RefusedException.invalidParameter("Marker is not valid.");
			}
			return from;
		}
		catch (NumberFormatException ex) {
			throw RefusedException.invalidParameter("Marker is not valid.");
		}
	}

	private static ResponseEntity<byte[]> error(IamError error, String message) {
		return AwsQueryXml.error(NS, error.status(), error.type(), error.code(), message);
	}

	private static ResponseEntity<byte[]> error(IamError error, String message, String requestId) {
		return AwsQueryXml.error(NS, error.status(), error.type(), error.code(), message, requestId);
	}

}
