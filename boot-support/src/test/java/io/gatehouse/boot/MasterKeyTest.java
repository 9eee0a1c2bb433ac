package io.gatehouse.boot;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MasterKeyTest {

	private final MasterKey key = MasterKey.fromBase64(MasterKey.generateBase64());

	@Test
	void encryptThenDecryptWithSamePurposeRoundTrips() {
		byte[] sealed = this.key.encrypt("s3cret".getBytes(StandardCharsets.UTF_8), "admin-secret");
		assertThat(new String(this.key.decrypt(sealed, "admin-secret"), StandardCharsets.UTF_8)).isEqualTo("s3cret");
	}

	@Test
	void encryptTwiceThenCiphertextsDiffer() {
		assertThat(this.key.encryptToBase64("same", "p")).isNotEqualTo(this.key.encryptToBase64("same", "p"));
	}

	@Test
	void decryptWhenPurposeDiffersThenRefused() {
		String sealed = this.key.encryptToBase64("totp-seed", "totp");
		assertThatIllegalArgumentException().isThrownBy(() -> this.key.decryptFromBase64(sealed, "client-secret"));
	}

	@Test
	void decryptWhenTamperedThenRefused() {
		byte[] sealed = this.key.encrypt(new byte[] { 1, 2, 3 }, "p");
		sealed[sealed.length - 1] ^= 1;
		assertThatIllegalArgumentException().isThrownBy(() -> this.key.decrypt(sealed, "p"));
	}

	@Test
	void decryptWhenOtherKeyThenRefused() {
		byte[] sealed = this.key.encrypt(new byte[] { 1, 2, 3 }, "p");
		MasterKey other = MasterKey.fromBase64(MasterKey.generateBase64());
		assertThatIllegalArgumentException().isThrownBy(() -> other.decrypt(sealed, "p"));
	}

	@Test
	void fromBase64WhenWrongLengthOrNotBase64ThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> MasterKey.fromBase64("c2hvcnQ="));
		assertThatIllegalArgumentException().isThrownBy(() -> MasterKey.fromBase64("not base64 at all!"));
	}

	@Test
	void toStringNeverShowsTheKey() {
		assertThat(this.key.toString()).isEqualTo("MasterKey[redacted]");
	}

}
