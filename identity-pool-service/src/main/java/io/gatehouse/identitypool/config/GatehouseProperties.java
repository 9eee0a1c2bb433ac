package io.gatehouse.identitypool.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Where this installation pretends to live in AWS terms.
 *
 * @param region the region of identifiers and credential scopes (pool ids are {@code region:uuid})
 * @param accountId the twelve-digit account id in ARNs
 * @param partition the ARN partition
 * @param maxRequestSize the largest request body any API accepts; larger ones are refused with 400
 * @param publicBaseUrl the URL clients reach this service at; it is the issuer of the identity pool's own
 * OpenID tokens. Taken from configuration only, never from a request's {@code Host} header
 */
@ConfigurationProperties("gatehouse")
@Validated
public record GatehouseProperties(@DefaultValue("local-1") @NotBlank @Pattern(regexp = "[a-z0-9-]{1,32}") String region,
		@DefaultValue("000000000000") @Pattern(regexp = "\\d{12}") String accountId,
		@DefaultValue("aws") @Pattern(regexp = "[a-z-]{1,16}") String partition,
		@DefaultValue("256KB") @NotNull DataSize maxRequestSize,
		@DefaultValue("http://localhost:9100") @NotBlank @Pattern(regexp = "https?://[^?#\\s]+") String publicBaseUrl) {

	/** The issuer of GetOpenIdToken's tokens: the public base URL without a trailing slash. */
	public String issuer() {
		return this.publicBaseUrl.endsWith("/") ? this.publicBaseUrl.substring(0, this.publicBaseUrl.length() - 1)
				: this.publicBaseUrl;
	}

	/** An IAM ARN in this account: {@code arn:aws:iam::000000000000:role/name}. */
	public String iamArn(String resource) {
		return "arn:" + this.partition + ":iam::" + this.accountId + ":" + resource;
	}

	public String stsArn(String resource) {
		return "arn:" + this.partition + ":sts::" + this.accountId + ":" + resource;
	}

}
