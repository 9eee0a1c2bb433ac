package io.gatehouse.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Provides the {@link MasterKey}. A production deployment (external database) must configure
 * {@code gatehouse.master-key}; losing it loses every encrypted secret, so it is never invented there.
 * A developer on the embedded database gets one generated once and kept beside that database.
 */
@AutoConfiguration
@EnableConfigurationProperties({ MasterKeyProperties.class, GatehouseDataProperties.class })
public final class MasterKeyAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(MasterKeyAutoConfiguration.class);

	@Bean
	MasterKey masterKey(MasterKeyProperties properties, GatehouseDataProperties data, Environment environment) {
		MasterKey configured = configuredKey(properties.masterKey(), environment.getProperty("spring.datasource.url"));
		if (configured != null) {
			return configured;
		}
		return MasterKey.fromBase64(loadOrCreate(data.serviceDirectory(environment).resolve("master.key")));
	}

	/**
	 * The configured key, or null where the embedded database may use a generated one.
	 * @throws MasterKeyException when the key is malformed, or absent with an external database
	 */
	static MasterKey configuredKey(String masterKey, String datasourceUrl) {
		if (StringUtils.hasText(masterKey)) {
			try {
				return MasterKey.fromBase64(masterKey);
			}
			catch (IllegalArgumentException ex) {
				throw new MasterKeyException("gatehouse.master-key is invalid: " + ex.getMessage());
			}
		}
		if (StringUtils.hasText(datasourceUrl)) {
			throw new MasterKeyException("gatehouse.master-key (GATEHOUSE_MASTER_KEY) is not set; it is required"
					+ " with an external database. Generate one with: openssl rand -base64 32");
		}
		return null;
	}

	private static String loadOrCreate(Path file) {
		try {
			if (Files.isRegularFile(file)) {
				return Files.readString(file, StandardCharsets.US_ASCII).trim();
			}
			Files.createDirectories(file.getParent());
			String key = MasterKey.generateBase64();
			Files.writeString(file, key + "\n", StandardCharsets.US_ASCII);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// Not a POSIX file system (Windows): the directory's own permissions apply.
			}
			logger.info("Generated a development master key in {}", file);
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or create the master key file " + file, ex);
		}
	}

}
