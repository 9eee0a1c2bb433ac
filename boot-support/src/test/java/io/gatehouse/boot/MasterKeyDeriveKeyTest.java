package io.gatehouse.boot;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MasterKeyDeriveKeyTest {

	private final MasterKey key = MasterKey.fromBase64("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");

	@Test
	void deriveKeyWhenSamePurposeThenSameKey() {
		assertThat(this.key.deriveKey("codes", 32)).isEqualTo(this.key.deriveKey("codes", 32));
	}

	@Test
	void deriveKeyWhenOtherPurposeOrOtherMasterKeyThenUnrelatedKey() {
		MasterKey other = MasterKey.fromBase64(MasterKey.generateBase64());
		assertThat(this.key.deriveKey("codes", 32)).isNotEqualTo(this.key.deriveKey("other", 32))
			.isNotEqualTo(other.deriveKey("codes", 32));
	}

	@Test
	void deriveKeyWhenLongerThanOneBlockThenPrefixMatchesShorterKey() {
		byte[] longKey = this.key.deriveKey("codes", 64);
		assertThat(longKey).hasSize(64).startsWith(this.key.deriveKey("codes", 32));
	}

	@Test
	void deriveKeyWhenLengthOutOfRangeThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.key.deriveKey("codes", 8));
	}

}
