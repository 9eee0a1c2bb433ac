package io.gatehouse.userpool.cognito;

import io.gatehouse.userpool.client.AppClient;
import io.gatehouse.userpool.selfservice.SignedInUser;

/** Who the door authenticated for a request, by the operation's {@link CognitoOperation.Authentication}. */
sealed interface Caller permits Caller.None, Caller.Admin, Caller.Client, Caller.User {

	Caller NONE = new None();

	/** Not yet authenticated. */
	record None() implements Caller {
	}

	/** {@code ADMIN_SIGV4}: the admin access key that signed the request. */
	record Admin(String accessKeyId) implements Caller {
	}

	/**
	 * {@code CLIENT}: the app client named by {@code ClientId}. Its {@code SecretHash} is checked by the operation,
	 * which knows which member carries it and over which user name it was computed.
	 */
	record Client(AppClient client) implements Caller {
	}

	/** {@code ACCESS_TOKEN}: the user the access token speaks for. */
	record User(SignedInUser user) implements Caller {
	}

}
