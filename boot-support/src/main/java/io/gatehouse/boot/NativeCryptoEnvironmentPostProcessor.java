package io.gatehouse.boot;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Installs {@link NativeCrypto} before any bean asks the JCA for an algorithm, and says in the start-up log
 * which cryptography the service runs on.
 */
public final class NativeCryptoEnvironmentPostProcessor implements EnvironmentPostProcessor {

	private final Log log;

	public NativeCryptoEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.log = logFactory.getLog(NativeCrypto.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		NativeCrypto.Outcome outcome = NativeCrypto.install(environment.getProperty(NativeCrypto.PROPERTY));
		if (outcome.nativeProviderFirst()) {
			this.log.info("Cryptography: " + outcome.description());
		}
		else {
			this.log.warn("Cryptography: " + outcome.description() + "; RSA signing is about four times slower");
		}
	}

}
