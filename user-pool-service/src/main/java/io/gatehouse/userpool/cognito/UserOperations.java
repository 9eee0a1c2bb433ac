package io.gatehouse.userpool.cognito;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.gatehouse.userpool.audit.AuditLog;
import io.gatehouse.userpool.audit.ChallengeResult;
import io.gatehouse.userpool.audit.RecordedAuthEvent;
import io.gatehouse.userpool.pool.Page;
import io.gatehouse.userpool.useradmin.AdminNewUser;
import io.gatehouse.userpool.useradmin.DeliveryMedium;
import io.gatehouse.userpool.useradmin.MessageAction;
import io.gatehouse.userpool.useradmin.UserAdministration;
import io.gatehouse.userpool.user.PoolUserSettings;
import io.gatehouse.userpool.user.User;
import io.gatehouse.userpool.user.UserSearch;

import org.springframework.stereotype.Component;

/**
 * AdminCreateUser, AdminGetUser, AdminDeleteUser, AdminEnableUser, AdminDisableUser, AdminUpdateUserAttributes,
 * AdminDeleteUserAttributes, AdminSetUserPassword, AdminResetUserPassword, AdminConfirmSignUp,
 * AdminUserGlobalSignOut, AdminListUserAuthEvents.
 */
@Component
final class UserOperations implements CognitoOperation.Group {

	private final UserAdministration administration;

	private final AuditLog audit;

	private final UserSearch search;

	private final WireResponses responses;

	UserOperations(UserAdministration administration, UserSearch search, AuditLog audit, WireResponses responses) {
		this.administration = administration;
		this.search = search;
		this.audit = audit;
		this.responses = responses;
	}

	@Override
	public List<CognitoOperation> operations() {
		return List.of(admin("AdminCreateUser", this::create), admin("AdminGetUser", this::get),
				admin("AdminDeleteUser", this::delete), admin("AdminEnableUser", this::enable),
				admin("AdminDisableUser", this::disable), admin("AdminUpdateUserAttributes", this::updateAttributes),
				admin("AdminDeleteUserAttributes", this::deleteAttributes),
				admin("AdminSetUserPassword", this::setPassword), admin("AdminResetUserPassword", this::resetPassword),
				admin("AdminConfirmSignUp", this::confirmSignUp), admin("AdminUserGlobalSignOut", this::globalSignOut),
				admin("AdminListUserAuthEvents", this::authEvents), admin("ListUsers", this::listUsers));
	}

	private ObjectNode create(WireRequest request) {
		String poolId = request.required("UserPoolId", WireShape.POOL_ID);
		String username = request.required("Username", WireShape.USERNAME);
		Map<String, String> attributes = request.attributes("UserAttributes");
		// Only a pre sign-up Lambda reads ValidationData; Gatehouse has none, but the shape is still checked.
		request.attributes("ValidationData");
		String temporaryPassword = request.string("TemporaryPassword", WireShape.PASSWORD);
		Boolean forceAliasCreation = request.bool("ForceAliasCreation");
		MessageAction action = enumValue(request.string("MessageAction"), MessageAction.class, "messageAction");
		List<String> mediums = request.strings("DesiredDeliveryMediums", WireShape.DESCRIPTION, 2);
		request.stringMap("ClientMetadata");
		request.end();
		Set<DeliveryMedium> deliveryMediums = EnumSet.noneOf(DeliveryMedium.class);
		if (mediums != null) {
			for (String medium : mediums) {
				deliveryMediums.add(enumValue(medium, DeliveryMedium.class, "desiredDeliveryMediums"));
			}
		}
		User user = this.administration.create(new AdminNewUser(poolId, username, attributes, temporaryPassword,
				Boolean.TRUE.equals(forceAliasCreation), action, deliveryMediums));
		return this.responses.wrap("User", this.responses.user(user, null));
	}

	private ObjectNode get(WireRequest request) {
		Target target = target(request);
		request.end();
		return this.responses.adminGetUser(this.administration.find(target.poolId(), target.username()));
	}

	private ObjectNode delete(WireRequest request) {
		Target target = target(request);
		request.end();
		this.administration.delete(target.poolId(), target.username());
		return this.responses.empty();
	}

	private ObjectNode enable(WireRequest request) {
		Target target = target(request);
		request.end();
		this.administration.enable(target.poolId(), target.username());
		return this.responses.empty();
	}

	private ObjectNode disable(WireRequest request) {
		Target target = target(request);
		request.end();
		this.administration.disable(target.poolId(), target.username());
		return this.responses.empty();
	}

	private ObjectNode updateAttributes(WireRequest request) {
		Target target = target(request);
		Map<String, String> attributes = request.attributes("UserAttributes");
		request.stringMap("ClientMetadata");
		request.end();
		if (attributes == null) {
			throw missing("UserAttributes");
		}
		this.administration.updateAttributes(target.poolId(), target.username(), attributes);
		return this.responses.empty();
	}

	private ObjectNode deleteAttributes(WireRequest request) {
		Target target = target(request);
		List<String> names = request.strings("UserAttributeNames", WireShape.ATTRIBUTE_NAME, 100);
		request.end();
		if (names == null) {
			throw missing("UserAttributeNames");
		}
		this.administration.deleteAttributes(target.poolId(), target.username(), names);
		return this.responses.empty();
	}

	private ObjectNode setPassword(WireRequest request) {
		Target target = target(request);
		String password = request.required("Password", WireShape.PASSWORD);
		Boolean permanent = request.bool("Permanent");
		request.end();
		this.administration.setPassword(target.poolId(), target.username(), password, Boolean.TRUE.equals(permanent));
		return this.responses.empty();
	}

	private ObjectNode resetPassword(WireRequest request) {
		Target target = target(request);
		request.stringMap("ClientMetadata");
		request.end();
		this.administration.resetPassword(target.poolId(), target.username());
		return this.responses.empty();
	}

	private ObjectNode confirmSignUp(WireRequest request) {
		Target target = target(request);
		request.stringMap("ClientMetadata");
		request.end();
		this.administration.confirmSignUp(target.poolId(), target.username());
		return this.responses.empty();
	}

	private ObjectNode globalSignOut(WireRequest request) {
		Target target = target(request);
		request.end();
		this.administration.globalSignOut(target.poolId(), target.username());
		return this.responses.empty();
	}

	private ObjectNode authEvents(WireRequest request) {
		Target target = target(request);
		int maxResults = GroupOperations.limit(request.integer("MaxResults", 0, GroupOperations.MAX_LIMIT));
		String nextToken = request.string("NextToken", WireShape.PAGINATION_TOKEN);
		request.end();
		Page<RecordedAuthEvent> page = this.audit.authEvents(target.poolId(),
				this.administration.sub(target.poolId(), target.username()), maxResults, nextToken);
		ObjectNode node = this.responses.empty();
		ArrayNode events = node.putArray("AuthEvents");
		for (RecordedAuthEvent event : page.items()) {
			ObjectNode item = events.addObject();
			item.put("EventId", event.eventId().toString());
			item.put("EventType", event.type().wireName());
			item.put("CreationDate", WireResponses.epochSeconds(event.occurredAt()));
			item.put("EventResponse", switch (event.outcome()) {
				case SUCCESS -> "Pass";
				case IN_PROGRESS -> "InProgress";
				case FAILURE, REFUSED -> "Fail";
			});
			ArrayNode challenges = item.putArray("ChallengeResponses");
			for (ChallengeResult challenge : event.challenges()) {
				ObjectNode result = challenges.addObject();
				result.put("ChallengeName", challenge.challenge().wireName());
				result.put("ChallengeResponse", challenge.success() ? "Success" : "Failure");
			}
			ObjectNode context = item.putObject("EventContextData");
			if (event.sourceIp() != null) {
				context.put("IpAddress", event.sourceIp());
			}
			if (event.userAgent() != null) {
				context.put("DeviceName", event.userAgent());
			}
		}
		if (page.nextToken() != null) {
			node.put("NextToken", page.nextToken());
		}
		return node;
	}

	/**
	 * ListUsers. {@code AttributesToGet} must name attributes of the pool's schema; an empty filter lists every
	 * user. Pages come from an index (see {@link UserSearch}).
	 */
	private ObjectNode listUsers(WireRequest request) {
		String poolId = request.required("UserPoolId", WireShape.POOL_ID);
		List<String> attributesToGet = request.strings("AttributesToGet", WireShape.ATTRIBUTE_NAME, 100);
		int limit = GroupOperations.limit(request.integer("Limit", 0, GroupOperations.MAX_LIMIT));
		String token = request.string("PaginationToken", WireShape.SEARCH_PAGINATION_TOKEN);
		String filter = request.string("Filter", WireShape.USER_FILTER);
		request.end();
		PoolUserSettings pool = this.administration.pool(poolId);
		if (attributesToGet != null) {
			for (String name : attributesToGet) {
				if (!name.equals("sub") && pool.schema().find(name).isEmpty()) {
					throw new CognitoException(CognitoError.INVALID_PARAMETER,
							"One or more requested attributes do not exist.");
				}
			}
		}
		UserSearch.Result result = this.search.search(pool, filter, limit, token);
		ObjectNode node = this.responses.empty();
		ArrayNode users = node.putArray("Users");
		result.users().forEach((user) -> users.add(this.responses.user(user, attributesToGet)));
		if (result.paginationToken() != null) {
			node.put("PaginationToken", result.paginationToken());
		}
		return node;
	}

	private static Target target(WireRequest request) {
		return new Target(request.required("UserPoolId", WireShape.POOL_ID),
				request.required("Username", WireShape.USERNAME));
	}

	static <E extends Enum<E>> E enumValue(String value, Class<E> type, String member) {
		if (value == null) {
			return null;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(value)) {
				return constant;
			}
		}
		throw new CognitoException(CognitoError.INVALID_PARAMETER, "1 validation error detected: Value at '" + member
				+ "' failed to satisfy constraint: Member must satisfy enum value set: "
				+ EnumSet.allOf(type).toString());
	}

	private static CognitoException missing(String member) {
		return new CognitoException(CognitoError.INVALID_PARAMETER, "1 validation error detected: Value null at '"
				+ Character.toLowerCase(member.charAt(0)) + member.substring(1)
				+ "' failed to satisfy constraint: Member must not be null");
	}

	private static CognitoOperation admin(String name, CognitoOperation.Handler handler) {
		return new CognitoOperation(name, CognitoOperation.Authentication.ADMIN_SIGV4, handler);
	}

	private record Target(String poolId, String username) {
	}

}
