package io.gatehouse.boot;

import java.lang.reflect.InvocationTargetException;
import java.security.Provider;
import java.security.Security;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Cryptography on AWS-LC where the machine allows it. The Amazon Corretto Crypto Provider (ACCP), the JCA
 * provider AWS runs its own Java services on, is installed ahead of the JDK's providers: a 2048-bit RS256
 * signature takes 0.25 ms with it and 1.06 ms with the JDK on the reference machine, and every sign-in and
 * refresh signs two tokens. HMAC (SigV4), SHA-2, AES-GCM and RSA key generation follow. The build bundles
 * the provider's native library for the OS and CPU it is built on (boot-support's profiles); anywhere it
 * cannot load, or with {@code gatehouse.crypto.native-provider=off}, the JDK's providers do everything, as
 * before. Nothing else changes: the algorithms, keys and wire formats are the same either way.
 */
public final class NativeCrypto {

	/** The property that turns the native provider off. */
	public static final String PROPERTY = "gatehouse.crypto.native-provider";

	static final String PROVIDER_NAME = "AmazonCorrettoCryptoProvider";

	private NativeCrypto() {
	}

	/** What {@link #install} did, as one line for the start-up log. */
	public record Outcome(boolean nativeProviderFirst, String description) {
	}

	/**
	 * Installs the native provider first in the JCA's list, once per JVM, when {@code setting} allows it and
	 * the provider loads and passes its self-tests.
	 * @param setting {@code auto} (the default when {@code null}) or {@code off}
	 * @throws InvalidSettingException for any other setting
	 */
	public static synchronized Outcome install(String setting) {
		String mode = (setting == null || setting.isBlank()) ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
		if (mode.equals("off")) {
			return new Outcome(false, "JDK providers (" + PROPERTY + "=off)");
		}
		if (!mode.equals("auto")) {
			throw new InvalidSettingException(PROPERTY + " must be auto or off, not '" + setting + "'");
		}
		Provider installed = Security.getProvider(PROVIDER_NAME);
		if (installed != null) {
			return describeInstalled(installed);
		}
		Provider provider;
		try {
			provider = healthyProvider(NativeCrypto.class.getClassLoader());
		}
		catch (UnavailableException ex) {
			return new Outcome(false, "JDK providers (" + PROVIDER_NAME + " unavailable: " + ex.getMessage() + ")");
		}
		Security.insertProviderAt(provider, 1);
		return describeInstalled(provider);
	}

	private static Outcome describeInstalled(Provider provider) {
		boolean first = Security.getProviders()[0] == provider;
		return new Outcome(first, provider.getName() + " " + provider.getVersionStr()
				+ (first ? " (AWS-LC), first among the JCA providers" : ", installed but not first"));
	}

	/** The native provider as {@code loader} finds it, loaded and self-tested; or why there is none. */
	static Provider healthyProvider(ClassLoader loader) throws UnavailableException {
		Provider provider = null;
		try {
			for (Provider candidate : ServiceLoader.load(Provider.class, loader)) {
				if (PROVIDER_NAME.equals(candidate.getName())) {
					provider = candidate;
				}
			}
		}
		catch (ServiceConfigurationError | LinkageError ex) {
			throw new UnavailableException(ex.toString());
		}
		if (provider == null) {
			throw new UnavailableException("not bundled for " + System.getProperty("os.name") + "/"
					+ System.getProperty("os.arch"));
		}
		try {
			// Public API of the provider (getLoadingError, assertHealthy), called reflectively because the
			// class exists only in the per-platform jars, not at compile time.
			Object loadingError = provider.getClass().getMethod("getLoadingError").invoke(provider);
			if (loadingError != null) {
				throw new UnavailableException(String.valueOf(loadingError));
			}
			provider.getClass().getMethod("assertHealthy").invoke(provider);
		}
		catch (InvocationTargetException ex) {
			throw new UnavailableException("self-test failed: " + ex.getCause());
		}
		catch (ReflectiveOperationException ex) {
			throw new UnavailableException(ex.toString());
		}
		if (provider.getService("Signature", "SHA256withRSA") == null) {
			throw new UnavailableException("no SHA256withRSA");
		}
		return provider;
	}

	/** A value of {@value #PROPERTY} that is neither {@code auto} nor {@code off}. */
	public static final class InvalidSettingException extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		InvalidSettingException(String message) {
			super(message);
		}

	}

	static final class UnavailableException extends Exception {

		private static final long serialVersionUID = 1L;

		UnavailableException(String message) {
			super(message, null, false, false);
		}

	}

}
