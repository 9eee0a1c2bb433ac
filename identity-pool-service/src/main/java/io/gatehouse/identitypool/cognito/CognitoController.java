package io.gatehouse.identitypool.cognito;

import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.gatehouse.identitypool.RefusedException;
import io.gatehouse.identitypool.audit.AuditLog;
import io.gatehouse.identitypool.audit.AuditRecord;
import io.gatehouse.identitypool.config.DatabaseFaults;
import io.gatehouse.boot.SourceRateLimiter;
import io.gatehouse.identitypool.config.GatehouseProperties;
import io.gatehouse.identitypool.config.ReceivedRequest;
import io.gatehouse.identitypool.credentials.Authentication;
import io.gatehouse.identitypool.credentials.Caller;
import io.gatehouse.identitypool.credentials.RequestAuthenticator;
import io.gatehouse.identitypool.decision.PolicyDecisions;
import io.gatehouse.shared.sigv4.SigV4Expectation;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Cognito Identity API door: AWS JSON 1.1, {@code POST /} with
 * {@code X-Amz-Target: AWSCognitoIdentityService.<Operation>}. {@code GetId},
 * {@code GetCredentialsForIdentity}, {@code GetOpenIdToken} and {@code UnlinkIdentity} are unsigned (an
 * {@code Authorization} header an SDK adds anyway is ignored) and, but for UnlinkIdentity, rate-limited per
 * source address; every other operation must be signed with SigV4 for service {@code cognito-identity} by
 * an admin key, or by temporary credentials whose role allows {@code cognito-identity:<Operation>}, and is
 * recorded in the audit trail.
 */
@RestController
final class CognitoController {

	private static final Logger logger = LoggerFactory.getLogger(CognitoController.class);

	private static final String TARGET_PREFIX = "AWSCognitoIdentityService.";

	static final MediaType AMZ_JSON = MediaType.parseMediaType("application/x-amz-json-1.1");

	private final CognitoOperations operations;

	private final RequestAuthenticator authenticator;

	private final PolicyDecisions decisions;

	private final GatehouseProperties gatehouse;

	private final SourceRateLimiter rateLimiter;

	private final AuditLog audit;

	private final JsonMapper json;

	CognitoController(CognitoOperations operations, RequestAuthenticator authenticator, PolicyDecisions decisions,
			GatehouseProperties gatehouse, SourceRateLimiter rateLimiter, AuditLog audit) {
		this.operations = operations;
		this.authenticator = authenticator;
		this.decisions = decisions;
		this.gatehouse = gatehouse;
		this.rateLimiter = rateLimiter;
		this.audit = audit;
		JsonFactory factory = JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxNestingDepth(16)
				.maxStringLength(64 * 1024)
				.maxNumberLength(32)
				.build())
			.build();
		this.json = JsonMapper.builder(factory)
			.propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
			.build();
	}

	@PostMapping(path = "/", headers = "X-Amz-Target")
	ResponseEntity<byte[]> handle(HttpServletRequest servletRequest) {
		Exchange exchange = new Exchange(UUID.randomUUID().toString());
		try {
			ReceivedRequest request = ReceivedRequest.read(servletRequest, this.gatehouse.maxRequestSize().toBytes());
			String target = request.header("X-Amz-Target").orElse("");
			if (!target.startsWith(TARGET_PREFIX)) {
				throw new CognitoException(CognitoError.UNKNOWN_OPERATION);
			}
			String operation = target.substring(TARGET_PREFIX.length());
			if (!this.operations.knows(operation)) {
				throw new CognitoException(CognitoError.UNKNOWN_OPERATION);
			}
			exchange.request = request;
			exchange.operation = operation;
			if (!this.operations.unsigned(operation)) {
				exchange.caller = authorize(request, operation);
			}
			else if (this.operations.rateLimited(operation) && !this.rateLimiter.tryAcquire(request.sourceAddress())) {
				throw new CognitoException(CognitoError.TOO_MANY_REQUESTS, "Rate exceeded");
			}
			Object response = this.operations.invoke(operation, new Body(this.json, request.body()));
			audit(exchange, response, AuditRecord.SUCCESS);
			return ResponseEntity.ok()
				.contentType(AMZ_JSON)
				.header("x-amzn-RequestId", exchange.requestId)
				.body(this.json.writeValueAsBytes(response));
		}
		catch (CognitoException ex) {
			return error(exchange, ex.error(), ex.getMessage());
		}
		catch (RefusedException ex) {
			return error(exchange, CognitoError.of(ex.refusal()), ex.getMessage());
		}
		catch (RuntimeException ex) {
			if (DatabaseFaults.unavailable(ex)) {
				logger.warn("Cognito Identity API request failed: the database is unavailable ({})", ex.toString());
				return error(exchange, CognitoError.SERVICE_UNAVAILABLE, CognitoError.SERVICE_UNAVAILABLE.defaultMessage());
			}
			logger.error("Cognito Identity API request failed", ex);
			return error(exchange, CognitoError.INTERNAL, CognitoError.INTERNAL.defaultMessage());
		}
	}

	private Caller authorize(ReceivedRequest request, String operation) {
		Authentication authentication = this.authenticator.authenticate(request,
				SigV4Expectation.of("cognito-identity", this.gatehouse.region()));
		if (authentication instanceof Authentication.Refused refused) {
			throw new CognitoException(CognitoError.of(refused.failure()), refused.message());
		}
		Caller caller = ((Authentication.Authenticated) authentication).caller();
		if (!this.decisions.allows(caller, "cognito-identity:" + operation, null)) {
			throw new CognitoException(CognitoError.ACCESS_DENIED,
					"The role of the caller does not allow cognito-identity:" + operation + ".");
		}
		return caller;
	}

	private ResponseEntity<byte[]> error(Exchange exchange, CognitoError error, String message) {
		audit(exchange, null, error.type());
		byte[] body = this.json.writeValueAsBytes(Map.of("__type", error.type(), "message", message));
		return ResponseEntity.status(error.status())
			.contentType(AMZ_JSON)
			.header("x-amzn-ErrorType", error.type())
			.header("x-amzn-RequestId", exchange.requestId)
			.body(body);
	}

	/** Management operations (the signed ones) are recorded, refused ones included; app operations are not. */
	private void audit(Exchange exchange, Object response, String outcome) {
		if (exchange.operation == null || this.operations.unsigned(exchange.operation)) {
			return;
		}
		ReceivedRequest request = exchange.request;
		String keyId;
		String arn = null;
		if (exchange.caller instanceof Caller.Admin admin) {
			keyId = admin.accessKeyId();
		}
		else if (exchange.caller instanceof Caller.AssumedRole role) {
			keyId = role.session().accessKeyId();
			arn = this.gatehouse.stsArn("assumed-role/" + role.session().roleName() + "/" + role.session().sessionName());
		}
		else {
			keyId = AuditRecord.claimedKeyId(request.header("Authorization").orElse(null));
		}
		this.audit.record(new AuditRecord(keyId, exchange.caller != null, arn, "cognito-identity:" + exchange.operation,
				this.operations.auditTarget(new Body(this.json, request.body()), response), outcome,
				request.sourceAddress(), request.header("User-Agent").orElse(null), exchange.requestId));
	}

	private static final class Exchange {

		private final String requestId;

		private ReceivedRequest request;

		private String operation;

		private Caller caller;

		Exchange(String requestId) {
			this.requestId = requestId;
		}

	}

	/** A request body, read as the shape an operation expects. */
	static final class Body {

		private final JsonMapper json;

		private final byte[] bytes;

		Body(JsonMapper json, byte[] bytes) {
			this.json = json;
			this.bytes = bytes;
		}

		<T> T as(Class<T> shape) {
			try {
				T value = this.json.readValue((this.bytes.length == 0) ? "{}".getBytes() : this.bytes, shape);
				if (value == null) {
					throw new CognitoException(CognitoError.SERIALIZATION);
				}
				return value;
			}
			catch (JacksonException ex) {
				throw new CognitoException(CognitoError.SERIALIZATION);
			}
		}

	}

}
