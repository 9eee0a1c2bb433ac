package io.gatehouse.userpool.cognito;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.node.ObjectNode;

import io.gatehouse.shared.claims.CognitoClaims;
import io.gatehouse.userpool.auth.AuthContext;
import io.gatehouse.userpool.auth.AuthDoor;
import io.gatehouse.userpool.auth.AuthStep;
import io.gatehouse.userpool.auth.AuthenticationEngine;
import io.gatehouse.userpool.auth.ChallengeName;
import io.gatehouse.userpool.client.AppClient;
import io.gatehouse.userpool.client.AppClientService;
import io.gatehouse.userpool.token.IssuedTokens;
import io.gatehouse.userpool.token.TokenIssuer;
import io.gatehouse.userpool.user.User;
import io.gatehouse.userpool.user.UserService;

import org.springframework.stereotype.Component;

/**
 * Sign-in through the Cognito API: InitiateAuth, RespondToAuthChallenge, GetTokensFromRefreshToken and
 * RevokeToken (keyed by {@code ClientId}), AdminInitiateAuth and AdminRespondToAuthChallenge (SigV4). All of
 * them drive the one {@link AuthenticationEngine} and mint through the one {@link TokenIssuer}, so their tokens
 * are those of the hosted pages (DESIGN.md principle 3). This class only checks what belongs to the door
 * (the client allows the flow, the {@code SECRET_HASH}) and translates.
 */
@Component
final class SignInOperations implements CognitoOperation.Group {

	/** What a Cognito API sign-in is granted, as Cognito grants it. */
	static final Set<String> SCOPES = Set.of("openid", "email", "phone", "profile", CognitoClaims.USER_ADMIN_SCOPE);

	private static final List<String> AUTH_FLOWS = List.of("USER_SRP_AUTH", "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN",
			"CUSTOM_AUTH", "ADMIN_NO_SRP_AUTH", "USER_PASSWORD_AUTH", "ADMIN_USER_PASSWORD_AUTH", "USER_AUTH");

	private final AuthenticationEngine engine;

	private final TokenIssuer tokens;

	private final AppClientService clients;

	private final UserService users;

	private final WireResponses responses;

	SignInOperations(AuthenticationEngine engine, TokenIssuer tokens, AppClientService clients, UserService users,
			WireResponses responses) {
		this.engine = engine;
		this.tokens = tokens;
		this.clients = clients;
		this.users = users;
		this.responses = responses;
	}

	@Override
	public List<CognitoOperation> operations() {
		return List.of(client("InitiateAuth", this::initiateAuth),
				client("RespondToAuthChallenge", this::respondToAuthChallenge),
				client("GetTokensFromRefreshToken", this::getTokensFromRefreshToken),
				client("RevokeToken", this::revokeToken),
				new CognitoOperation("AdminInitiateAuth", CognitoOperation.Authentication.ADMIN_SIGV4,
						this::adminInitiateAuth),
				new CognitoOperation("AdminRespondToAuthChallenge", CognitoOperation.Authentication.ADMIN_SIGV4,
						this::adminRespondToAuthChallenge));
	}

	private ObjectNode initiateAuth(WireRequest request) {
		AppClient client = client(request);
		String flow = authFlow(request);
		Map<String, String> parameters = parameters(request.stringMap("AuthParameters"));
		request.stringMap("ClientMetadata");
		request.stringMap("AnalyticsMetadata");
		request.stringMap("UserContextData");
		request.string("Session", WireShape.SESSION);
		request.end();
		return switch (flow) {
			case "USER_PASSWORD_AUTH" -> passwordSignIn(request, client, flow, parameters, AuthDoor.USER_API);
			case "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN" -> refresh(client, flow, parameters);
			case "ADMIN_NO_SRP_AUTH", "ADMIN_USER_PASSWORD_AUTH" -> throw new CognitoException(
					CognitoError.INVALID_PARAMETER, "Initiate Auth method not supported.");
			default -> throw unsupportedFlow(client, flow);
		};
	}

	private ObjectNode adminInitiateAuth(WireRequest request) {
		String poolId = request.required("UserPoolId", WireShape.POOL_ID);
		AppClient client = this.clients.describe(poolId, request.required("ClientId", WireShape.CLIENT_ID));
		String flow = authFlow(request);
		Map<String, String> parameters = parameters(request.stringMap("AuthParameters"));
		request.stringMap("ClientMetadata");
		request.stringMap("AnalyticsMetadata");
		request.ignoredObject("ContextData");
		request.string("Session", WireShape.SESSION);
		request.end();
		return switch (flow) {
			case "ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH" ->
				passwordSignIn(request, client, flow, parameters, AuthDoor.ADMIN_API);
			case "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN" -> refresh(client, flow, parameters);
			case "USER_PASSWORD_AUTH", "USER_SRP_AUTH" -> throw new CognitoException(CognitoError.INVALID_PARAMETER,
					"Initiate Auth method not supported.");
			default -> throw unsupportedFlow(client, flow);
		};
	}

	private ObjectNode respondToAuthChallenge(WireRequest request) {
		AppClient client = client(request);
		return respond(request, client, AuthDoor.USER_API);
	}

	private ObjectNode adminRespondToAuthChallenge(WireRequest request) {
		String poolId = request.required("UserPoolId", WireShape.POOL_ID);
		AppClient client = this.clients.describe(poolId, request.required("ClientId", WireShape.CLIENT_ID));
		request.ignoredObject("ContextData");
		return respond(request, client, AuthDoor.ADMIN_API);
	}

	private ObjectNode respond(WireRequest request, AppClient client, AuthDoor door) {
		String challengeName = request.required("ChallengeName", WireShape.DESCRIPTION);
		String session = request.string("Session", WireShape.SESSION);
		Map<String, String> answers = parameters(request.stringMap("ChallengeResponses"));
		request.stringMap("ClientMetadata");
		request.stringMap("AnalyticsMetadata");
		request.stringMap("UserContextData");
		request.end();
		ChallengeName challenge = ChallengeName.fromWire(challengeName)
			.orElseThrow(() -> new CognitoException(CognitoError.INVALID_PARAMETER,
					"1 validation error detected: Value at 'challengeName' failed to satisfy constraint: Member must"
							+ " satisfy enum value set"));
		if (session == null) {
			throw new CognitoException(CognitoError.INVALID_PARAMETER, "Missing required parameter Session");
		}
		requireSecretHash(client, answers.get("USERNAME"), answers.remove("SECRET_HASH"));
		AuthStep step = this.engine.respond(client.userPoolId(), client.clientId(), session, challenge, answers,
				context(request, door));
		return result(step, client);
	}

	private ObjectNode getTokensFromRefreshToken(WireRequest request) {
		AppClient client = client(request);
		String refreshToken = request.required("RefreshToken", WireShape.TOKEN);
		String clientSecret = request.string("ClientSecret", WireShape.CLIENT_SECRET);
		request.string("DeviceKey", WireShape.DESCRIPTION);
		request.stringMap("ClientMetadata");
		request.end();
		requireClientSecret(client, clientSecret);
		if (!client.allowsAuthFlow("REFRESH_TOKEN_AUTH")) {
			throw unsupportedFlow(client, "REFRESH_TOKEN_AUTH");
		}
		IssuedTokens issued = this.tokens.refresh(client.userPoolId(), client.clientId(), refreshToken);
		return this.responses.wrap("AuthenticationResult", this.responses.authenticationResult(issued));
	}

	private ObjectNode revokeToken(WireRequest request) {
		AppClient client = client(request);
		String token = request.required("Token", WireShape.TOKEN);
		String clientSecret = request.string("ClientSecret", WireShape.CLIENT_SECRET);
		request.stringMap("ClientMetadata");
		request.end();
		requireClientSecret(client, clientSecret);
		if (Boolean.FALSE.equals(client.settings().enableTokenRevocation())) {
			throw new CognitoException(CognitoError.UNSUPPORTED_OPERATION,
					"Token revocation is not enabled for this app client.");
		}
		if (token.chars().filter((c) -> c == '.').count() == 2) {
			// A JWT: access and ID tokens are not revoked one by one (GlobalSignOut ends them).
			throw new CognitoException(CognitoError.UNSUPPORTED_TOKEN_TYPE, null);
		}
		this.tokens.revoke(client.userPoolId(), client.clientId(), token);
		return this.responses.empty();
	}

	private ObjectNode passwordSignIn(WireRequest request, AppClient client, String flow,
			Map<String, String> parameters, AuthDoor door) {
		if (!client.allowsAuthFlow(flow)) {
			throw unsupportedFlow(client, flow);
		}
		String username = parameters.get("USERNAME");
		requireSecretHash(client, username, parameters.get("SECRET_HASH"));
		AuthStep step = this.engine.start(client.userPoolId(), client.clientId(), username, parameters.get("PASSWORD"),
				context(request, door));
		return result(step, client);
	}

	private ObjectNode refresh(AppClient client, String flow, Map<String, String> parameters) {
		if (!client.allowsAuthFlow(flow)) {
			throw unsupportedFlow(client, flow);
		}
		String refreshToken = parameters.get("REFRESH_TOKEN");
		if (refreshToken == null || refreshToken.isEmpty()) {
			throw new CognitoException(CognitoError.INVALID_PARAMETER, "Missing required parameter REFRESH_TOKEN");
		}
		if (client.hasSecret()) {
			requireRefreshSecretHash(client, refreshToken, parameters);
		}
		IssuedTokens issued = this.tokens.refresh(client.userPoolId(), client.clientId(), refreshToken);
		ObjectNode node = this.responses.wrap("AuthenticationResult", this.responses.authenticationResult(issued));
		node.putObject("ChallengeParameters");
		return node;
	}

	/**
	 * A confidential client's refresh needs its {@code SECRET_HASH}, computed (as SDKs and Cognito's guide do)
	 * over the user's username, or over the {@code sub} for pools where users sign in with an email or phone
	 * number; the user is the refresh token's.
	 */
	private void requireRefreshSecretHash(AppClient client, String refreshToken, Map<String, String> parameters) {
		String presented = parameters.get("SECRET_HASH");
		if (presented == null) {
			throw missingSecretHash(client);
		}
		UUID sub = this.tokens.refreshTokenSubject(client.userPoolId(), client.clientId(), refreshToken)
			.orElseThrow(() -> new CognitoException(CognitoError.NOT_AUTHORIZED, "Invalid Refresh Token"));
		User user = this.users.findBySub(client.userPoolId(), sub)
			.orElseThrow(() -> new CognitoException(CognitoError.NOT_AUTHORIZED, "Invalid Refresh Token"));
		if (!client.secretHashMatches(user.username(), presented)
				&& !client.secretHashMatches(sub.toString(), presented)) {
			throw wrongSecretHash(client);
		}
	}

	private ObjectNode result(AuthStep step, AppClient client) {
		if (step instanceof AuthStep.Authenticated authenticated) {
			IssuedTokens issued = this.tokens.issue(authenticated.authentication(), client.clientId(), SCOPES);
			ObjectNode node = this.responses.empty();
			node.putObject("ChallengeParameters");
			node.set("AuthenticationResult", this.responses.authenticationResult(issued));
			return node;
		}
		if (step instanceof AuthStep.Challenge challenge) {
			ObjectNode node = this.responses.empty();
			node.put("ChallengeName", challenge.name().name());
			node.put("Session", challenge.session());
			ObjectNode parameters = node.putObject("ChallengeParameters");
			challenge.parameters().forEach(parameters::put);
			return node;
		}
		AuthStep.Failed failed = (AuthStep.Failed) step;
		throw new CognitoException(CognitoError.ofType(failed.reason().errorType()), failed.message());
	}

	/**
	 * Cognito checks a {@code SecretHash} only for clients that have a secret; for them it is required and
	 * must be the HMAC over this user name.
	 */
	static void requireSecretHash(AppClient client, String username, String presented) {
		if (!client.hasSecret()) {
			return;
		}
		if (presented == null || presented.isEmpty()) {
			throw missingSecretHash(client);
		}
		if (!client.secretHashMatches(username, presented)) {
			throw wrongSecretHash(client);
		}
	}

	private static void requireClientSecret(AppClient client, String presented) {
		if (client.hasSecret() && !client.secretMatches(presented)) {
			throw new CognitoException(CognitoError.NOT_AUTHORIZED,
					"Client secret is missing or wrong for client " + client.clientId());
		}
	}

	private static CognitoException missingSecretHash(AppClient client) {
		return new CognitoException(CognitoError.NOT_AUTHORIZED,
				"Client " + client.clientId() + " is configured for secret but secret was not received");
	}

	private static CognitoException wrongSecretHash(AppClient client) {
		return new CognitoException(CognitoError.NOT_AUTHORIZED,
				"Unable to verify secret hash for client " + client.clientId());
	}

	private static CognitoException unsupportedFlow(AppClient client, String flow) {
		return new CognitoException(CognitoError.INVALID_PARAMETER,
				client.allowsAuthFlow(flow) ? flow + " is not supported." : flow + " flow not enabled for this client");
	}

	private static String authFlow(WireRequest request) {
		String flow = request.required("AuthFlow", WireShape.DESCRIPTION);
		if (!AUTH_FLOWS.contains(flow)) {
			throw new CognitoException(CognitoError.INVALID_PARAMETER, "1 validation error detected: Value at"
					+ " 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: " + AUTH_FLOWS);
		}
		return flow;
	}

	private static Map<String, String> parameters(Map<String, String> given) {
		return (given != null) ? new LinkedHashMap<>(given) : new LinkedHashMap<>();
	}

	static AppClient client(WireRequest request) {
		return ((Caller.Client) request.caller()).client();
	}

	static AuthContext context(WireRequest request, AuthDoor door) {
		return new AuthContext(door, request.origin().sourceIp(), request.origin().userAgent(),
				request.origin().requestId());
	}

	private static CognitoOperation client(String name, CognitoOperation.Handler handler) {
		return new CognitoOperation(name, CognitoOperation.Authentication.CLIENT, handler);
	}

}
