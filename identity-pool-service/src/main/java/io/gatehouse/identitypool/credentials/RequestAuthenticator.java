package io.gatehouse.identitypool.credentials;

import java.time.Clock;
import java.util.Optional;

import io.gatehouse.identitypool.config.ReceivedRequest;
import io.gatehouse.shared.sigv4.SigV4Expectation;
import io.gatehouse.shared.sigv4.SigV4Result;
import io.gatehouse.shared.sigv4.SigV4Verifier;

import org.springframework.stereotype.Service;

/**
 * Authenticates a SigV4-signed request, by an admin key or by temporary credentials. For temporary
 * credentials the secret comes out of the sealed session token, so no database is read.
 */
@Service
public final class RequestAuthenticator {

	private static final String SECURITY_TOKEN = "X-Amz-Security-Token";

	private final SigV4Verifier verifier;

	private final SessionTokens tokens;

	private final AdminKeys adminKeys;

	RequestAuthenticator(Clock clock, SessionTokens tokens, AdminKeys adminKeys) {
		this.verifier = new SigV4Verifier(clock);
		this.tokens = tokens;
		this.adminKeys = adminKeys;
	}

	public Authentication authenticate(ReceivedRequest request, SigV4Expectation expectation) {
		Optional<String> token = request.header(SECURITY_TOKEN)
			.or(() -> Optional.ofNullable(request.queryParameters().get(SECURITY_TOKEN)));
		SessionClaims session = null;
		if (token.isPresent()) {
			SessionTokens.Opened opened = this.tokens.open(token.get());
			if (opened instanceof SessionTokens.Opened.Valid valid) {
				session = valid.claims();
			}
			else if (opened instanceof SessionTokens.Opened.Expired) {
				return new Authentication.Refused(Authentication.Failure.EXPIRED_TOKEN,
						"The security token included in the request is expired");
			}
			else {
				return new Authentication.Refused(Authentication.Failure.UNRECOGNIZED,
						"The security token included in the request is invalid.");
			}
		}
		SessionClaims temporary = session;
		SigV4Result result = this.verifier.verify(request.signable(), expectation, (accessKeyId, sent) -> {
			if (temporary != null) {
				return temporary.accessKeyId().equals(accessKeyId) ? Optional.of(temporary.secretAccessKey())
						: Optional.empty();
			}
			return this.adminKeys.secretFor(accessKeyId);
		});
		if (result instanceof SigV4Result.Verified verified) {
			return new Authentication.Authenticated(
					(temporary != null) ? new Caller.AssumedRole(temporary) : new Caller.Admin(verified.accessKeyId()));
		}
		SigV4Result.Refused refused = (SigV4Result.Refused) result;
		Authentication.Failure failure = switch (refused.failure()) {
			case MISSING_AUTHENTICATION -> Authentication.Failure.MISSING;
			case INCOMPLETE_SIGNATURE -> Authentication.Failure.INCOMPLETE;
			case UNRECOGNIZED_CLIENT -> Authentication.Failure.UNRECOGNIZED;
			case INVALID_SIGNATURE, SIGNATURE_EXPIRED -> Authentication.Failure.INVALID_SIGNATURE;
		};
		return new Authentication.Refused(failure, refused.message());
	}

}
