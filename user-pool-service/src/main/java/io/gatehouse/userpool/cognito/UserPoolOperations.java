package io.gatehouse.userpool.cognito;

import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.node.ObjectNode;

import io.gatehouse.userpool.pool.NewUserPool;
import io.gatehouse.userpool.pool.UserPoolChange;
import io.gatehouse.userpool.pool.UserPoolService;
import io.gatehouse.userpool.pool.UserPoolSettings;
import io.gatehouse.userpool.pool.UserPoolSettings.SchemaAttributeType;

import org.springframework.stereotype.Component;

/** CreateUserPool, DescribeUserPool, UpdateUserPool, ListUserPools, DeleteUserPool. */
@Component
final class UserPoolOperations implements CognitoOperation.Group {

	private static final TypeReference<List<SchemaAttributeType>> SCHEMA = new TypeReference<>() {
	};

	private final UserPoolService pools;

	private final WireResponses responses;

	UserPoolOperations(UserPoolService pools, WireResponses responses) {
		this.pools = pools;
		this.responses = responses;
	}

	@Override
	public List<CognitoOperation> operations() {
		return List.of(admin("CreateUserPool", this::create), admin("DescribeUserPool", this::describe),
				admin("UpdateUserPool", this::update), admin("ListUserPools", this::list),
				admin("DeleteUserPool", this::delete));
	}

	private ObjectNode create(WireRequest request) {
		String poolName = request.string("PoolName");
		List<SchemaAttributeType> schema = request.list("Schema", SCHEMA);
		UserPoolSettings settings = request.rest(UserPoolSettings.class);
		return this.responses.wrap("UserPool",
				this.responses.userPool(this.pools.create(new NewUserPool(poolName, settings, schema))));
	}

	private ObjectNode describe(WireRequest request) {
		String userPoolId = request.string("UserPoolId");
		request.end();
		return this.responses.wrap("UserPool", this.responses.userPool(this.pools.describe(userPoolId)));
	}

	private ObjectNode update(WireRequest request) {
		String userPoolId = request.string("UserPoolId");
		String poolName = request.string("PoolName");
		// Fixed at creation: these members exist in CreateUserPool but not in UpdateUserPool.
		request.refuse("AliasAttributes", "UsernameAttributes", "UsernameConfiguration", "Schema");
		UserPoolSettings settings = request.rest(UserPoolSettings.class);
		this.pools.update(new UserPoolChange(userPoolId, poolName, settings));
		return this.responses.empty();
	}

	private ObjectNode list(WireRequest request) {
		Integer maxResults = request.integer("MaxResults");
		String nextToken = request.string("NextToken");
		request.end();
		return this.responses.userPoolPage(this.pools.list(maxResults, nextToken));
	}

	private ObjectNode delete(WireRequest request) {
		String userPoolId = request.string("UserPoolId");
		request.end();
		this.pools.delete(userPoolId);
		return this.responses.empty();
	}

	private static CognitoOperation admin(String name, CognitoOperation.Handler handler) {
		return new CognitoOperation(name, CognitoOperation.Authentication.ADMIN_SIGV4, handler);
	}

}
