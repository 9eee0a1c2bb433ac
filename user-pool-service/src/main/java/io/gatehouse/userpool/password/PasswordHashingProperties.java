package io.gatehouse.userpool.password;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Argon2id parameters for new password hashes. The defaults are the OWASP Password Storage Cheat Sheet's
 * minimum (m=19 MiB, t=2, p=1). Existing hashes keep the parameters they were made with and still verify;
 * {@link PasswordHasher#needsRehash(String)} tells when one should be upgraded at the next sign-in.
 *
 * @param memoryKib memory cost in KiB
 * @param iterations time cost (passes over memory)
 * @param parallelism lanes
 * @param saltLength salt length in bytes
 * @param hashLength hash length in bytes
 * @param maxConcurrent how many hashes are computed at once (0: one per available processor); more wait
 */
@Validated
@ConfigurationProperties("gatehouse.password-hashing")
public record PasswordHashingProperties(@DefaultValue("19456") @Min(1024) @Max(4194304) int memoryKib,
		@DefaultValue("2") @Min(1) @Max(100) int iterations, @DefaultValue("1") @Min(1) @Max(64) int parallelism,
		@DefaultValue("16") @Min(16) @Max(64) int saltLength, @DefaultValue("32") @Min(16) @Max(64) int hashLength,
		@DefaultValue("0") @Min(0) @Max(1024) int maxConcurrent) {
}
