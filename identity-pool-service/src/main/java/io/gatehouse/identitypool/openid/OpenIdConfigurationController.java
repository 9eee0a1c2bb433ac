package io.gatehouse.identitypool.openid;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.gatehouse.identitypool.config.GatehouseProperties;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The identity pool's OpenID issuer: OpenID Connect Discovery 1.0 §4 and the JWKS (RFC 7517 §5) that verify
 * the tokens of GetOpenIdToken, so the basic flow works with anything that trusts an OIDC issuer (AWS STS,
 * Vault, Kubernetes, MinIO). Every URL is built from {@code gatehouse.public-base-url}, never from the
 * request. A public base URL with a path expects a proxy that strips that path before this service.
 */
@RestController
final class OpenIdConfigurationController {

	private final SigningKeys keys;

	private final GatehouseProperties gatehouse;

	OpenIdConfigurationController(SigningKeys keys, GatehouseProperties gatehouse) {
		this.keys = keys;
		this.gatehouse = gatehouse;
	}

	@GetMapping(path = "/.well-known/openid-configuration", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> discovery() {
		String issuer = this.gatehouse.issuer();
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("issuer", issuer);
		document.put("jwks_uri", issuer + "/.well-known/jwks.json");
		document.put("response_types_supported", List.of("id_token"));
		document.put("subject_types_supported", List.of("public"));
		document.put("id_token_signing_alg_values_supported", List.of("RS256"));
		document.put("claims_supported", List.of("sub", "iss", "aud", "exp", "iat", "amr"));
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(1, TimeUnit.HOURS)).body(document);
	}

	@GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> jwks() {
		// Short caching: a key created by another instance is published ahead of use, so a relying party that
		// re-reads within the publish-ahead window never meets an unknown key id.
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(5, TimeUnit.MINUTES))
			.body(this.keys.published().toJSONObject(true));
	}

}
