package io.gatehouse.userpool.cognito;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.node.ObjectNode;

import io.gatehouse.userpool.auth.AuthContext;
import io.gatehouse.userpool.auth.AuthDoor;
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

	private final WireResponses responses;

	SignUpOperations(SignUpService signUp, PasswordRecoveryService recovery, WireResponses responses) {
		this.signUp = signUp;
		this.recovery = recovery;
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
				(attributes != null) ? attributes : Map.of(), context(request));
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
				Boolean.TRUE.equals(forceAliasCreation), context(request));
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
		return delivered(this.signUp.resendConfirmationCode(client.userPoolId(), client.clientId(), username,
				context(request)));
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
		return delivered(this.recovery.forgotPassword(client.userPoolId(), client.clientId(), username, context(request)));
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
		this.recovery.confirmForgotPassword(client.userPoolId(), client.clientId(), username, code, password,
				context(request));
		return this.responses.empty();
	}

	private static AuthContext context(WireRequest request) {
		return SignInOperations.context(request, AuthDoor.USER_API);
	}

	private ObjectNode delivered(CodeDeliveryDetails details) {
		return this.responses.wrap("CodeDeliveryDetails", this.responses.codeDelivery(details));
	}

	private static CognitoOperation client(String name, CognitoOperation.Handler handler) {
		return new CognitoOperation(name, CognitoOperation.Authentication.CLIENT, handler);
	}

}
