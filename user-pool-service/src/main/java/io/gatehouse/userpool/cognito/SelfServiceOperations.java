package io.gatehouse.userpool.cognito;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.gatehouse.userpool.audit.AuditLog;
import io.gatehouse.userpool.audit.AuditOutcome;
import io.gatehouse.userpool.audit.AuthEventType;
import io.gatehouse.userpool.audit.AuthenticationEvent;
import io.gatehouse.userpool.code.CodeDeliveryDetails;
import io.gatehouse.userpool.selfservice.SelfService;
import io.gatehouse.userpool.selfservice.SignedInUser;

import org.springframework.stereotype.Component;

/**
 * The operations a user calls with their access token: GetUser, UpdateUserAttributes, DeleteUserAttributes,
 * GetUserAttributeVerificationCode, VerifyUserAttribute, ChangePassword, DeleteUser, GlobalSignOut. The door
 * has already verified the token ({@link SelfService#authenticate}).
 */
@Component
final class SelfServiceOperations implements CognitoOperation.Group {

	private final SelfService selfService;

	private final AuditLog audit;

	private final WireResponses responses;

	SelfServiceOperations(SelfService selfService, AuditLog audit, WireResponses responses) {
		this.selfService = selfService;
		this.audit = audit;
		this.responses = responses;
	}

	@Override
	public List<CognitoOperation> operations() {
		return List.of(user("GetUser", this::getUser), user("UpdateUserAttributes", this::updateAttributes),
				user("DeleteUserAttributes", this::deleteAttributes),
				user("GetUserAttributeVerificationCode", this::verificationCode),
				user("VerifyUserAttribute", this::verifyAttribute), user("ChangePassword", this::changePassword),
				user("DeleteUser", this::deleteUser), user("GlobalSignOut", this::globalSignOut));
	}

	private ObjectNode getUser(WireRequest request) {
		request.end();
		return this.responses.getUser(this.selfService.user(signedIn(request)));
	}

	private ObjectNode updateAttributes(WireRequest request) {
		Map<String, String> attributes = request.attributes("UserAttributes");
		request.stringMap("ClientMetadata");
		request.end();
		if (attributes == null) {
			throw missing("UserAttributes");
		}
		List<CodeDeliveryDetails> deliveries = this.selfService.updateAttributes(signedIn(request), attributes);
		ObjectNode node = this.responses.empty();
		ArrayNode list = node.putArray("CodeDeliveryDetailsList");
		deliveries.forEach((details) -> list.add(this.responses.codeDelivery(details)));
		return node;
	}

	private ObjectNode deleteAttributes(WireRequest request) {
		List<String> names = request.strings("UserAttributeNames", WireShape.ATTRIBUTE_NAME, 100);
		request.end();
		if (names == null) {
			throw missing("UserAttributeNames");
		}
		this.selfService.deleteAttributes(signedIn(request), names);
		return this.responses.empty();
	}

	private ObjectNode verificationCode(WireRequest request) {
		String name = request.required("AttributeName", WireShape.ATTRIBUTE_NAME);
		request.stringMap("ClientMetadata");
		request.end();
		return this.responses.wrap("CodeDeliveryDetails",
				this.responses.codeDelivery(this.selfService.sendVerificationCode(signedIn(request), name)));
	}

	private ObjectNode verifyAttribute(WireRequest request) {
		String name = request.required("AttributeName", WireShape.ATTRIBUTE_NAME);
		String code = request.required("Code", WireShape.CONFIRMATION_CODE);
		request.end();
		this.selfService.verifyAttribute(signedIn(request), name, code);
		return this.responses.empty();
	}

	private ObjectNode changePassword(WireRequest request) {
		String previous = request.required("PreviousPassword", WireShape.PASSWORD);
		String proposed = request.required("ProposedPassword", WireShape.PASSWORD);
		request.end();
		SignedInUser user = signedIn(request);
		AuditOutcome outcome = AuditOutcome.FAILURE;
		try {
			this.selfService.changePassword(user, previous, proposed);
			outcome = AuditOutcome.SUCCESS;
		}
		finally {
			this.audit.record(new AuthenticationEvent(user.poolId(), user.sub(), user.username(),
					AuthEventType.PASSWORD_CHANGE, outcome, user.clientId(), List.of(), null, request.origin()));
		}
		return this.responses.empty();
	}

	private ObjectNode deleteUser(WireRequest request) {
		request.end();
		this.selfService.deleteUser(signedIn(request));
		return this.responses.empty();
	}

	private ObjectNode globalSignOut(WireRequest request) {
		request.end();
		this.selfService.globalSignOut(signedIn(request));
		return this.responses.empty();
	}

	private static SignedInUser signedIn(WireRequest request) {
		return ((Caller.User) request.caller()).user();
	}

	private static CognitoException missing(String member) {
		return new CognitoException(CognitoError.INVALID_PARAMETER, "1 validation error detected: Value null at '"
				+ Character.toLowerCase(member.charAt(0)) + member.substring(1)
				+ "' failed to satisfy constraint: Member must not be null");
	}

	private static CognitoOperation user(String name, CognitoOperation.Handler handler) {
		return new CognitoOperation(name, CognitoOperation.Authentication.ACCESS_TOKEN, handler);
	}

}
