package io.gatehouse.userpool.cognito;

import java.util.List;

import tools.jackson.databind.node.ObjectNode;

import io.gatehouse.userpool.client.AppClientChange;
import io.gatehouse.userpool.client.AppClientService;
import io.gatehouse.userpool.client.AppClientSettings;
import io.gatehouse.userpool.client.NewAppClient;

import org.springframework.stereotype.Component;

/**
 * CreateUserPoolClient, DescribeUserPoolClient, UpdateUserPoolClient, ListUserPoolClients,
 * DeleteUserPoolClient.
 */
@Component
final class AppClientOperations implements CognitoOperation.Group {

	private final AppClientService clients;

	private final WireResponses responses;

	AppClientOperations(AppClientService clients, WireResponses responses) {
		this.clients = clients;
		this.responses = responses;
	}

	@Override
	public List<CognitoOperation> operations() {
		return List.of(admin("CreateUserPoolClient", this::create), admin("DescribeUserPoolClient", this::describe),
				admin("UpdateUserPoolClient", this::update), admin("ListUserPoolClients", this::list),
				admin("DeleteUserPoolClient", this::delete));
	}

	private ObjectNode create(WireRequest request) {
		String userPoolId = request.string("UserPoolId");
		String clientName = request.string("ClientName");
		Boolean generateSecret = request.bool("GenerateSecret");
		String clientSecret = request.string("ClientSecret");
		AppClientSettings settings = request.rest(AppClientSettings.class);
		return this.responses.wrap("UserPoolClient", this.responses.appClient(
				this.clients.create(new NewAppClient(userPoolId, clientName, generateSecret, clientSecret, settings))));
	}

	private ObjectNode describe(WireRequest request) {
		String userPoolId = request.string("UserPoolId");
		String clientId = request.string("ClientId");
		request.end();
		return this.responses.wrap("UserPoolClient", this.responses.appClient(this.clients.describe(userPoolId, clientId)));
	}

	private ObjectNode update(WireRequest request) {
		String userPoolId = request.string("UserPoolId");
		String clientId = request.string("ClientId");
		String clientName = request.string("ClientName");
		request.refuse("GenerateSecret", "ClientSecret");
		AppClientSettings settings = request.rest(AppClientSettings.class);
		return this.responses.wrap("UserPoolClient", this.responses
			.appClient(this.clients.update(new AppClientChange(userPoolId, clientId, clientName, settings))));
	}

	private ObjectNode list(WireRequest request) {
		String userPoolId = request.string("UserPoolId");
		Integer maxResults = request.integer("MaxResults");
		String nextToken = request.string("NextToken");
		request.end();
		return this.responses.appClientPage(this.clients.list(userPoolId, maxResults, nextToken));
	}

	private ObjectNode delete(WireRequest request) {
		String userPoolId = request.string("UserPoolId");
		String clientId = request.string("ClientId");
		request.end();
		this.clients.delete(userPoolId, clientId);
		return this.responses.empty();
	}

	private static CognitoOperation admin(String name, CognitoOperation.Handler handler) {
		return new CognitoOperation(name, CognitoOperation.Authentication.ADMIN_SIGV4, handler);
	}

}
