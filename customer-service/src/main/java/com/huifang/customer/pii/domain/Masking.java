package com.huifang.customer.pii.domain;

import com.huifang.customer.customer.domain.ChineseIdNumber;
import com.huifang.customer.customer.domain.EmailAddress;
import com.huifang.customer.customer.domain.PhoneNumber;

/**
 * How personal values are shown to callers who may not reveal them.
 * <ul>
 *   <li>mobile: first 3 and last 4 digits, {@code 138****1234};</li>
 *   <li>landline: area code and last 4 digits, {@code 0571-****7777}, {@code 010-****5678}; an
 *       extension is masked too ({@code 转***});</li>
 *   <li>international: country code and last 4, {@code +44******0958};</li>
 *   <li>ID number: first 3 and last 4, {@code 110***********002X};</li>
 *   <li>e-mail: first character of the local part and the domain, {@code a***@x.com}.</li>
 * </ul>
 * A masked phone never shows more than 7 digits of the national number (an area code's trunk
 * 0 and the country code carry no personal information) and always hides at least 3.
 */
public final class Masking {

    private Masking() {
    }

    public static String phone(PhoneNumber phone) {
        String nsn = phone.nationalSignificantNumber();
        String masked = switch (phone.kind()) {
            case MOBILE -> nsn.substring(0, 3) + "****" + nsn.substring(7);
            case LANDLINE -> {
                String area = phone.areaCode().orElseThrow();
                int subscriber = nsn.length() - (area.length() - 1);
                yield area + "-" + "*".repeat(subscriber - 4) + nsn.substring(nsn.length() - 4);
            }
            case INTERNATIONAL -> internationalMask(phone.e164());
        };
        return phone.extension().isPresent() ? masked + " 转***" : masked;
    }

    /**
     * {@code +} and up to 3 leading digits (about the country code; fewer for short numbers so
     * that at least 3 digits stay hidden), stars, then the last 4.
     */
    private static String internationalMask(String e164) {
        String digits = e164.substring(1);
        int keep = Math.min(3, digits.length() - 7);
        return "+" + digits.substring(0, keep) + "*".repeat(digits.length() - keep - 4) + digits.substring(digits.length() - 4);
    }

    public static String idNumber(ChineseIdNumber id) {
        String v = id.value();
        return v.substring(0, 3) + "*".repeat(v.length() - 7) + v.substring(v.length() - 4);
    }

    public static String email(EmailAddress email) {
        String local = email.localPart();
        return local.substring(0, 1) + "***@" + email.domain();
    }
}
