package io.gatehouse.identitypool.provider;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.nimbusds.jose.jwk.JWK;

import io.gatehouse.identitypool.RefusedException;

import org.springframework.stereotype.Service;

/**
 * Web identity tokens as STS {@code AssumeRoleWithWebIdentity} receives them: from an OpenID Connect
 * provider registered through IAM, or from an issuer whose keys this service holds itself (the identity
 * pool's own issuer). Every rule of SECURITY.md "Tokens received" applies, as for Logins.
 */
@Service
public final class WebIdentityVerifier {

	private final TokenVerifier tokens;

	private final OidcProviderService providers;

	WebIdentityVerifier(TokenVerifier tokens, OidcProviderService providers) {
		this.tokens = tokens;
		this.providers = providers;
	}

	/** The token's {@code iss}, not yet verified: only to choose whose keys verify it. */
	public String unverifiedIssuer(String token) {
		return this.tokens.unverifiedIssuer(token);
	}

	/**
	 * Verifies a token of the registered provider whose URL is the token's issuer; its {@code aud} must be
	 * one of the provider's client ids ({@code ClientIDList}), as IAM requires.
	 *
	 * @throws RefusedException {@code NOT_FOUND} when no provider is registered for the issuer
	 */
	public RegisteredProviderToken verifyRegistered(String token) {
		String issuer = unverifiedIssuer(token);
		OidcProviderView provider = this.providers.findByUrl(issuer)
			.orElseThrow(() -> RefusedException.notFound("No OpenIDConnect provider found in your account for " + issuer));
		VerifiedToken verified = this.tokens.verify(token, provider.url(), Set.copyOf(provider.clientIds()), null);
		return new RegisteredProviderToken(provider, verified);
	}

	/** Verifies a token of an issuer whose keys the caller supplies by key id; any audience is accepted. */
	public VerifiedToken verifyWithKeys(String token, String issuer, Function<String, List<JWK>> keys) {
		return this.tokens.verify(token, issuer, null, null, keys);
	}

	public record RegisteredProviderToken(OidcProviderView provider, VerifiedToken token) {
	}

}
