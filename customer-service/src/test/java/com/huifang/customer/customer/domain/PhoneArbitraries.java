package com.huifang.customer.customer.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Phone numbers as people write them, for property tests. */
public final class PhoneArbitraries {

    private PhoneArbitraries() {
    }

    public static Arbitrary<String> mobiles() {
        Arbitrary<String> digits = Combinators.combine(
                Arbitraries.integers().between(3, 9), Arbitraries.strings().numeric().ofLength(9))
                .as((second, rest) -> "1" + second + rest);
        Arbitrary<String> prefix = Arbitraries.of("", "+86", "+86 ", "0086", "86", "+86-");
        Arbitrary<String> separator = Arbitraries.of("", " ", "-");
        return Combinators.combine(prefix, digits, separator).as((p, d, s) ->
                p + d.substring(0, 3) + s + d.substring(3, 7) + s + d.substring(7));
    }

    public static Arbitrary<String> landlines() {
        Arbitrary<String> area = Arbitraries.oneOf(
                Arbitraries.of("010", "020", "021", "022", "023", "024", "025", "027", "028", "029"),
                Arbitraries.integers().between(310, 999).map(n -> "0" + n));
        Arbitrary<String> subscriber = Combinators.combine(
                Arbitraries.integers().between(2, 9), Arbitraries.strings().numeric().ofMinLength(6).ofMaxLength(7))
                .as((first, rest) -> first + rest);
        Arbitrary<String> extension = Arbitraries.of("", "转123", " ext 9", "-8001", "#42");
        return Combinators.combine(area, Arbitraries.of("-", " ", ""), subscriber, extension)
                .as((a, s, n, e) -> a + s + n + e);
    }

    public static Arbitrary<String> internationals() {
        return Combinators.combine(Arbitraries.of("+44", "+1", "+852", "+81", "+49"),
                Arbitraries.strings().numeric().ofMinLength(7).ofMaxLength(10))
                .as((cc, n) -> cc + " " + n);
    }

}
