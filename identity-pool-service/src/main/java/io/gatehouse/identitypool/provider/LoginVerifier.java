package io.gatehouse.identitypool.provider;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.gatehouse.identitypool.RefusedException;

import org.springframework.stereotype.Service;

/**
 * Checks the tokens of a Logins map against the providers an identity pool trusts. A provider that the
 * pool does not list is refused before anything is fetched, so a caller can never make this service
 * contact a host of their choosing. A user pool's ID token issued to a client listed with
 * {@code ServerSideTokenCheck} is then also confirmed by that user pool ({@link ServerSideTokenCheck}); for every
 * other login the local verification is all, with no call on the way.
 */
@Service
public final class LoginVerifier {

	/** Public providers that are OpenID Providers, by their Logins-map key. */
	private static final Map<String, String> OIDC_PRESETS = Map.of("accounts.google.com", "https://accounts.google.com",
			"appleid.apple.com", "https://appleid.apple.com");

	private static final int MAX_LOGINS = 10;

	private final TokenVerifier tokens;

	private final OidcProviderService oidcProviders;

	private final ProviderProperties properties;

	private final ServerSideTokenCheck serverSideTokenCheck;

	LoginVerifier(TokenVerifier tokens, OidcProviderService oidcProviders, ProviderProperties properties,
			ServerSideTokenCheck serverSideTokenCheck) {
		this.tokens = tokens;
		this.oidcProviders = oidcProviders;
		this.properties = properties;
		this.serverSideTokenCheck = serverSideTokenCheck;
	}

	public List<VerifiedLogin> verify(Map<String, String> logins, TrustedProviders trusted) {
		if (logins.size() > MAX_LOGINS) {
			throw RefusedException.invalidParameter("Logins may hold at most " + MAX_LOGINS + " providers.");
		}
		List<VerifiedLogin> verified = new ArrayList<>(logins.size());
		for (Map.Entry<String, String> login : logins.entrySet()) {
			verified.add(verify(login.getKey(), login.getValue(), trusted));
		}
		return verified;
	}

	private VerifiedLogin verify(String provider, String token, TrustedProviders trusted) {
		Set<String> userPoolClients = trusted.userPools().get(provider);
		if (userPoolClients != null) {
			String issuer = this.properties.issuerFor(provider);
			VerifiedToken verified = this.tokens.verify(token, issuer, userPoolClients, "id");
			if (checkedAtTheUserPool(verified, trusted.serverSideTokenChecks().getOrDefault(provider, Set.of()))) {
				this.serverSideTokenCheck.requireActive(issuer, token);
			}
			return new VerifiedLogin(provider, verified, true);
		}
		for (String arn : trusted.oidcProviderArns()) {
			OidcProviderView oidc = this.oidcProviders.find(arn).orElse(null);
			if (oidc != null && oidc.urlWithoutScheme().equals(provider)) {
				VerifiedToken verified = this.tokens.verify(token, oidc.url(), Set.copyOf(oidc.clientIds()), null);
				return new VerifiedLogin(provider, verified, false);
			}
		}
		String clientId = trusted.supportedLoginProviders().get(provider);
		if (clientId != null) {
			String issuer = OIDC_PRESETS.get(provider);
			if (issuer == null) {
				throw RefusedException.notAuthorized("Logins with " + provider + " are not supported by this installation.");
			}
			VerifiedToken verified = this.tokens.verify(token, issuer, Set.of(clientId.split(",")), null);
			return new VerifiedLogin(provider, verified, false);
		}
		throw RefusedException.notAuthorized("Invalid login token. The provider is not trusted by this identity pool.");
	}

	/** Whether any audience of the token is a client listed with the check (an ID token of Cognito has one). */
	private static boolean checkedAtTheUserPool(VerifiedToken verified, Set<String> checkedClients) {
		if (checkedClients.isEmpty()) {
			return false;
		}
		Object aud = verified.claims().get("aud");
		if (aud instanceof Collection<?> audiences) {
			return audiences.stream().anyMatch(checkedClients::contains);
		}
		return checkedClients.contains(verified.audience()) || checkedClients.contains(aud);
	}

}
