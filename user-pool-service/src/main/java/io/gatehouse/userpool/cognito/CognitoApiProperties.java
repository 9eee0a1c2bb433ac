package io.gatehouse.userpool.cognito;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxRequestSize the largest request body the Cognito API door reads; larger ones are refused
 * before authentication or parsing (the biggest legitimate requests, a pool with a full schema and
 * message templates, stay well under the default)
 */
@Validated
@ConfigurationProperties("gatehouse.cognito")
public record CognitoApiProperties(@DefaultValue("1MB") DataSize maxRequestSize) {

	public CognitoApiProperties {
		if (maxRequestSize.toBytes() < 1024 || maxRequestSize.toBytes() > 64L * 1024 * 1024) {
			throw new IllegalArgumentException("gatehouse.cognito.max-request-size must be between 1KB and 64MB");
		}
	}

}
