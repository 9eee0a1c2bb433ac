package io.gatehouse.userpool.config;

import java.net.URI;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where this Gatehouse believes it runs, in AWS terms.
 *
 * @param region the region in user pool ids ({@code local-1_AbC...}), ARNs and the SigV4 credential scope
 * admin calls must be signed for
 * @param accountId the 12-digit account id in ARNs
 * @param publicBaseUrl the URL clients reach this service at; issuers and mailed links are built from it,
 * never from a request's {@code Host} header
 */
@Validated
@ConfigurationProperties("gatehouse")
public record GatehouseProperties(
		@DefaultValue("local-1") @NotNull @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*",
				message = "must be lowercase letters, digits and dashes, like us-east-1") String region,
		@DefaultValue("000000000000") @NotNull @Pattern(regexp = "\\d{12}", message = "must be 12 digits") String accountId,
		@DefaultValue("http://localhost:9000") @NotNull URI publicBaseUrl) {

	public GatehouseProperties {
		if (publicBaseUrl != null && (!publicBaseUrl.isAbsolute() || publicBaseUrl.getHost() == null
				|| !("http".equals(publicBaseUrl.getScheme()) || "https".equals(publicBaseUrl.getScheme())))) {
			throw new IllegalArgumentException("gatehouse.public-base-url must be an absolute http(s) URL");
		}
	}

}
