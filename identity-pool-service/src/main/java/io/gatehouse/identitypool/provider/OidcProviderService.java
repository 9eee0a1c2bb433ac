package io.gatehouse.identitypool.provider;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.gatehouse.identitypool.Refusal;
import io.gatehouse.identitypool.RefusedException;
import io.gatehouse.identitypool.config.GatehouseProperties;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** OpenID Connect providers registered through IAM ({@code CreateOpenIDConnectProvider} and friends). */
@Service
public class OidcProviderService {

	private final OidcProviderRepository repository;

	private final GatehouseProperties gatehouse;

	private final ProviderProperties properties;

	private final Clock clock;

	OidcProviderService(OidcProviderRepository repository, GatehouseProperties gatehouse,
			ProviderProperties properties, Clock clock) {
		this.repository = repository;
		this.gatehouse = gatehouse;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional
	public String create(String url, List<String> clientIds, List<String> thumbprints) {
		String issuer = validUrl(url);
		if (clientIds.size() > 100 || clientIds.stream().anyMatch((id) -> id.isEmpty() || id.length() > 255)) {
			throw RefusedException.invalidParameter("ClientIDList must hold at most 100 ids of 1 to 255 characters.");
		}
		if (thumbprints.size() > 5 || thumbprints.stream().anyMatch((t) -> !t.matches("[0-9a-fA-F]{40}"))) {
			throw RefusedException.invalidParameter("ThumbprintList must hold at most 5 SHA-1 hex thumbprints.");
		}
		String arn = this.gatehouse.iamArn("oidc-provider/" + issuer.substring(issuer.indexOf("://") + 3));
		if (this.repository.existsById(arn) || this.repository.existsByUrl(issuer)) {
			throw new RefusedException(Refusal.ALREADY_EXISTS, "Provider with url " + url + " already exists.");
		}
		this.repository.save(new OidcProvider(arn, issuer, clientIds.toArray(String[]::new),
				thumbprints.toArray(String[]::new), this.clock.instant()));
		return arn;
	}

	@Transactional(readOnly = true)
	public OidcProviderView get(String arn) {
		return find(arn).orElseThrow(() -> RefusedException.notFound("OpenIDConnect Provider not found for arn " + arn));
	}

	@Transactional(readOnly = true)
	public Optional<OidcProviderView> find(String arn) {
		if (arn == null || arn.length() > 2048) {
			return Optional.empty();
		}
		return this.repository.findById(arn).map(OidcProviderService::view);
	}

	/** The provider registered for exactly this issuer URL (with scheme). */
	@Transactional(readOnly = true)
	public Optional<OidcProviderView> findByUrl(String url) {
		if (url == null || url.length() > 255) {
			return Optional.empty();
		}
		return this.repository.findByUrl(url).map(OidcProviderService::view);
	}

	@Transactional(readOnly = true)
	public List<String> list() {
		return this.repository.findAllByOrderByArnAsc().stream().map(OidcProvider::arn).toList();
	}

	@Transactional
	public void delete(String arn) {
		OidcProvider provider = (arn == null) ? null : this.repository.findById(arn).orElse(null);
		if (provider == null) {
			throw RefusedException.notFound("OpenIDConnect Provider not found for arn " + arn);
		}
		this.repository.delete(provider);
	}

	private String validUrl(String url) {
		if (url == null || url.length() > 255) {
			throw RefusedException.invalidParameter("Url must be 1 to 255 characters.");
		}
		try {
			URI uri = new URI(url);
			boolean https = "https".equals(uri.getScheme());
			boolean http = "http".equals(uri.getScheme()) && uri.getHost() != null
					&& this.properties.plaintextAllowed(uri.getHost());
			if ((!https && !http) || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
					|| uri.getRawUserInfo() != null) {
				throw RefusedException.invalidParameter("Url must be an https URL without query or fragment.");
			}
		}
		catch (URISyntaxException ex) {
			throw RefusedException.invalidParameter("Url is not a valid URL.");
		}
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	private static OidcProviderView view(OidcProvider provider) {
		return new OidcProviderView(provider.arn(), provider.url(), List.of(provider.clientIds()),
				List.of(provider.thumbprints()), provider.createdAt());
	}

}
