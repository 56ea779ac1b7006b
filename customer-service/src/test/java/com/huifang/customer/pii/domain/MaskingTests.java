package com.huifang.customer.pii.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.huifang.customer.customer.domain.ChineseIdNumber;
import com.huifang.customer.customer.domain.EmailAddress;
import com.huifang.customer.customer.domain.PhoneNumber;
import com.huifang.customer.customer.domain.PhoneArbitraries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "13812341234        | 138****1234",
            "+86 199 0000 1111  | 199****1111",
            "010-62345678       | 010-****5678",
            "0571-8888777       | 0571-***8777",
            "0571-88887777转123  | 0571-****7777 转***",
            "+44 20 7946 0958   | +442*****0958",
            "+1 415 555 0100    | +141****0100",
    })
    void phonesShowOnlyPrefixAndLastFour(String raw, String masked) {
        assertThat(Masking.phone(PhoneNumber.parse(raw))).isEqualTo(masked);
    }

    @org.junit.jupiter.api.Test
    void idNumberShowsFirstThreeAndLastFour() {
        assertThat(Masking.idNumber(ChineseIdNumber.parse("11010519491231002X"))).isEqualTo("110***********002X");
    }

    @org.junit.jupiter.api.Test
    void emailShowsFirstLetterAndDomain() {
        assertThat(Masking.email(EmailAddress.parse("alice.wang@x.com"))).isEqualTo("a***@x.com");
    }

    @Property(tries = 500)
    void maskedPhoneNeverRevealsMoreThanSevenDigitsOfTheNumber(@ForAll("phones") String raw) {
        PhoneNumber phone = PhoneNumber.parse(raw);
        String masked = Masking.phone(phone).replaceAll(" 转\\*+$", "");
        String digits = masked.replaceAll("[^0-9]", "");
        // a landline's trunk 0 and an international number's "+" carry no personal information
        int shown = phone.kind() == PhoneNumber.Kind.LANDLINE ? digits.length() - 1 : digits.length();
        int hidden = (int) masked.chars().filter(c -> c == '*').count();
        assertThat(shown).as(masked).isLessThanOrEqualTo(7);
        assertThat(hidden).as(masked).isGreaterThanOrEqualTo(3);
        assertThat(masked).as("last four shown").endsWith(phone.e164().substring(phone.e164().length() - 4));
    }

    @Provide
    Arbitrary<String> phones() {
        return Arbitraries.oneOf(PhoneArbitraries.mobiles(), PhoneArbitraries.landlines(), PhoneArbitraries.internationals(),
                Arbitraries.strings().numeric().ofMinLength(7).ofMaxLength(14).map(n -> "+" + (n.charAt(0) == '0' ? "9" + n : n))
                        .filter(s -> !s.startsWith("+86") && s.length() >= 9));
    }
}
