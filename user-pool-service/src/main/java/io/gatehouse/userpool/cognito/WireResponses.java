package io.gatehouse.userpool.cognito;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.gatehouse.userpool.client.AppClient;
import io.gatehouse.userpool.config.AwsJson;
import io.gatehouse.userpool.client.AppClientSummary;
import io.gatehouse.userpool.group.Group;
import io.gatehouse.userpool.user.User;
import io.gatehouse.userpool.pool.Page;
import io.gatehouse.userpool.pool.UserPool;
import io.gatehouse.userpool.pool.UserPoolSummary;

import org.springframework.stereotype.Component;

/**
 * Response shapes of the AWS model ({@code UserPoolType}, {@code UserPoolClientType}, ...). Timestamps
 * are epoch seconds with millisecond fractions, as the AWS JSON 1.1 protocol serializes them.
 */
@Component
final class WireResponses {

	private final JsonMapper json = AwsJson.mapper();

	/** The mapper requests are read with and responses written with. */
	JsonMapper json() {
		return this.json;
	}

	ObjectNode empty() {
		return this.json.createObjectNode();
	}

	ObjectNode userPool(UserPool pool) {
		ObjectNode node = this.json.createObjectNode();
		node.put("Id", pool.id());
		node.put("Name", pool.name());
		node.setAll((ObjectNode) this.json.valueToTree(pool.settings()));
		node.set("SchemaAttributes", this.json.valueToTree(pool.schemaAttributes()));
		node.put("LastModifiedDate", epochSeconds(pool.lastModifiedDate()));
		node.put("CreationDate", epochSeconds(pool.creationDate()));
		node.put("EstimatedNumberOfUsers", pool.estimatedNumberOfUsers());
		node.put("Arn", pool.arn());
		return node;
	}

	ObjectNode userPoolPage(Page<UserPoolSummary> page) {
		ObjectNode node = this.json.createObjectNode();
		ArrayNode pools = node.putArray("UserPools");
		for (UserPoolSummary pool : page.items()) {
			ObjectNode item = pools.addObject();
			item.put("Id", pool.id());
			item.put("Name", pool.name());
			item.putObject("LambdaConfig");
			item.put("LastModifiedDate", epochSeconds(pool.lastModifiedDate()));
			item.put("CreationDate", epochSeconds(pool.creationDate()));
		}
		if (page.nextToken() != null) {
			node.put("NextToken", page.nextToken());
		}
		return node;
	}

	ObjectNode appClient(AppClient client) {
		ObjectNode node = this.json.createObjectNode();
		node.put("UserPoolId", client.userPoolId());
		node.put("ClientName", client.clientName());
		node.put("ClientId", client.clientId());
		if (client.clientSecret() != null) {
			node.put("ClientSecret", client.clientSecret());
		}
		node.put("LastModifiedDate", epochSeconds(client.lastModifiedDate()));
		node.put("CreationDate", epochSeconds(client.creationDate()));
		node.setAll((ObjectNode) this.json.valueToTree(client.settings()));
		return node;
	}

	ObjectNode appClientPage(Page<AppClientSummary> page) {
		ObjectNode node = this.json.createObjectNode();
		ArrayNode clients = node.putArray("UserPoolClients");
		for (AppClientSummary client : page.items()) {
			ObjectNode item = clients.addObject();
			item.put("ClientId", client.clientId());
			item.put("UserPoolId", client.userPoolId());
			item.put("ClientName", client.clientName());
		}
		if (page.nextToken() != null) {
			node.put("NextToken", page.nextToken());
		}
		return node;
	}

	/** {@code UserType}: ListUsers, ListUsersInGroup, AdminCreateUser. */
	ObjectNode user(User user, Collection<String> attributesToGet) {
		ObjectNode node = this.json.createObjectNode();
		node.put("Username", user.username());
		node.set("Attributes", attributes(user, attributesToGet));
		node.put("UserCreateDate", epochSeconds(user.createdAt()));
		node.put("UserLastModifiedDate", epochSeconds(user.updatedAt()));
		node.put("Enabled", user.enabled());
		node.put("UserStatus", user.status().name());
		return node;
	}

	/** AdminGetUserResponse. */
	ObjectNode adminGetUser(User user) {
		ObjectNode node = this.json.createObjectNode();
		node.put("Username", user.username());
		node.set("UserAttributes", attributes(user, null));
		node.put("UserCreateDate", epochSeconds(user.createdAt()));
		node.put("UserLastModifiedDate", epochSeconds(user.updatedAt()));
		node.put("Enabled", user.enabled());
		node.put("UserStatus", user.status().name());
		return node;
	}

	/** GetUserResponse. */
	ObjectNode getUser(User user) {
		ObjectNode node = this.json.createObjectNode();
		node.put("Username", user.username());
		node.set("UserAttributes", attributes(user, null));
		return node;
	}

	/** {@code CodeDeliveryDetailsType}. */
	ObjectNode codeDelivery(io.gatehouse.userpool.code.CodeDeliveryDetails details) {
		ObjectNode node = this.json.createObjectNode();
		node.put("Destination", details.destination());
		node.put("DeliveryMedium", details.deliveryMedium().name());
		node.put("AttributeName", details.attributeName());
		return node;
	}

	/** {@code AuthenticationResultType}; {@code RefreshToken} only when one was issued. */
	ObjectNode authenticationResult(io.gatehouse.userpool.token.IssuedTokens tokens) {
		ObjectNode node = this.json.createObjectNode();
		node.put("AccessToken", tokens.accessToken());
		node.put("ExpiresIn", (int) Math.min(Integer.MAX_VALUE, tokens.expiresIn().toSeconds()));
		node.put("TokenType", tokens.tokenType());
		if (tokens.refreshToken() != null) {
			node.put("RefreshToken", tokens.refreshToken());
		}
		if (tokens.idToken() != null) {
			node.put("IdToken", tokens.idToken());
		}
		return node;
	}

	/** An {@code AttributeListType}: {@code sub} first, then by name. */
	private ArrayNode attributes(User user, Collection<String> only) {
		ArrayNode list = this.json.createArrayNode();
		List<String> names = new ArrayList<>(user.attributes().keySet());
		names.sort(Comparator.comparing((String name) -> !name.equals("sub")).thenComparing(Comparator.naturalOrder()));
		for (String name : names) {
			if (only == null || only.contains(name)) {
				ObjectNode attribute = list.addObject();
				attribute.put("Name", name);
				attribute.put("Value", user.attributes().get(name));
			}
		}
		return list;
	}

	/** {@code GroupType}. */
	ObjectNode group(Group group) {
		ObjectNode node = this.json.createObjectNode();
		node.put("GroupName", group.groupName());
		node.put("UserPoolId", group.userPoolId());
		if (group.description() != null) {
			node.put("Description", group.description());
		}
		if (group.roleArn() != null) {
			node.put("RoleArn", group.roleArn());
		}
		if (group.precedence() != null) {
			node.put("Precedence", group.precedence());
		}
		node.put("LastModifiedDate", epochSeconds(group.lastModifiedDate()));
		node.put("CreationDate", epochSeconds(group.creationDate()));
		return node;
	}

	ObjectNode groupPage(Page<Group> page) {
		ObjectNode node = this.json.createObjectNode();
		ArrayNode groups = node.putArray("Groups");
		page.items().forEach((group) -> groups.add(group(group)));
		if (page.nextToken() != null) {
			node.put("NextToken", page.nextToken());
		}
		return node;
	}

	ObjectNode wrap(String member, ObjectNode value) {
		ObjectNode node = this.json.createObjectNode();
		node.set(member, value);
		return node;
	}

	static BigDecimal epochSeconds(Instant instant) {
		return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
	}

	/** An enum constant as it appears on the wire (its {@code @JsonProperty} name, if any). */
	static String enumValue(Enum<?> constant) {
		try {
			JsonProperty property = constant.getDeclaringClass().getField(constant.name()).getAnnotation(JsonProperty.class);
			return (property != null) ? property.value() : constant.name();
		}
		catch (NoSuchFieldException ex) {
			return constant.name();
		}
	}

}
