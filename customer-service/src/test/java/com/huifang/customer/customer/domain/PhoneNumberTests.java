package com.huifang.customer.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "13812341234           | +8613812341234 | MOBILE",
            "138 1234 1234         | +8613812341234 | MOBILE",
            "138-1234-1234         | +8613812341234 | MOBILE",
            "+86 138 1234 1234     | +8613812341234 | MOBILE",
            "+86-13812341234       | +8613812341234 | MOBILE",
            "008613812341234       | +8613812341234 | MOBILE",
            "8613812341234         | +8613812341234 | MOBILE",
            "(+86) 199 0000 1111   | +8619900001111 | MOBILE",
            "１３８１２３４１２３４    | +8613812341234 | MOBILE",
            "010-12345678          | +861012345678  | LANDLINE",
            "(010) 8765 4321       | +861087654321  | LANDLINE",
            "0571-8888777          | +865718888777  | LANDLINE",
            "0571 88887777         | +8657188887777 | LANDLINE",
            "021-62345678          | +862162345678  | LANDLINE",
            "+86 10 6234 5678      | +861062345678  | LANDLINE",
            "+86 (0)10 6234 5678   | +861062345678  | LANDLINE",
            "+44 20 7946 0958      | +442079460958  | INTERNATIONAL",
            "+1 415 555 0100       | +14155550100   | INTERNATIONAL",
            "00852 2123 4567       | +85221234567   | INTERNATIONAL",
    })
    void acceptedFormatsNormaliseToE164(String raw, String e164, PhoneNumber.Kind kind) {
        PhoneNumber phone = PhoneNumber.parse(raw);
        assertThat(phone.e164()).isEqualTo(e164);
        assertThat(phone.kind()).isEqualTo(kind);
        assertThat(phone.extension()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> ext {2}")
    @CsvSource(delimiter = '|', value = {
            "010-62345678转123      | +861062345678 | 123",
            "010-62345678 分机 8     | +861062345678 | 8",
            "0571-88887777 ext. 42  | +8657188887777 | 42",
            "0571-88887777 x42      | +8657188887777 | 42",
            "0571-88887777#42       | +8657188887777 | 42",
            "010-62345678-123       | +861062345678 | 123",
            "+861062345678;ext=123  | +861062345678 | 123",
    })
    void landlineExtensionsAreKeptApartFromTheNumber(String raw, String e164, String extension) {
        PhoneNumber phone = PhoneNumber.parse(raw);
        assertThat(phone.e164()).isEqualTo(e164);
        assertThat(phone.extension()).contains(extension);
        assertThat(phone.canonical()).isEqualTo(e164 + ";ext=" + extension);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "   ", "12812341234", "1381234123", "138123412345", "62345678", "1234567",
            "010-1234567890", "010-123456", "010-02345678", "0", "+", "+86", "+861", "+12345",
            "138abc41234", "tel:13812341234", "13812341234转12", "+0123456789", "+1234567890123456",
            "00000000000"})
    void rejectedFormatsGiveAReason(String raw) {
        Validated<PhoneNumber> result = PhoneNumber.validate(raw);
        assertThat(result.isValid()).as(raw).isFalse();
        assertThat(result.errors()).allSatisfy(e -> assertThat(e.message()).isNotBlank());
    }

    @org.junit.jupiter.api.Test
    void landlineWithoutAreaCodeIsRejectedAsAmbiguous() {
        assertThat(PhoneNumber.validate("62345678").errors())
                .singleElement().satisfies(e -> assertThat(e.message()).contains("area code"));
    }

    @org.junit.jupiter.api.Test
    void sameNumberWrittenDifferentlyHasOneDuplicateKey() {
        assertThat(PhoneNumber.parse("+86 138-1234-1234").canonical())
                .isEqualTo(PhoneNumber.parse("13812341234").canonical())
                .isEqualTo(PhoneNumber.parse("0086 138 1234 1234").canonical());
    }

    @org.junit.jupiter.api.Test
    void areaCodeKeepsTrunkZero() {
        assertThat(PhoneNumber.parse("0571-88887777").areaCode()).contains("0571");
        assertThat(PhoneNumber.parse("010-62345678").areaCode()).contains("010");
        assertThat(PhoneNumber.parse("13812341234").areaCode()).isEmpty();
    }

    @Property(tries = 300)
    void normalisingTheDisplayOrCanonicalFormGivesTheSameNumber(@ForAll("writtenPhones") String raw) {
        PhoneNumber phone = PhoneNumber.parse(raw);
        assertThat(PhoneNumber.parse(phone.displayFormat())).isEqualTo(phone);
        assertThat(PhoneNumber.parse(phone.canonical())).isEqualTo(phone);
        assertThat(PhoneNumber.parse(phone.canonical()).canonical()).isEqualTo(phone.canonical());
    }

    @Provide
    Arbitrary<String> writtenPhones() {
        return Arbitraries.oneOf(PhoneArbitraries.mobiles(), PhoneArbitraries.landlines(), PhoneArbitraries.internationals());
    }

    @Property(tries = 200)
    void anyGeneratedWrittenPhoneIsAccepted(@ForAll("writtenPhones") String raw) {
        assertThat(PhoneNumber.validate(raw).isValid()).as(raw).isTrue();
    }
}
