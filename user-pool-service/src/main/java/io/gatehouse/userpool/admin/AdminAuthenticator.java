package io.gatehouse.userpool.admin;

import java.time.Clock;

import io.gatehouse.shared.sigv4.SigV4Expectation;
import io.gatehouse.shared.sigv4.SigV4Result;
import io.gatehouse.shared.sigv4.SigV4Verifier;
import io.gatehouse.shared.sigv4.SignableRequest;
import io.gatehouse.userpool.config.GatehouseProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Authenticates admin calls by their AWS Signature Version 4: the credential scope must name service
 * {@code cognito-idp} and the configured region, the date must be within the verifier's clock skew, and
 * the key must be a known admin key. Runs before the operation, so a refused call changes nothing.
 */
@Component
public final class AdminAuthenticator {

	static final String SERVICE = "cognito-idp";

	private final SigV4Verifier verifier;

	private final SigV4Expectation expectation;

	private final AdminAccessKeys keys;

	AdminAuthenticator(AdminAccessKeys keys, GatehouseProperties gatehouse, ObjectProvider<Clock> clock) {
		this.keys = keys;
		this.verifier = new SigV4Verifier(clock.getIfAvailable(Clock::systemUTC));
		this.expectation = SigV4Expectation.of(SERVICE, gatehouse.region());
	}

	public AdminAuthentication authenticate(SignableRequest request) {
		SigV4Result result = this.verifier.verify(request, this.expectation, this.keys);
		if (result instanceof SigV4Result.Verified verified) {
			return new AdminAuthentication.Authenticated(verified.accessKeyId());
		}
		SigV4Result.Refused refused = (SigV4Result.Refused) result;
		return new AdminAuthentication.Refused(refused.failure(), refused.message());
	}

}
