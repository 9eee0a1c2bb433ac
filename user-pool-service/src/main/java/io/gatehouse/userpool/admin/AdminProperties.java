package io.gatehouse.userpool.admin;

import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The bootstrap admin access key. When both are set, that key (and only that key) signs admin calls;
 * when neither is set, the first start generates one, stores it and prints it once.
 *
 * @param accessKeyId 16 to 128 letters, digits or underscores, like {@code AKIAIOSFODNN7EXAMPLE}
 * @param secretAccessKey 16 to 128 non-space characters
 */
@Validated
@ConfigurationProperties("gatehouse.admin")
public record AdminProperties(@Pattern(regexp = "\\w{16,128}") String accessKeyId,
		@Pattern(regexp = "\\S{16,128}") String secretAccessKey) {

	public AdminProperties {
		boolean id = accessKeyId != null && !accessKeyId.isBlank();
		boolean secret = secretAccessKey != null && !secretAccessKey.isBlank();
		if (id != secret) {
			throw new IllegalArgumentException(
					"set both gatehouse.admin.access-key-id and gatehouse.admin.secret-access-key, or neither");
		}
		if (!id) {
			accessKeyId = null;
			secretAccessKey = null;
		}
	}

	boolean configured() {
		return this.accessKeyId != null;
	}

	@Override
	public String toString() {
		return "AdminProperties[accessKeyId=" + this.accessKeyId + ", secretAccessKey=[redacted]]";
	}

}
