package io.gatehouse.boot;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

class NativeCryptoTest {

	private static final byte[] MESSAGE = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0".getBytes(StandardCharsets.US_ASCII);

	@Test
	void installOnLinuxX86ThenTheNativeProviderIsFirstAndItsSignaturesAreTheJdksSignatures() throws Exception {
		// The platform CI builds on: the profile for it must have put the provider on the class path.
		assumeThat(System.getProperty("os.name").toLowerCase(Locale.ROOT)).isEqualTo("linux");
		assumeThat(System.getProperty("os.arch")).isEqualTo("amd64");

		NativeCrypto.Outcome outcome = NativeCrypto.install("auto");

		assertThat(outcome.nativeProviderFirst()).as(outcome.description()).isTrue();
		assertThat(outcome.description()).startsWith("AmazonCorrettoCryptoProvider 2.");
		assertThat(Security.getProviders()[0].getName()).isEqualTo(NativeCrypto.PROVIDER_NAME);
		KeyPair keys = jdkKeyPair();
		Signature byDefault = Signature.getInstance("SHA256withRSA");
		byDefault.initSign(keys.getPrivate());
		assertThat(byDefault.getProvider().getName()).isEqualTo(NativeCrypto.PROVIDER_NAME);
		byDefault.update(MESSAGE);
		byte[] nativeSignature = byDefault.sign();
		// RSASSA-PKCS1-v1_5 is deterministic: the same key and message give the same bytes on either provider.
		assertThat(nativeSignature).isEqualTo(sign(keys, Security.getProvider("SunRsaSign")));
		Signature jdkVerifier = Signature.getInstance("SHA256withRSA", "SunRsaSign");
		jdkVerifier.initVerify(keys.getPublic());
		jdkVerifier.update(MESSAGE);
		assertThat(jdkVerifier.verify(nativeSignature)).isTrue();
	}

	@Test
	void installTwiceThenOneProviderInstance() {
		NativeCrypto.install("auto");
		NativeCrypto.Outcome again = NativeCrypto.install("AUTO");
		long count = Arrays.stream(Security.getProviders())
			.filter((provider) -> provider.getName().equals(NativeCrypto.PROVIDER_NAME))
			.count();
		assertThat(count).isLessThanOrEqualTo(1);
		assertThat(again.nativeProviderFirst()).isEqualTo(count == 1);
	}

	@Test
	void installWhenOffThenTheProviderListIsLeftAlone() {
		Provider[] before = Security.getProviders();
		NativeCrypto.Outcome outcome = NativeCrypto.install("off");
		assertThat(outcome.nativeProviderFirst()).isFalse();
		assertThat(outcome.description()).isEqualTo("JDK providers (gatehouse.crypto.native-provider=off)");
		assertThat(Security.getProviders()).containsExactly(before);
	}

	@Test
	void providerWhenNotOnTheClassPathThenUnavailableWithThePlatformNamed() {
		// The platform class loader sees the JDK's providers only, as a machine without a bundled build does.
		assertThatExceptionOfType(NativeCrypto.UnavailableException.class)
			.isThrownBy(() -> NativeCrypto.healthyProvider(ClassLoader.getPlatformClassLoader()))
			.withMessage("not bundled for " + System.getProperty("os.name") + "/" + System.getProperty("os.arch"));
	}

	@Test
	void installWhenSettingUnknownThenRefusedWithThePropertyName() {
		assertThatExceptionOfType(NativeCrypto.InvalidSettingException.class)
			.isThrownBy(() -> NativeCrypto.install("fast"))
			.withMessage("gatehouse.crypto.native-provider must be auto or off, not 'fast'");
	}

	private static KeyPair jdkKeyPair() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", "SunRsaSign");
		generator.initialize(2048);
		return generator.generateKeyPair();
	}

	private static byte[] sign(KeyPair keys, Provider provider) throws Exception {
		Signature signature = Signature.getInstance("SHA256withRSA", provider);
		signature.initSign(keys.getPrivate());
		signature.update(MESSAGE);
		return signature.sign();
	}

}
