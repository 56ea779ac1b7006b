package com.huifang.customer.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseIdNumberTests {

    @Test
    void validNumberWithCheckCharacterXIsAcceptedInEitherCase() {
        assertThat(ChineseIdNumber.parse("11010519491231002x").value()).isEqualTo("11010519491231002X");
        assertThat(ChineseIdNumber.validate("440524188001010014").isValid()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "110105194912310021, id-number-checksum",
            "11010519491331002X, id-number-format",
            "110105194902300028, id-number-format",
            "11010519491231002, id-number-format",
            "010105194912310021, id-number-format",
            "1101051949123100AX, id-number-format"})
    void badNumbersAreRejectedWithTheRule(String raw, String code) {
        assertThat(ChineseIdNumber.validate(raw).errors()).extracting(FieldError::code).containsExactly(code);
    }

    @Test
    void toStringDoesNotRevealTheNumber() {
        assertThat(ChineseIdNumber.parse("11010519491231002X").toString()).doesNotContain("19491231");
    }
}
