package io.gatehouse.userpool.cognito;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.gatehouse.boot.SourceRateLimiter;
import io.gatehouse.shared.sigv4.SignableRequest;
import io.gatehouse.userpool.admin.AdminAuthentication;
import io.gatehouse.userpool.admin.AdminAuthenticator;
import io.gatehouse.userpool.audit.AdminOperationEvent;
import io.gatehouse.userpool.audit.AuditLog;
import io.gatehouse.userpool.audit.AuditOutcome;
import io.gatehouse.userpool.audit.RequestOrigin;
import io.gatehouse.userpool.auth.AuthException;
import io.gatehouse.userpool.client.AppClient;
import io.gatehouse.userpool.client.AppClientNotFoundException;
import io.gatehouse.userpool.client.AppClientService;
import io.gatehouse.userpool.selfservice.SelfService;
import io.gatehouse.userpool.token.InvalidRefreshTokenException;
import io.gatehouse.userpool.code.CodeLimitExceededException;
import io.gatehouse.userpool.group.GroupExistsException;
import io.gatehouse.userpool.group.GroupNotFoundException;
import io.gatehouse.userpool.mail.MessageDeliveryException;
import io.gatehouse.userpool.password.InvalidPasswordException;
import io.gatehouse.userpool.useradmin.UserStateException;
import io.gatehouse.userpool.user.AliasExistsException;
import io.gatehouse.userpool.user.InvalidUserParameterException;
import io.gatehouse.userpool.user.UserNotFoundException;
import io.gatehouse.userpool.user.UsernameExistsException;
import io.gatehouse.userpool.client.OAuthFlowNotAllowedException;
import io.gatehouse.userpool.client.OAuthScopeNotFoundException;
import io.gatehouse.userpool.pool.InvalidSettingException;
import io.gatehouse.userpool.pool.UserPoolNotFoundException;

import org.springframework.dao.NonTransientDataAccessResourceException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Cognito Identity Provider API: {@code POST /} with {@code X-Amz-Target:
 * AWSCognitoIdentityProviderService.<Operation>} and an AWS JSON 1.1 body. In order: the operation is
 * looked up, the body is read up to a limit, the caller is authenticated, and only then is the body
 * parsed and the operation run, so an unauthenticated caller learns nothing from the body and changes
 * nothing. Every outcome is one JSON document; errors are {@code {"__type", "message"}} with the
 * {@code x-amzn-ErrorType} header, never a stack trace.
 */
@RestController
final class CognitoApiController {

	static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";

	static final MediaType AMZ_JSON = MediaType.parseMediaType("application/x-amz-json-1.1");

	private static final Logger logger = LoggerFactory.getLogger(CognitoApiController.class);

	private static final Pattern CLAIMED_KEY = Pattern.compile("Credential=([A-Za-z0-9]{1,128})/");

	private final Map<String, CognitoOperation> operations;

	private final AdminAuthenticator adminAuthenticator;

	private final WireResponses responses;

	private final JsonMapper json;

	private final SourceRateLimiter rateLimiter;

	private final long maxRequestBytes;

	private final AuditLog audit;

	private final AppClientService clients;

	private final SelfService selfService;

	CognitoApiController(List<CognitoOperation.Group> groups, AdminAuthenticator adminAuthenticator,
			WireResponses responses, CognitoApiProperties properties, AuditLog audit, AppClientService clients,
			SelfService selfService, SourceRateLimiter rateLimiter) {
		this.rateLimiter = rateLimiter;
		this.audit = audit;
		this.clients = clients;
		this.selfService = selfService;
		this.operations = groups.stream()
			.flatMap((group) -> group.operations().stream())
			.collect(Collectors.toUnmodifiableMap(CognitoOperation::name, Function.identity()));
		this.adminAuthenticator = adminAuthenticator;
		this.responses = responses;
		this.json = responses.json();
		this.maxRequestBytes = properties.maxRequestSize().toBytes();
	}

	@PostMapping("/")
	ResponseEntity<byte[]> handle(HttpServletRequest request) {
		String requestId = UUID.randomUUID().toString();
		CognitoOperation operation = null;
		String caller = null;
		WireRequest.Subject subject = WireRequest.Subject.NONE;
		try {
			operation = operation(request.getHeader("X-Amz-Target"));
			checkContentType(request.getContentType());
			byte[] body = readBody(request);
			WireRequest wire;
			Caller authenticated;
			if (operation.authentication() == CognitoOperation.Authentication.ADMIN_SIGV4) {
				caller = authenticate(operation, request, body);
				authenticated = new Caller.Admin(caller);
				wire = WireRequest.parse(this.json, operation.name(), body);
			}
			else {
				// Client-keyed operations (SignUp, InitiateAuth, ForgotPassword...) can be called by anyone:
				// throttle per source before any work (SECURITY.md: 429, never 500).
				if (operation.authentication() == CognitoOperation.Authentication.CLIENT
						&& !this.rateLimiter.tryAcquire(request.getRemoteAddr())) {
					throw new CognitoException(CognitoError.TOO_MANY_REQUESTS, "Rate exceeded");
				}
				// The credential (ClientId, AccessToken) is in the body: it is read first, and nothing else is
				// looked at until it is accepted.
				wire = WireRequest.parse(this.json, operation.name(), body);
				authenticated = authenticateInBody(operation, wire);
			}
			subject = wire.subject();
			wire.bind(authenticated, RequestOrigin.of(request, requestId));
			ObjectNode result = operation.handler().handle(wire);
			audit(operation, caller, subject, AuditOutcome.SUCCESS, null, request, requestId);
			return respond(requestId, result, null);
		}
		catch (RuntimeException ex) {
			Failure failure = failure(ex);
			if (failure.error() == CognitoError.INTERNAL_ERROR) {
				logger.error("Internal error in {} (request {})", (operation != null) ? operation.name() : null,
						requestId, ex);
			}
			audit(operation, caller, subject, (caller != null) ? AuditOutcome.FAILURE : AuditOutcome.REFUSED,
					failure.error().type(), request, requestId);
			ObjectNode body = this.json.createObjectNode();
			body.put("__type", failure.error().type());
			body.put("message", failure.message());
			return respond(requestId, body, failure.error());
		}
	}

	/**
	 * Every admin operation is audited, accepted or refused. A refused call is recorded with the key id it
	 * claimed (never its signature) and nothing from its body, which was not read. Calls naming no operation
	 * are not admin operations and are not recorded.
	 */
	private void audit(CognitoOperation operation, String caller, WireRequest.Subject subject, AuditOutcome outcome,
			String errorType, HttpServletRequest request, String requestId) {
		if (operation == null || operation.authentication() != CognitoOperation.Authentication.ADMIN_SIGV4) {
			return;
		}
		String actor = (caller != null) ? caller : claimedAccessKeyId(request);
		this.audit.record(new AdminOperationEvent(operation.name(), actor, subject.poolId(), subject.target(), outcome,
				errorType, RequestOrigin.of(request, requestId)));
	}

	/** The access key id a signed request names, if it looks like one; for the audit of refused calls. */
	private static String claimedAccessKeyId(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		String credential = (authorization != null) ? authorization : request.getQueryString();
		if (credential == null) {
			return null;
		}
		Matcher matcher = CLAIMED_KEY.matcher(credential.replace("X-Amz-Credential=", "Credential="));
		return matcher.find() ? matcher.group(1) : null;
	}

	private CognitoOperation operation(String target) {
		if (target == null || !target.startsWith(TARGET_PREFIX)) {
			throw new CognitoException(CognitoError.UNKNOWN_OPERATION,
					"X-Amz-Target must name an operation of AWSCognitoIdentityProviderService.");
		}
		CognitoOperation operation = this.operations.get(target.substring(TARGET_PREFIX.length()));
		if (operation == null) {
			throw new CognitoException(CognitoError.UNKNOWN_OPERATION, null);
		}
		return operation;
	}

	private static void checkContentType(String contentType) {
		MediaType type;
		try {
			type = (contentType != null) ? MediaType.parseMediaType(contentType) : null;
		}
		catch (IllegalArgumentException ex) {
			type = null;
		}
		if (type == null || !AMZ_JSON.equalsTypeAndSubtype(type)) {
			throw new CognitoException(CognitoError.INVALID_PARAMETER,
					"Content-Type must be application/x-amz-json-1.1.");
		}
	}

	private byte[] readBody(HttpServletRequest request) {
		if (request.getContentLengthLong() > this.maxRequestBytes) {
			throw tooLarge();
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes((int) this.maxRequestBytes + 1);
			if (body.length > this.maxRequestBytes) {
				throw tooLarge();
			}
			return body;
		}
		catch (IOException ex) {
			throw new CognitoException(CognitoError.INVALID_PARAMETER, "The request body could not be read.");
		}
	}

	private CognitoException tooLarge() {
		return new CognitoException(CognitoError.INVALID_PARAMETER,
				"The request body is larger than " + this.maxRequestBytes + " bytes.");
	}

	/**
	 * {@code CLIENT} and {@code ACCESS_TOKEN} operations: the client or the user comes from the body. Any
	 * {@code Authorization} header is ignored (SDKs configured with credentials sign these calls anyway).
	 */
	private Caller authenticateInBody(CognitoOperation operation, WireRequest wire) {
		if (operation.authentication() == CognitoOperation.Authentication.CLIENT) {
			String clientId = wire.required("ClientId", WireShape.CLIENT_ID);
			AppClient client = this.clients.find(clientId)
				.orElseThrow(() -> new CognitoException(CognitoError.RESOURCE_NOT_FOUND,
						"User pool client " + clientId + " does not exist."));
			return new Caller.Client(client);
		}
		return new Caller.User(this.selfService.authenticate(wire.required("AccessToken", WireShape.TOKEN)));
	}

	private String authenticate(CognitoOperation operation, HttpServletRequest request, byte[] body) {
		switch (operation.authentication()) {
			case ADMIN_SIGV4 -> {
				AdminAuthentication result = this.adminAuthenticator.authenticate(signable(request, body));
				if (result instanceof AdminAuthentication.Authenticated authenticated) {
					return authenticated.accessKeyId();
				}
				AdminAuthentication.Refused refused = (AdminAuthentication.Refused) result;
				CognitoError error = switch (refused.failure()) {
					case MISSING_AUTHENTICATION -> CognitoError.MISSING_AUTHENTICATION_TOKEN;
					case INCOMPLETE_SIGNATURE -> CognitoError.INCOMPLETE_SIGNATURE;
					case UNRECOGNIZED_CLIENT -> CognitoError.UNRECOGNIZED_CLIENT;
					case INVALID_SIGNATURE, SIGNATURE_EXPIRED -> CognitoError.INVALID_SIGNATURE;
				};
				throw new CognitoException(error, refused.message());
			}
			case CLIENT, ACCESS_TOKEN -> throw new IllegalStateException("authenticated from the body");
		}
		throw new IllegalStateException("unreachable");
	}

	private static SignableRequest signable(HttpServletRequest request, byte[] body) {
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (String name : Collections.list(request.getHeaderNames())) {
			headers.put(name, Collections.unmodifiableList(new ArrayList<>(Collections.list(request.getHeaders(name)))));
		}
		return new SignableRequest(request.getMethod(), request.getRequestURI(), request.getQueryString(),
				Collections.unmodifiableMap(headers), sha256Hex(body));
	}

	private static String sha256Hex(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is unavailable", ex);
		}
	}

	private static Failure failure(RuntimeException ex) {
		if (ex instanceof CognitoException cognito) {
			return new Failure(cognito.error(), cognito.getMessage());
		}
		Failure userFailure = userFailure(ex);
		if (userFailure != null) {
			return userFailure;
		}
		if (ex instanceof InvalidSettingException) {
			return new Failure(CognitoError.INVALID_PARAMETER, ex.getMessage());
		}
		if (ex instanceof UserPoolNotFoundException || ex instanceof AppClientNotFoundException) {
			return new Failure(CognitoError.RESOURCE_NOT_FOUND, ex.getMessage());
		}
		if (ex instanceof OAuthFlowNotAllowedException) {
			return new Failure(CognitoError.INVALID_OAUTH_FLOW, ex.getMessage());
		}
		if (ex instanceof OAuthScopeNotFoundException) {
			return new Failure(CognitoError.SCOPE_DOES_NOT_EXIST, ex.getMessage());
		}
		if (ex instanceof JacksonException) {
			return new Failure(CognitoError.INVALID_PARAMETER, "The request body could not be read.");
		}
		if (ex instanceof CannotCreateTransactionException || ex instanceof DataAccessResourceFailureException
				|| ex instanceof TransientDataAccessException || ex instanceof NonTransientDataAccessResourceException) {
			return new Failure(CognitoError.SERVICE_UNAVAILABLE, CognitoError.SERVICE_UNAVAILABLE.defaultMessage());
		}
		return new Failure(CognitoError.INTERNAL_ERROR, CognitoError.INTERNAL_ERROR.defaultMessage());
	}

	/** Errors of the user, group, user-administration, sign-in and account features. */
	private static Failure userFailure(RuntimeException ex) {
		CognitoError error = null;
		if (ex instanceof AuthException auth) {
			return new Failure(CognitoError.ofType(auth.error().errorType()), auth.getMessage());
		}
		if (ex instanceof InvalidRefreshTokenException) {
			return new Failure(CognitoError.NOT_AUTHORIZED, ex.getMessage());
		}
		if (ex instanceof UserNotFoundException) {
			error = CognitoError.USER_NOT_FOUND;
		}
		else if (ex instanceof UsernameExistsException) {
			error = CognitoError.USERNAME_EXISTS;
		}
		else if (ex instanceof AliasExistsException) {
			error = CognitoError.ALIAS_EXISTS;
		}
		else if (ex instanceof InvalidUserParameterException) {
			error = CognitoError.INVALID_PARAMETER;
		}
		else if (ex instanceof InvalidPasswordException) {
			error = CognitoError.INVALID_PASSWORD;
		}
		else if (ex instanceof GroupExistsException) {
			error = CognitoError.GROUP_EXISTS;
		}
		else if (ex instanceof GroupNotFoundException) {
			error = CognitoError.RESOURCE_NOT_FOUND;
		}
		else if (ex instanceof UserStateException state) {
			error = (state.kind() == UserStateException.Kind.NOT_AUTHORIZED) ? CognitoError.NOT_AUTHORIZED
					: CognitoError.UNSUPPORTED_USER_STATE;
		}
		else if (ex instanceof MessageDeliveryException) {
			return new Failure(CognitoError.CODE_DELIVERY_FAILURE, CognitoError.CODE_DELIVERY_FAILURE.defaultMessage());
		}
		else if (ex instanceof CodeLimitExceededException) {
			return new Failure(CognitoError.LIMIT_EXCEEDED, CognitoError.LIMIT_EXCEEDED.defaultMessage());
		}
		return (error != null) ? new Failure(error, ex.getMessage()) : null;
	}

	private ResponseEntity<byte[]> respond(String requestId, ObjectNode body, CognitoError error) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status((error != null) ? error.status().value() : 200)
			.contentType(AMZ_JSON)
			.header("x-amzn-RequestId", requestId)
			.header(HttpHeaders.CACHE_CONTROL, "no-store");
		if (error != null) {
			response.header("x-amzn-ErrorType", error.type());
		}
		return response.body(this.json.writeValueAsBytes(body));
	}

	private record Failure(CognitoError error, String message) {
	}

}
