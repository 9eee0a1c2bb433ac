package io.gatehouse.identitypool.identity;

import java.time.Instant;
import java.util.List;

/** An identity as the Cognito API describes it: its id and the providers it is linked to. */
public record IdentityView(String identityId, List<String> logins, Instant creationDate, Instant lastModifiedDate) {

	public IdentityView {
		logins = List.copyOf(logins);
	}

}
