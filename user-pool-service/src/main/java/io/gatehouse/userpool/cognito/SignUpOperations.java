package io.gatehouse.userpool.cognito;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.node.ObjectNode;

import io.gatehouse.userpool.audit.AuditLog;
import io.gatehouse.userpool.audit.AuditOutcome;
import io.gatehouse.userpool.audit.AuthEventType;
import io.gatehouse.userpool.audit.AuthenticationEvent;
import io.gatehouse.userpool.client.AppClient;
import io.gatehouse.userpool.code.CodeDeliveryDetails;
import io.gatehouse.userpool.recovery.PasswordRecoveryService;
import io.gatehouse.userpool.signup.SignUpResult;
import io.gatehouse.userpool.signup.SignUpService;

import org.springframework.stereotype.Component;

/**
 * SignUp, ConfirmSignUp, ResendConfirmationCode, ForgotPassword and ConfirmForgotPassword, keyed by
 * {@code ClientId} (+ {@code SecretHash} over the {@code Username} for a client with a secret), over the
 * sign-up and recovery services the hosted pages use.
 */
@Component
final class SignUpOperations implements CognitoOperation.Group {

	private final SignUpService signUp;

	private final PasswordRecoveryService recovery;

	private final AuditLog audit;

	private final WireResponses responses;

	SignUpOperations(SignUpService signUp, PasswordRecoveryService recovery, AuditLog audit, WireResponses responses) {
		this.signUp = signUp;
		this.recovery = recovery;
		this.audit = audit;
		this.responses = responses;
	}

	@Override
	public List<CognitoOperation> operations() {
		return List.of(client("SignUp", this::signUp), client("ConfirmSignUp", this::confirmSignUp),
				client("ResendConfirmationCode", this::resendConfirmationCode),
				client("ForgotPassword", this::forgotPassword),
				client("ConfirmForgotPassword", this::confirmForgotPassword));
	}

	private ObjectNode signUp(WireRequest request) {
		AppClient client = SignInOperations.client(request);
		String username = request.required("Username", WireShape.USERNAME);
		String password = request.required("Password", WireShape.PASSWORD);
		String secretHash = request.string("SecretHash", WireShape.SECRET_HASH);
		Map<String, String> attributes = request.attributes("UserAttributes");
		// Only a pre sign-up Lambda reads ValidationData and ClientMetadata; Gatehouse has none.
		request.attributes("ValidationData");
		request.stringMap("ClientMetadata");
		request.stringMap("AnalyticsMetadata");
		request.stringMap("UserContextData");
		request.end();
		SignInOperations.requireSecretHash(client, username, secretHash);
		SignUpResult result = this.signUp.signUp(client.userPoolId(), client.clientId(), username, password,
				(attributes != null) ? attributes : Map.of());
		this.audit.record(new AuthenticationEvent(client.userPoolId(), result.userSub(), null, AuthEventType.SIGN_UP,
				AuditOutcome.SUCCESS, client.clientId(), List.of(), null, request.origin()));
		ObjectNode node = this.responses.empty();
		node.put("UserConfirmed", result.userConfirmed());
		node.put("UserSub", result.userSub().toString());
		if (result.codeDeliveryDetails() != null) {
			node.set("CodeDeliveryDetails", this.responses.codeDelivery(result.codeDeliveryDetails()));
		}
		return node;
	}

	private ObjectNode confirmSignUp(WireRequest request) {
		AppClient client = SignInOperations.client(request);
		String username = request.required("Username", WireShape.USERNAME);
		String code = request.required("ConfirmationCode", WireShape.CONFIRMATION_CODE);
		String secretHash = request.string("SecretHash", WireShape.SECRET_HASH);
		Boolean forceAliasCreation = request.bool("ForceAliasCreation");
		request.stringMap("ClientMetadata");
		request.stringMap("AnalyticsMetadata");
		request.stringMap("UserContextData");
		request.string("Session", WireShape.SESSION);
		request.end();
		SignInOperations.requireSecretHash(client, username, secretHash);
		this.signUp.confirmSignUp(client.userPoolId(), client.clientId(), username, code,
				Boolean.TRUE.equals(forceAliasCreation));
		return this.responses.empty();
	}

	private ObjectNode resendConfirmationCode(WireRequest request) {
		AppClient client = SignInOperations.client(request);
		String username = request.required("Username", WireShape.USERNAME);
		String secretHash = request.string("SecretHash", WireShape.SECRET_HASH);
		request.stringMap("ClientMetadata");
		request.stringMap("AnalyticsMetadata");
		request.stringMap("UserContextData");
		request.end();
		SignInOperations.requireSecretHash(client, username, secretHash);
		return delivered(this.signUp.resendConfirmationCode(client.userPoolId(), client.clientId(), username));
	}

	private ObjectNode forgotPassword(WireRequest request) {
		AppClient client = SignInOperations.client(request);
		String username = request.required("Username", WireShape.USERNAME);
		String secretHash = request.string("SecretHash", WireShape.SECRET_HASH);
		request.stringMap("ClientMetadata");
		request.stringMap("AnalyticsMetadata");
		request.stringMap("UserContextData");
		request.end();
		SignInOperations.requireSecretHash(client, username, secretHash);
		return delivered(this.recovery.forgotPassword(client.userPoolId(), client.clientId(), username));
	}

	private ObjectNode confirmForgotPassword(WireRequest request) {
		AppClient client = SignInOperations.client(request);
		String username = request.required("Username", WireShape.USERNAME);
		String code = request.required("ConfirmationCode", WireShape.CONFIRMATION_CODE);
		String password = request.required("Password", WireShape.PASSWORD);
		String secretHash = request.string("SecretHash", WireShape.SECRET_HASH);
		request.stringMap("ClientMetadata");
		request.stringMap("AnalyticsMetadata");
		request.stringMap("UserContextData");
		request.end();
		SignInOperations.requireSecretHash(client, username, secretHash);
		this.recovery.confirmForgotPassword(client.userPoolId(), client.clientId(), username, code, password);
		return this.responses.empty();
	}

	private ObjectNode delivered(CodeDeliveryDetails details) {
		return this.responses.wrap("CodeDeliveryDetails", this.responses.codeDelivery(details));
	}

	private static CognitoOperation client(String name, CognitoOperation.Handler handler) {
		return new CognitoOperation(name, CognitoOperation.Authentication.CLIENT, handler);
	}

}
