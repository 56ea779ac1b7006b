package com.huifang.customer.pii.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.customer.customer.domain.PhoneNumber;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LookupHashTests {

    private static final LookupHash HASH = new LookupHash(key(7));

    private static byte[] key(int b) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) b);
        return k;
    }

    @Test
    void samePhoneWrittenDifferentlyHashesEqually() {
        assertThat(HASH.ofPhone("t-1", PhoneNumber.parse("138 1234 1234")))
                .isEqualTo(HASH.ofPhone("t-1", PhoneNumber.parse("+86-138-1234-1234")))
                .matches("[0-9a-f]{64}")
                .doesNotContain("13812341234");
    }

    @Test
    void hashDependsOnTenantFieldAndKey() {
        String base = HASH.of("t-1", PersonalField.PHONE, "+8613812341234");
        assertThat(HASH.of("t-2", PersonalField.PHONE, "+8613812341234")).isNotEqualTo(base);
        assertThat(HASH.of("t-1", PersonalField.ID_NUMBER, "+8613812341234")).isNotEqualTo(base);
        assertThat(new LookupHash(key(8)).of("t-1", PersonalField.PHONE, "+8613812341234")).isNotEqualTo(base);
    }
}
