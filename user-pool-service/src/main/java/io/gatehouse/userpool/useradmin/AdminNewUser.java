package io.gatehouse.userpool.useradmin;

import java.util.Map;
import java.util.Set;

/**
 * AdminCreateUser.
 *
 * @param temporaryPassword the administrator's temporary password, or null to generate one
 * @param messageAction null to send the invitation, or {@link MessageAction}
 * @param deliveryMediums where to send the invitation; empty for Cognito's default ({@code SMS}, skipped when the
 * user has no phone number)
 */
public record AdminNewUser(String poolId, String username, Map<String, String> attributes, String temporaryPassword,
		boolean forceAliasCreation, MessageAction messageAction, Set<DeliveryMedium> deliveryMediums) {

	public AdminNewUser {
		attributes = (attributes != null) ? Map.copyOf(attributes) : Map.of();
		deliveryMediums = (deliveryMediums != null) ? Set.copyOf(deliveryMediums) : Set.of();
	}

	@Override
	public String toString() {
		return "AdminNewUser[poolId=" + this.poolId + ", username=" + this.username + ", temporaryPassword=[redacted]]";
	}

}
