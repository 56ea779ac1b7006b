package com.huifang.customer.pii.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class FieldCipherTests {

    private static final byte[] K1 = filled(1);
    private static final byte[] K2 = filled(2);
    private static final FieldCipher CIPHER = new FieldCipher(Map.of("k1", K1), "k1", new SecureRandom());

    private static byte[] filled(int b) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) b);
        return k;
    }

    @Property(tries = 100)
    void decryptingWhatWasEncryptedGivesThePlaintextBack(@ForAll String plaintext, @ForAll String context) {
        assertThat(CIPHER.decrypt(CIPHER.encrypt(plaintext, context), context)).isEqualTo(plaintext);
    }

    @Test
    void ciphertextNamesVersionAndKeyAndHidesThePlaintext() {
        String ct = CIPHER.encrypt("+8613812341234");
        assertThat(ct).matches("v1:k1:[A-Za-z0-9_-]+").doesNotContain("13812341234");
        // 12-byte IV + 14 plaintext bytes + 16-byte tag = 42 bytes = 56 base64url characters
        assertThat(ct.substring("v1:k1:".length())).hasSize(56);
    }

    @Test
    void sameValueEncryptsDifferentlyEachTime() {
        assertThat(CIPHER.encrypt("+8613812341234")).isNotEqualTo(CIPHER.encrypt("+8613812341234"));
    }

    @Test
    void anyAlteredByteIsDetected() {
        String ct = CIPHER.encrypt("+8613812341234");
        byte[] raw = Base64.getUrlDecoder().decode(ct.substring(6));
        for (int i = 0; i < raw.length; i++) {
            byte[] copy = raw.clone();
            copy[i] ^= 0x01;
            String tampered = "v1:k1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(copy);
            assertThatThrownBy(() -> CIPHER.decrypt(tampered)).as("byte " + i)
                    .isInstanceOf(FieldCipher.CipherFailure.class);
        }
    }

    @Test
    void ciphertextBoundToOneContextDoesNotDecryptInAnother() {
        String ct = CIPHER.encrypt("+8613812341234", "t-1/c-1/phone");
        assertThatThrownBy(() -> CIPHER.decrypt(ct, "t-1/c-2/phone")).isInstanceOf(FieldCipher.CipherFailure.class);
    }

    @Test
    void afterRotationOldValuesStillDecryptAndNewOnesUseTheActiveKey() {
        String old = CIPHER.encrypt("110105194912310021");
        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put("k1", K1);
        keys.put("k2", K2);
        FieldCipher rotated = new FieldCipher(keys, "k2", new SecureRandom());

        assertThat(rotated.decrypt(old)).isEqualTo("110105194912310021");
        assertThat(rotated.needsReEncryption(old)).isTrue();
        String renewed = rotated.reEncrypt(old, "");
        assertThat(FieldCipher.keyIdOf(renewed)).isEqualTo("k2");
        assertThat(rotated.needsReEncryption(renewed)).isFalse();
        assertThat(rotated.decrypt(renewed)).isEqualTo("110105194912310021");
    }

    @Test
    void unknownKeyIdAndMalformedValuesAreRefused() {
        FieldCipher onlyK2 = new FieldCipher(Map.of("k2", K2), "k2", new SecureRandom());
        String ct = CIPHER.encrypt("x");
        assertThatThrownBy(() -> onlyK2.decrypt(ct)).isInstanceOf(FieldCipher.CipherFailure.class)
                .hasMessageContaining("unknown key id");
        assertThatThrownBy(() -> CIPHER.decrypt("13812341234")).isInstanceOf(FieldCipher.CipherFailure.class);
        assertThatThrownBy(() -> CIPHER.decrypt("v1:k1:AAAA")).isInstanceOf(FieldCipher.CipherFailure.class);
        assertThatThrownBy(() -> CIPHER.decrypt("v1:k1:!!!")).isInstanceOf(FieldCipher.CipherFailure.class);
    }

    @Test
    void keysMustBe256BitsAndTheActiveOneConfigured() {
        assertThatThrownBy(() -> new FieldCipher(Map.of("k1", new byte[16]), "k1", new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FieldCipher(Map.of("k1", K1), "k9", new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FieldCipher(Map.of("k:1", K1), "k:1", new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysLoadFromBase64Configuration() {
        FieldCipher fromConfig = FieldCipher.fromBase64Keys(
                Map.of("k1", Base64.getEncoder().encodeToString(K1)), "k1");
        assertThat(CIPHER.decrypt(fromConfig.encrypt("same key"))).isEqualTo("same key");
    }
}
