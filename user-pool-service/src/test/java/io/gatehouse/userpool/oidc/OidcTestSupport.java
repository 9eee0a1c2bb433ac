package io.gatehouse.userpool.oidc;

import java.net.http.HttpResponse;
import java.util.Map;

import io.gatehouse.userpool.pool.UserPoolService;
import io.gatehouse.userpool.user.TestUsers;
import io.gatehouse.userpool.user.User;
import io.gatehouse.userpool.user.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** What every provider test needs: fixtures, a browser, users, and a signed-in code flow up to tokens. */
abstract class OidcTestSupport {

	static final String CALLBACK = "https://app.example/cb";

	@LocalServerPort
	int port;

	@Autowired
	UserService users;

	@Autowired
	UserPoolService pools;

	OidcFixtures fixtures;

	Browser browser;

	OidcFlows flows;

	@BeforeEach
	void setUpOidc() {
		this.fixtures = new OidcFixtures(this.port);
		this.browser = new Browser(this.port);
		this.flows = new OidcFlows(this.browser);
	}

	@AfterEach
	void tearDownOidc() {
		this.fixtures.close();
	}

	User user(String poolId) {
		return TestUsers.confirmed()
			.withVerifiedEmail("user-" + System.nanoTime() + "@example.com")
			.withPhoneNumber("+15555550100")
			.withAttribute("name", "Ada Lovelace")
			.createIn(this.users, this.pools.userSettings(poolId));
	}

	/** A full code flow with PKCE for a public client; returns the token response. */
	JsonNode tokens(String poolId, User user, String clientId) {
		return tokens(poolId, user, clientId, Map.of());
	}

	JsonNode tokens(String poolId, User user, String clientId, Map<String, String> extra) {
		String verifier = OidcFlows.verifier();
		String callback = this.flows.authorizeWithSignIn(poolId, user, clientId, CALLBACK, verifier, extra);
		String code = Browser.query(callback).get("code");
		HttpResponse<String> response = this.flows.exchange(poolId, clientId, code, CALLBACK, verifier);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Browser.json(response);
	}

}
